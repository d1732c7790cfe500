/**
 * Whether a sentence of a narrative paragraph is a commitment (SPEC §4 item
 * 3): the first main clause whose subject is a party and whose action class
 * (SPEC §5, decided as for a subject-led item) is not `other`. Each of two
 * main clauses joined by "and"/"but" (or a semicolon) is tried, in order:
 * in "The two countries share deep bonds, and we are committed to…" the
 * second qualifies.
 */
import { decideAction, type Decision } from '../action/decide.js'
import type { Lexicon } from '../lexicon/verbs.js'

/** Where a further main clause may begin: after ", and", ", but", ";", or "and" before a pronoun subject. */
const CLAUSE_START = /(?:^(?:and|but|yet)\s+|,\s+(?:and|but|while)\s+|;\s+(?:and\s+|but\s+)?|\s(?:and|but)\s+(?=(?:we|they|he|she)\s))/giu

export interface SentenceDecision {
  decision: Decision
  /** The subject, as offsets into the sentence. */
  actor: { start: number; end: number }
}

/** The clause that makes the sentence a commitment, or undefined for a narrative sentence. */
export function decideSentence(text: string, lexicon: Lexicon, isParty: (subject: { start: number; end: number }) => boolean): SentenceDecision | undefined {
  const starts = [0]
  for (const match of text.matchAll(CLAUSE_START)) starts.push(match.index + match[0].length)
  for (const start of starts) {
    const clause = start === 0 ? text : text.slice(start)
    const decision = decideAction(clause, lexicon)
    if (!decision.subject || decision.class === 'other') continue
    const actor = { start: start + decision.subject.start, end: start + decision.subject.end }
    if (isParty(actor)) return { decision, actor }
  }
  return undefined
}
