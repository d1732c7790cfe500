/**
 * Finding a clause's finite verb (SPEC §5 rule 3): a modal, an auxiliary,
 * or a verb the lexicon lists in a finite form where it cannot be a noun
 * or a participle; compromise is asked only where the lexicon's form is
 * ambiguous ("resource projects") or the lexicon lacks the verb.
 */
import * as words from '../lexicon/function-words.js'
import { listedAsAdjective } from '../nlp/compromise.js'
import type { Hit } from './decision.js'
import { auxiliaryModality, modalModality } from './modality.js'
import type { Sentence } from './sentence.js'

/** The first finite verb in `from`..`to`, or undefined. */
export function findFinite(s: Sentence, from: number, to: number): Hit | undefined {
  const t = s.tokens
  for (let j = from; j < to; j++) {
    // "SunCulture, an Africa-focused company dedicated to X, commits…":
    // an appositive after a name says nothing about the main verb.
    if (t[j]!.text === ',' && t[j - 1]?.capitalised && words.ARTICLES.has(t[j + 1]?.lower ?? '')) {
      const close = t.findIndex((token, n) => n > j && token.text === ',')
      if (close > j && close < to) {
        j = close
        s.appositiveEnd = close
        continue
      }
    }
    const hit = finiteAt(s, j, j > from) ?? (j > from ? unknownFiniteAt(s, j) : undefined)
    if (hit) return hit
  }
  return undefined
}

/** Whether token `j` is a finite verb (or a modal/auxiliary opening one). */
export function finiteAt(s: Sentence, j: number, allowPresent: boolean): Hit | undefined {
  const t = s.tokens
  const token = t[j]!
  if (!token.word || token.capitalised) return undefined
  const lower = token.lower
  if (words.MODALS.has(lower)) return { index: j, kind: 'modal', modality: modalModality(lower) }
  if (words.BE.has(lower) || words.HAVE.has(lower) || words.DO.has(lower)) {
    if (lower === 'being' || lower === 'having') return undefined
    return { index: j, kind: 'aux', modality: auxiliaryModality(lower) }
  }
  const readings = s.readings(lower)
  if (!readings) return undefined
  // "We further call upon…": read past the adverb to the subject.
  const prev = t[j - 1] && words.ADVERBS.has(t[j - 1]!.lower) ? s.subjectEnd(j) : t[j - 1]
  const prev2 = t[j - 2]
  const next = s.nextWord(j + 1)
  // "We further call upon…": an adverb before the verb, not the verb.
  if (words.ADVERBS.has(lower) && next && s.readings(next.lower)) return undefined
  // "A Digital Invest grant of $500,000": a noun before "of".
  if (next?.lower === 'of' && !readings.some((r) => r.kind === 'past')) return undefined
  // "This includes…" is a verb after a pronoun; "the launched…" is not.
  const onlyPresent = readings.every((r) => r.kind === 's')
  const determiners = onlyPresent ? words.ARTICLES : words.DETERMINERS
  const attributive =
    (prev && /['’]s$/.test(prev.text)) ||
    (prev && (determiners.has(prev.lower) || words.PREPOSITIONS.has(prev.lower) || prev.lower === 'to')) ||
    (prev && /ly$/.test(prev.lower) && prev2 && words.DETERMINERS.has(prev2.lower))
  if (attributive) return undefined
  if (readings.some((r) => r.kind === 'past')) {
    // "funds appropriated by Congress": a participle modifying a noun.
    if (next?.lower === 'by' && !readings.some((r) => r.kind === 's')) return undefined
    if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower))) return undefined
    return { index: j, kind: 'finite', modality: 'done' }
  }
  if (!allowPresent) return undefined
  if (readings.some((r) => r.kind === 's' || r.kind === 'base')) {
    // "INL support expanded access", "Asia travels underscored": a noun before
    // the real verb; only a linking verb stands before a participle ("remain committed").
    if (next && s.readings(next.lower)?.every((r) => r.kind === 'past') && !readings.some((r) => words.LINKING_VERBS.has(r.lemma))) return undefined
    // "projects will…": a noun heading the subject.
    if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower) || words.HAVE.has(next.lower))) return undefined
    if (readings.every((r) => r.kind === 'base') && prev && !canPrecedeBase(s, j)) return undefined
    // After a name or pronoun the lexicon is trusted ("DTA coordinates");
    // after a common noun compromise must agree ("resource projects").
    const subject = s.subjectEnd(j)
    const trusted =
      j - 1 === s.appositiveEnd ||
      (subject && ((subject.capitalised && !listedAsAdjective(subject.lower)) || words.PLURAL_PRONOUNS.has(subject.lower) || subject.text === ')')) ||
      // "commits to mobilizing", "aims to strengthen": an -s form before "to".
      (next?.lower === 'to' && readings.some((r) => r.kind === 's')) ||
      // "– NATO 3.0 – moves the Alliance": an -s form before a determiner.
      (next !== undefined && words.ARTICLES.has(next.lower) && readings.some((r) => r.kind === 's'))
    if (!trusted && !s.taggedAsVerb(token)) return undefined
    return { index: j, kind: 'present', modality: 'ongoing' }
  }
  return undefined
}

/** A plural subject can stand before a base-form present at `j` ("The leaders welcome…", "We also welcome…"). */
function canPrecedeBase(s: Sentence, j: number): boolean {
  if (j - 1 === s.appositiveEnd) return true
  const subject = s.subjectEnd(j)
  return subject !== undefined && (subject.capitalised || words.PLURAL_PRONOUNS.has(subject.lower) || /s$/.test(subject.lower))
}

/** A verb the lexicon lacks, where compromise sees a finite verb right after a subject (`unknown` in the hit). */
function unknownFiniteAt(s: Sentence, j: number): Hit | undefined {
  const t = s.tokens
  const token = t[j]!
  if (!token.word || token.capitalised || !/(ed|es|s)$/.test(token.lower) || s.readings(token.lower)) return undefined
  if (words.FUNCTION_WORDS.has(token.lower)) return undefined
  const prev = t[j - 1]
  // Only after something that can end a subject: a name, a pronoun, ")".
  if (!prev || !(prev.capitalised || words.PLURAL_PRONOUNS.has(prev.lower) || prev.text === ')')) return undefined
  const tags = s.tagsOf(token)
  if (tags && tags.has('Verb') && (tags.has('PastTense') || tags.has('PresentTense')) && !tags.has('Infinitive') && !tags.has('Gerund') && !tags.has('Auxiliary')) {
    return { index: j, kind: 'finite', modality: tags.has('PastTense') ? 'done' : 'ongoing', tagged: true }
  }
  return undefined
}
