/**
 * The party-subject test of a commitment sentence (SPEC §4 item 3): is the
 * subject of a main clause a party? A first-person plural ("We", "our two
 * countries"); a noun phrase headed by a mention of a country,
 * organization, person or initiative ("The United States", "the G7",
 * "President Biden and Prime Minister Modi"); one headed by a noun for
 * parties ("the Leaders", "the U.S. government", "the two sides"); or a
 * pronoun standing for a party named just before. Word lists are data
 * (`lexicon/parties.json`).
 */
import { countryCode } from '../entities/countries.js'
import type { Entity } from '../schema/document.js'
import data from '../lexicon/parties.json' with { type: 'json' }

const NOUNS = new Set(data.nouns)
const QUALIFIED = new Map(Object.entries(data.qualifiedNouns as Record<string, string[]>).map(([noun, before]) => [noun, new Set(before)]))
const FIRST_PLURAL = new Set(data.firstPersonPlural)
const PRONOUNS = new Set(data.pronouns)
const CUT_AT = new Set(data.cutAt)
const COMPLEMENT_AFTER = new Set(data.complementAfter)
const PARTY_TYPES = new Set(data.entityTypes)
const SUBORDINATORS = new Set(data.subordinators)
const TITLES = new Set(data.titles)
const CONJUNCTIONS = new Set(['and', 'or', '&', 'as well as'])

interface Word {
  lower: string
  start: number
  end: number
}

const wordsOf = (text: string): Word[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:[.'’&\-/][\p{L}\p{N}]+)*\.?|,/gu)].map((m) => ({ lower: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length }))

/** Finds entity mentions in a text (the entities stage's finder, with the document's options). */
export type EntityFinder = (text: string) => Entity[]

/** A span of the sentence. */
export interface Span {
  start: number
  end: number
}

/** Whether a noun (with the word before it) is a noun for parties. */
function partyNoun(words: Word[], k: number): boolean {
  const word = words[k]!.lower.replace(/\.$/, '')
  const two = k > 0 ? `${words[k - 1]!.lower} ${word}` : ''
  if (NOUNS.has(two)) return true
  const qualifiers = QUALIFIED.get(word)
  if (qualifiers && k > 0 && qualifiers.has(words[k - 1]!.lower)) return true
  return NOUNS.has(word)
}

/**
 * The heads of a subject: the last word of each conjunct before any
 * preposition or relative ("Authorities from Mexico" → "Authorities"), and
 * of the complement of "of"/"from" ("… agencies of the two governments").
 */
function heads(words: Word[]): number[] {
  const out: number[] = []
  let complement = false
  let k = 0
  for (; k < words.length; k++) {
    const w = words[k]!.lower
    if (CUT_AT.has(w)) break
    if (COMPLEMENT_AFTER.has(w) && !complement) {
      if (k > 0) out.push(k - 1)
      complement = true
      continue
    }
    if ((CONJUNCTIONS.has(w) || w === ',') && k > 0 && words[k - 1]!.lower !== ',') out.push(k - 1)
  }
  if (k > 0 && words[k - 1]!.lower !== ',') out.push(k - 1)
  return out
}

/**
 * Whether the `subject` span of `sentence` names a party. `entities` gives
 * the sentence's mentions (found in the whole sentence, where names read
 * best); `antecedent` says whether a party was named just before (for "they").
 */
export function isPartySubject(sentence: string, subject: Span, entities: () => Entity[], antecedent: () => boolean): boolean {
  const text = sentence.slice(subject.start, subject.end)
  const words = wordsOf(text).map((w) => ({ ...w, start: w.start + subject.start, end: w.end + subject.start }))
  const first = words[0]
  // A subordinate clause ("when X test us") or a run across clauses ("…; and, most of") has no party subject.
  if (!first || SUBORDINATORS.has(first.lower) || text.includes(';')) return false
  // "We", "we, the leaders of…"; "our" only before a noun for parties ("our two countries", not "Our mandate").
  if (FIRST_PLURAL.has(first.lower) && first.lower !== 'our') return true
  if (words.length === 1 && PRONOUNS.has(first.lower)) return antecedent()
  let parties: Entity[] | undefined
  for (const k of heads(words)) {
    if (partyNoun(words, k) || titledName(words, k, sentence)) return true
    // A country by name ("Italy will contribute…"), even where the entity rules read a sentence-initial word as ordinary.
    if (countryCode(sentence.slice(words[k]!.start, words[k]!.end))) return true
    parties ??= entities().filter((e) => PARTY_TYPES.has(e.type) && e.start >= subject.start && e.end <= subject.end)
    const head = words[k]!
    // A possessive names whose thing it is, not who acts ("India's acquisition").
    if (parties.some((e) => e.start <= head.start && e.end >= head.end - 1 && !/^['’]s\b/.test(sentence.slice(e.end)))) return true
  }
  return false
}

/** A name after a title: "President Andrés Manuel López Obrador", "Security Advisor (APNSA) Jake Sullivan". */
function titledName(words: Word[], k: number, sentence: string): boolean {
  const capitalised = (w: Word) => /^\p{Lu}/u.test(sentence.slice(w.start, w.end))
  for (let j = k; j > 0 && capitalised(words[j]!) && k - j < 6; j--) {
    const before = words[j - 1]!
    if (TITLES.has(before.lower) || (j > 1 && TITLES.has(`${words[j - 2]!.lower} ${before.lower}`))) return capitalised(before) || before.lower === before.lower.toUpperCase()
  }
  return false
}

/** Whether a text names a party anywhere (an antecedent for "they", "he", "she"). */
export function mentionsParty(text: string, findEntities: EntityFinder): boolean {
  const words = wordsOf(text)
  if (words.some((w, k) => FIRST_PLURAL.has(w.lower) || partyNoun(words, k))) return true
  return findEntities(text).some((e) => PARTY_TYPES.has(e.type))
}
