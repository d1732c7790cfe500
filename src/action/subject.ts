/**
 * The clause's subject as written (SPEC §5 `actor`): from where the clause
 * begins to its verb, without adverbs or punctuation standing before the
 * verb ("President Trump today called" → "President Trump").
 */
import * as words from '../lexicon/function-words.js'
import type { Decision, Hit } from './decision.js'
import type { Sentence } from './sentence.js'

export function withSubject(s: Sentence, decision: Decision, hit: Hit): Decision {
  const t = s.tokens
  if (hit.subject === undefined || hit.kind === 'imperative') return decision
  let last = hit.index - 1
  while (last >= hit.subject && ((!t[last]!.word && !/^[)\]"”’]$/.test(t[last]!.text)) || s.isAdverb(last) || words.LEAD_ADVERBS.has(t[last]!.lower))) last--
  if (last < hit.subject) return decision
  // "Will provide…" (a bullet with no written subject): a modal alone is no subject.
  if (last === hit.subject && words.MODALS.has(t[last]!.lower)) return decision
  let first = hit.subject
  const pronoun = (k: number) => words.SUBJECT_PRONOUNS.has(t[k]!.lower)
  // "To this end we will…", "Even as we…" (a frame without its comma): the subject is the
  // pronoun; not in "The endeavor we launch…", where it heads a relative clause.
  const opener = t[first]!.lower
  if (last > first && pronoun(last) && (words.FRAME_STARTERS.has(opener) || words.PREPOSITIONS.has(opener) || words.ADVERBS.has(opener) || words.LEAD_ADVERBS.has(opener) || opener === 'even')) first = last
  // "We, the leaders of Japan, …, commit": the pronoun, not its appositive.
  else if (pronoun(first) && t[first + 1]?.text === ',') last = first
  return { ...decision, subject: { start: t[first]!.start, end: t[last]!.end } }
}
