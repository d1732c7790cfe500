/**
 * The closed-class word sets, read from `function-words.json` so they stay
 * data. The action rules read them one by one (SPEC §5); `FUNCTION_WORDS`
 * (determiners, prepositions, relatives, clause blockers, adverbs) is never
 * a verb the lexicon lacks; `LISTED_WORDS`, every word of every list, is
 * never a name on its own (the entity rules ask).
 */
import type { ActionClass } from '../schema/document.js'
import data from './function-words.json' with { type: 'json' }

const set = (values: string[]) => new Set(values)

export const MODALS_PROPOSED = set(data.modalsProposed)
export const MODALS = set([...data.modalsPlanned, ...data.modalsProposed])
export const BE = set(data.be)
export const HAVE = set(data.have)
export const DO = set(data.do)
export const PAST_AUX = set(data.pastAux)
export const LIGHT_VERBS = set(data.lightVerbs)
/** Phrasal verbs that take a complement verb like intent verbs: "look forward to working" → "work". */
export const INTENT_PHRASALS = set(data.intentPhrasals)
/** Verbs whose class changes before a "that" clause: "agreed that X is necessary" states a view (`noting`). */
export const THAT_CLASSES = new Map(Object.entries(data.thatComplementClasses as Record<string, ActionClass>))
/** Objects that make a light verb take a complement: "take steps to", "spare no effort to". */
export const LIGHT_OBJECTS = new Map(Object.entries(data.lightObjects as Record<string, string[]>).map(([verb, objects]) => [verb, objects.map((o) => o.split(' '))]))
/** "are united in", "are concerned by": participles read as adjectives after "be". */
export const ADJECTIVAL_PARTICIPLES = set(data.adjectivalParticiples)
/** Verbs that can stand before a participle: "remain committed", "become engaged". */
export const LINKING_VERBS = set(data.linkingVerbs)
export const BE_COMPLEMENTS = set(data.beComplements)
export const ADVERBS = set(data.adverbs)
export const NOT_ADVERBS = set(data.notAdverbs)
export const FRAME_STARTERS = set(data.frameStarters)
export const CLAUSE_BLOCKERS = set(data.clauseBlockers)
export const RELATIVES = set(data.relatives)
export const DETERMINERS = set(data.determiners)
/** Determiners that cannot stand alone as a subject (unlike "this", "each"). */
export const ARTICLES = set(data.articles)
export const PREPOSITIONS = set(data.prepositions)
export const PLURAL_PRONOUNS = set(data.pluralPronouns)
/** Personal pronouns that can be a clause's subject. */
export const SUBJECT_PRONOUNS = set(data.subjectPronouns)
export const ING_NOUNS = set(data.ingNouns)
export const VERB_PREFIXES = data.verbPrefixes
export const MAX_SUBJECT_TOKENS = data.maxSubjectTokens
/** Sentence adverbs ("therefore", "today"): never the end of a subject. */
export const LEAD_ADVERBS = set(data.leadAdverbs)

/** Words that are never a verb the lexicon lacks; not the frame starters or be-complements, where "based", "scheduled" may be one. */
export const FUNCTION_WORDS = new Set([...data.determiners, ...data.prepositions, ...data.relatives, ...data.clauseBlockers, ...data.adverbs])
/** Every word of every list in the data, lowercase (auxiliaries, light verbs, -ing nouns, title small words too): none is a name on its own. */
export const LISTED_WORDS = new Set(Object.values(data as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v.map((w) => String(w).toLowerCase()) : [])))

/** "Importantly, …": an adverb that opens the text, then a comma. */
export function isLeadAdverb(word: string): boolean {
  return LEAD_ADVERBS.has(word) || /ly$/.test(word)
}
