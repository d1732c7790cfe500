/**
 * The sentence's shape decides where its action verb is (SPEC §5 rules
 * 1–4): a bullet led by a verb form, a frame before a main clause, a
 * subject and its verb, or no verb at all. Each shape is a rule; the verb
 * group rules (`verb-group.ts`, `verb.ts`) then refine the verb it finds.
 */
import * as words from '../lexicon/function-words.js'
import { isTitleCase } from '../text/title-case.js'
import { none, ruleTable, type Decision, type Hit } from './decision.js'
import { allowsImperative, isParticipleFrame, mainClauseAfterComma } from './clause.js'
import { findFinite } from './finite.js'
import { isListedGerund, leadVerb } from './lead.js'
import { leadModality, modalModality } from './modality.js'
import type { Sentence } from './sentence.js'
import { withSubject } from './subject.js'
import { resolve } from './verb-group.js'
import { verbAt } from './verb.js'

export const shapeRules = ruleTable({
  noWords: {
    id: 'action/no-words',
    what: 'A text with no word in it (punctuation, a lone lead-in adverb): no action verb, class `other`.',
    example: '—',
    yields: 'verb null, other, ongoing'
  },
  titleIntro: {
    id: 'action/title-intro',
    what: 'A short Title Case phrase ending in a colon introduces a nested list; it is no verb-led bullet: no action verb, class `other`.',
    example: 'Supply Chain Resilience:',
    yields: 'verb null, other, ongoing'
  },
  quote: {
    id: 'action/quote',
    what: 'A text that is one quotation is a quote, not an action: no action verb, class `other`.',
    example: '“We will rebuild together.”',
    yields: 'verb null, other, ongoing'
  },
  participialFrame: {
    id: 'action/participial-frame',
    what: 'A bullet opening with a participle that only sets context, followed by a comma and a main clause with its own subject: the main clause\'s verb.',
    example: 'Reflecting the progress the United States and India have made, NSA Sullivan announced US efforts to finalize a framework.',
    yields: 'verb announce, launching, done'
  },
  leadGerund: {
    id: 'action/lead-gerund',
    what: 'A bullet opening with an -ing form of a listed verb (after an optional lead-in adverb): that verb, `ongoing` (`proposed` for an exploring verb).',
    example: 'Announcing the first-ever joint effort between American and Indian astronauts;',
    yields: 'verb announce, launching, ongoing'
  },
  leadUnknownGerund: {
    id: 'action/lead-unknown-gerund',
    what: 'A bullet opening with a capitalised -ing word the lexicon lacks, which is no listed noun and no name: a verb-led bullet with an unknown verb (or one built on a listed verb), `ongoing`.',
    example: 'Quadrupling the stock buyback tax.',
    yields: 'verb quadruple, other, ongoing (unknown verb warning)'
  },
  leadVerb: {
    id: 'action/lead-verb',
    what: 'A text opening with a listed verb\'s base, -s or past form: that verb, `planned` for a base form ("Facilitate…"), `ongoing` for an -s form ("Advances…"), `done` for a past form ("Provided…").',
    example: 'Provided 200 state-of-the-art ventilators to 29 healthcare facilities.',
    yields: 'verb provide, launching, done'
  },
  frameMainClause: {
    id: 'action/frame-main-clause',
    what: 'A frame ("As …,", "To …,", "In 2023,", "Given …,") before a comma and a main clause with its own subject and finite verb: that verb.',
    example: 'In this regard, the two countries welcomed the Lugano Declaration.',
    yields: 'verb welcome, welcoming, done'
  },
  frameInterruptedSubject: {
    id: 'action/frame-interrupted-subject',
    what: 'A frame whose main clause has no subject-and-verb right after a comma: the first finite verb after the frame\'s comma, the subject running from there ("the Department, in concert with …, facilitated").',
    example: 'Under the agreement, the Department of Energy and its partners, with support from industry, have launched a pilot.',
    yields: 'verb launch, launching, done'
  },
  leadModal: {
    id: 'action/lead-modal',
    what: 'A bullet opening with a modal and no written subject ("Will provide…", "Would expand…"): the verb after the modal, planned (or proposed for "would", "could", "may"…).',
    example: 'Will provide $5 million for vaccine delivery.',
    yields: 'verb provide, launching, planned'
  },
  subjectMainVerb: {
    id: 'action/subject-main-verb',
    what: 'A sentence with a subject: the main verb of its first main clause, past modals and auxiliaries ("will", "has", "is").',
    example: 'The United States will lower the Reciprocal Tariff on India from 25% to 18%.',
    yields: 'verb lower, launching, planned'
  },
  unknownFinite: {
    id: 'action/unknown-finite',
    what: 'A word the lexicon lacks, ending in -s or -ed right after a name, a pronoun or ")", which compromise tags as a finite verb: that verb (unknown verb warning unless built on a listed verb).',
    example: 'The Ministry digitizes land records.',
    yields: 'verb digitize, other, ongoing (unknown verb warning)'
  },
  noVerb: {
    id: 'action/no-verb',
    what: 'No verb form leads the text and its first sentence has no finite verb (a heading, a fragment): no action verb, class `other`.',
    example: 'A new chapter in the partnership between our nations.',
    yields: 'verb null, other, ongoing'
  }
})

