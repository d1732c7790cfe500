/**
 * Does the bullet open with a verb form (SPEC §5 rule 1: "Announcing…",
 * "Facilitate…", "Advances…", "Provided…"), or with a word that only looks
 * like one ("Funding will…", "Leading American companies have…", "Ending
 * the pandemic … is our first priority")?
 */
import * as words from '../lexicon/function-words.js'
import type { VerbForm } from '../lexicon/verbs.js'
import { listedAsNonVerb } from '../nlp/compromise.js'
import type { Sentence } from './sentence.js'

export interface Lead {
  /** The lexicon's readings; unset for an -ing word the lexicon lacks. */
  readings: VerbForm[] | undefined
  gerund: boolean
}

/** The verb form at `i` that leads the bullet, if it does. */
export function leadVerb(s: Sentence, i: number): Lead | undefined {
  const token = s.tokens[i]!
  if (!token.word) return undefined
  const next = s.nextWord(i + 1)
  // "Funding will…", "Training programs are…": a noun subject, not a verb.
  if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower) || words.HAVE.has(next.lower))) return undefined
  if (next && next.text === "'s") return undefined
  // "Leading American companies have announced…": the -ing word is part of the subject.
  if (auxiliarySoon(s, i + 1)) return undefined
  // "Ending the pandemic through cooperation is our first priority": a gerund subject.
  if (/ing$/.test(token.lower) && copulaInClause(s, i + 1)) return undefined
  const atStart = i === s.firstWord
  // Past forms lead bullets of what was done ("Provided 200 ventilators…").
  const readings = s.readings(token.lower)?.filter((r) => r.kind === 'ing' || r.kind === 'base' || r.kind === 's' || (r.kind === 'past' && atStart))
  if (readings && readings.length > 0) {
    if (s.lexicon.classes.get(readings[0]!.lemma) === undefined && !s.lexicon.phrasal.has(readings[0]!.lemma)) return undefined
    // A base form led by a capital only counts at the very start of the text.
    if (readings[0]!.kind !== 'ing' && !atStart) return undefined
    return { readings, gerund: readings.some((r) => r.kind === 'ing') }
  }
  // An -ing word the lexicon lacks, opening the bullet: a verb-led bullet
  // with an unknown verb ("Modernizing…", "Re-launching…"), unless it is a known noun.
  if (/^\p{Lu}[\p{Ll}-]+ing$/u.test(token.text) && !words.ING_NOUNS.has(token.lower) && atStart) {
    // "Lansing Mayor…", "Boeing and…": names ending in -ing are not verbs.
    if (s.tagsOf(token)?.has('ProperNoun') || listedAsNonVerb(token.lower)) return undefined
    return { readings: undefined, gerund: true }
  }
  return undefined
}

/** Whether the word at `i` is a gerund the lexicon lists ("FURTHER REAFFIRMING…"). */
export function isListedGerund(s: Sentence, i: number): boolean {
  return s.readings(s.tokens[i]?.lower ?? '')?.some((r) => r.kind === 'ing') ?? false
}

/** A modal or auxiliary within the next three words, with no comma before it. */
function auxiliarySoon(s: Sentence, k: number): boolean {
  let seen = 0
  for (; k < s.tokens.length && seen < 3; k++) {
    const token = s.tokens[k]!
    if (!token.word) return false
    if (seen === 0 && (words.DETERMINERS.has(token.lower) || words.PREPOSITIONS.has(token.lower))) return false
    if (words.MODALS.has(token.lower) || words.BE.has(token.lower) || words.HAVE.has(token.lower)) return seen > 0
    seen++
  }
  return false
}

/** A finite "is"/"are" in the same clause, before any comma, relative or dash. */
function copulaInClause(s: Sentence, k: number): boolean {
  for (; k < s.tokens.length; k++) {
    const token = s.tokens[k]!
    if (!token.word) {
      if (token.text === '(' || token.text === ')' || token.text === '-' || token.text === '’' || token.text === "'") continue
      return false
    }
    if (words.RELATIVES.has(token.lower) || token.lower === 'to') return false
    if (token.lower === 'is' || token.lower === 'are' || token.lower === 'was' || token.lower === 'were') return true
  }
  return false
}
