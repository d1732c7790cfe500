/**
 * From a clause's finite verb, modal or auxiliary to its action verb (SPEC
 * §5 rule 3): skip further auxiliaries and adverbs ("will also be", "has
 * been"), read "be on track to", "be poised to" as plans, and keep a
 * copula or "have" with no verb after it as the verb (rule 4).
 */
import * as words from '../lexicon/function-words.js'
import { ruleTable, type Decision, type Hit, type Why } from './decision.js'
import type { Sentence } from './sentence.js'
import { andThen, verbAfterTo, verbAt } from './verb.js'

export const verbGroupRules = ruleTable({
  imperative: {
    id: 'action/imperative',
    what: 'After a frame that allows it ("Recognizing that …,", "To …,"), a lowercase base form the lexicon classes, opening the clause after a comma, is an imperative: that verb, `planned`.',
    example: 'Recognizing that the Indo-Pacific is a key region, advance cooperation with partners.',
    yields: 'verb advance, advancing, planned'
  },
  beTo: {
    id: 'action/be-to',
    what: '"be" with a complement of intent ("on track", "poised", "set", "ready", "committed", "proud", …) and "to" and a verb: that verb, `planned`.',
    example: 'The U.S. government is on track to provide $70 million to support exchanges.',
    yields: 'verb provide, launching, planned'
  },
  afterModal: {
    id: 'action/after-modal',
    what: 'After a modal, a lowercase word the lexicon lacks (not a determiner or preposition) is the verb ("will envision").',
    example: 'The MFO peacekeepers, including U.S. soldiers, will depart Tiran by the end of the year.',
    yields: 'verb depart, other, planned (unknown verb warning)'
  },
  taggedAfterAuxiliary: {
    id: 'action/tagged-after-auxiliary',
    what: 'After "be", "have" or a modal, a word the lexicon lacks that compromise tags as a verb and not a noun is the verb.',
    example: 'The ministry has digitized its archives.',
    yields: 'verb digitize, other, done (unknown verb warning)'
  },
  copula: {
    id: 'action/copula',
    what: 'A copula, "have" or "do" with no verb after it (a noun, an adjective, an adjectival participle such as "united", "concerned") is the verb itself: "be", "have", "do", class from the lexicon, else `other`.',
    example: 'Disparate-impact liability is a legal theory.',
    yields: 'verb be, other, ongoing'
  }
})

/** Turn a hit into a decision: follow modals and auxiliaries to the verb. */
export function resolve(s: Sentence, hit: Hit, why: Why): Decision {
  const t = s.tokens
  if (hit.kind === 'imperative') return verbAt(s, hit.index, 'planned', { rule: verbGroupRules.imperative.id, reason: `${why.reason} (imperative)` })
  if (hit.kind === 'finite' || hit.kind === 'present') return verbAt(s, hit.index, hit.modality, why)
  // Modal or auxiliary: skip adverbs and further auxiliaries ("will also be", "has been").
  let k = hit.index + 1
  // The copula as written, if one is seen: "is", or the "be" after "will".
  let be = words.BE.has(t[hit.index]!.lower) ? t[hit.index] : undefined
  let sawHave = words.HAVE.has(t[hit.index]!.lower)
  let modality = hit.modality
  for (; k < t.length; k++) {
    const token = t[k]!
    if (!token.word) {
      if (token.text === '-' || token.text === '–' || token.text === '—' || token.text === ',') continue
      break
    }
    if (words.BE.has(token.lower)) {
      be ??= token
      continue
    }
    if (words.HAVE.has(token.lower) && hit.kind === 'modal') {
      sawHave = true
      continue
    }
    if (s.isAdverb(k)) continue
    // "has aggressively and successfully negotiated".
    if ((token.lower === 'and' || token.lower === 'or') && s.isAdverb(k - 1) && s.isAdverb(k + 1)) continue
    break
  }
  const token = t[k]
  const sawBe = be !== undefined
  // "has launched", "will have completed": perfect, done.
  if (hit.kind === 'aux' && sawHave && !sawBe && modality !== 'done') modality = 'done'
  // "is on track to provide", "is poised to launch".
  if (token && sawBe && words.BE_COMPLEMENTS.has(token.lower)) {
    let m = k + 1
    if (token.lower === 'on' && t[m]?.lower === 'track') m++
    if (t[m]?.lower === 'to') {
      const v = verbAfterTo(s, m + 1)
      if (v !== undefined) return verbAt(s, v, 'planned', andThen(why, verbGroupRules.beTo, `be ${token.lower} to`))
    }
  }
  // "We are united in our resolve", "We are concerned by…": a copula.
  const adjectival = token !== undefined && sawBe && words.ADJECTIVAL_PARTICIPLES.has(token.lower)
  if (token && token.word && !token.capitalised && !adjectival) {
    const all = s.readings(token.lower)
    // After "has"/"is" only a participle continues the verb ("has impacts" is "have").
    const readings = hit.kind === 'aux' && !sawBe ? all?.filter((r) => r.kind === 'past') : hit.kind === 'aux' ? all?.filter((r) => r.kind === 'past' || r.kind === 'ing') : all
    if (readings && readings.length > 0) return verbAt(s, k, modality, why)
    // After a modal a lowercase word is a verb ("will envision").
    if (hit.kind === 'modal' && !words.DETERMINERS.has(token.lower) && !words.PREPOSITIONS.has(token.lower) && !sawBe) {
      return verbAt(s, k, modality, andThen(why, verbGroupRules.afterModal))
    }
    const tags = s.tagsOf(token)
    if (tags && tags.has('Verb') && !tags.has('Noun') && (sawBe || sawHave || hit.kind === 'modal')) return verbAt(s, k, modality, andThen(why, verbGroupRules.taggedAfterAuxiliary))
  }
  // A copula or "have" with no verb after it: that verb, class `other` (rule 4).
  const aux = sawBe ? 'be' : sawHave ? 'have' : words.DO.has(t[hit.index]!.lower) ? 'do' : t[hit.index]!.lower
  return {
    verb: aux,
    phrase: (be ?? t[hit.index]!).text,
    class: s.lexicon.classes.get(aux) ?? 'other',
    modality: hit.kind === 'modal' ? hit.modality : 'ongoing',
    ...andThen(why, verbGroupRules.copula, 'copula')
  }
}