/** Decide the action of the sentence's first word on (after lead-in adverbs). */
export function decideShape(s: Sentence): Decision {
  const t = s.tokens
  let i = s.firstWord
  if (i < 0) return none({ rule: shapeRules.noWords.id, reason: 'no words' })
  // "Importantly, …", "Today, …": a lone lead-in adverb sets no frame.
  if (t[i + 1]?.text === ',' && words.isLeadAdverb(t[i]!.lower)) i += 2
  // "FURTHER REAFFIRMING…", "Also welcoming…": an adverb before a verb-led bullet.
  if (words.ADVERBS.has(t[i]?.lower ?? '') && isListedGerund(s, i + 1)) i += 1
  if (!t[i]) return none({ rule: shapeRules.noWords.id, reason: 'no words' })
  // "Open Radio Access Networks (Open RAN):", "Supply Chain Resilience:": a
  // title introducing a nested list, not a verb-led bullet (rule 4).
  if (isTitleIntro(s.text) && !isListedGerund(s, i)) return none({ rule: shapeRules.titleIntro.id, reason: 'title introducing a list' })
  // A quotation is a quote, not an action (rule 4).
  if (/^["“]/.test(s.text) && /["”][.!]?$/.test(s.text)) return none({ rule: shapeRules.quote.id, reason: 'quote' })
  return leadModal(s, i) ?? leadShape(s, i) ?? frameShape(s, i) ?? subjectShape(s, i)
}

/** "Will provide…": a modal opening the text stands for its verb group, with no subject before it. */
function leadModal(s: Sentence, i: number): Decision | undefined {
  const t = s.tokens
  if (!words.MODALS.has(t[i]!.lower) || !t[i]!.capitalised || !/^\p{Ll}+$/u.test(t[i + 1]?.text ?? '')) return undefined
  return resolve(s, { index: i, kind: 'modal', modality: modalModality(t[i]!.lower) }, { rule: shapeRules.leadModal.id, reason: 'modal-led bullet' })
}

/** Rules 1 and 2: a bullet opening with a verb form, or with a participial frame before a main clause. */
function leadShape(s: Sentence, i: number): Decision | undefined {
  const lead = leadVerb(s, i)
  if (!lead) return undefined
  const kind = lead.readings?.[0]?.kind
  if (lead.gerund || kind === 'past') {
    const main = mainClauseAfterComma(s, i + 1, 'gerund', allowsImperative(s, i))
    if (main) return fromHit(s, main, shapeRules.participialFrame.id, 'participial frame, main clause')
  }
  const rule = !lead.gerund ? shapeRules.leadVerb : lead.readings ? shapeRules.leadGerund : shapeRules.leadUnknownGerund
  return verbAt(s, i, leadModality(lead.gerund, kind), { rule: rule.id, reason: lead.gerund ? 'verb-led bullet (gerund)' : 'verb-led bullet' })
}

/** A frame ("As …,", "To …,", "In 2023,", "Under …,") before the main clause. */
function frameShape(s: Sentence, i: number): Decision | undefined {
  const t = s.tokens
  if (!words.FRAME_STARTERS.has(t[i]!.lower) && !isParticipleFrame(s, i)) return undefined
  const main = mainClauseAfterComma(s, i + 1, 'frame', allowsImperative(s, i))
  if (main) return fromHit(s, main, shapeRules.frameMainClause.id, 'frame, main clause')
  // The subject may be interrupted ("…, the Department, in concert with …, facilitated …").
  const comma = t.findIndex((token, n) => n > i && token.text === ',')
  if (comma <= 0) return undefined
  const hit = findFinite(s, comma + 1, t.length)
  return hit ? fromHit(s, { ...hit, subject: comma + 1 }, shapeRules.frameInterruptedSubject.id, 'frame, main verb') : undefined
}

/** Rule 3: a sentence with a subject; else no verb (rule 4). */
function subjectShape(s: Sentence, i: number): Decision {
  const hit = findFinite(s, i, s.tokens.length)
  if (hit) return fromHit(s, { ...hit, subject: i }, shapeRules.subjectMainVerb.id, 'subject, main verb')
  return none({ rule: shapeRules.noVerb.id, reason: 'no verb in the first sentence' })
}

/** The decision for a clause's hit, with its written subject. */
function fromHit(s: Sentence, hit: Hit, rule: string, reason: string): Decision {
  const why = { rule: hit.tagged ? shapeRules.unknownFinite.id : rule, reason }
  return withSubject(s, resolve(s, hit, why), hit)
}

/** A short Title Case phrase ending in a colon; parenthesised abbreviations aside. */
function isTitleIntro(text: string): boolean {
  return /:$/.test(text) && isTitleCase(text.slice(0, -1).replace(/\([^)]*\)/g, ' '), 12)
}
