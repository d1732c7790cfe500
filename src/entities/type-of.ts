/**
 * The type of a run of words (SPEC §6) and the id of the rule that gave it
 * (SPEC §9, listed with an example in `rules.json`): the gazetteers, what
 * the release said of the same name, the head noun after it, the long
 * form it abbreviates, cue words, then its shape.
 */
import type { EntityType, LexiconEntry } from '../schema/document.js'
import { countryCode } from './countries.js'
import { lexiconOrganization } from '../nlp/compromise.js'
import { BUNDLED, type Gazetteer } from './gazetteer.js'
import { isAcronym, isModel } from './tokens.js'
import { HEAD_INITIATIVE, HEAD_PREPOSITIONS, INITIATIVE_CUES, isCue, ORG_CUES, PLACE_CUES, PRODUCT_CUES } from './words.js'

export interface FindOptions {
  gazetteer?: Gazetteer
  /** Words that are ordinary when they open a sentence (verbs, function words). */
  isOrdinary?: (word: string) => boolean
  /** Abbreviations defined in the document: short form → long form. */
  abbreviations?: Map<string, string>
  /** Names the release has typed with evidence beyond their shape (filled as mentions are found). */
  learned?: Map<string, Typed>
}

/** A type and the id of the rule that gave it (SPEC §9), with the gazetteer entry where one decided. */
export interface Typed {
  type: EntityType
  rule: string
  lexicon?: LexiconEntry
}

/** Rules that type a name by its shape alone: weaker than any evidence the release gives elsewhere. */
export const WEAK_RULES = new Set(['entities/acronym-organization', 'entities/alphanumeric-organization', 'entities/name-with-acronym-or-country'])

export const typed = (type: EntityType, rule: string, lexicon?: LexiconEntry): Typed => (lexicon ? { type, rule, lexicon } : { type, rule })

/** The gazetteer entry a name matched: the config's when the config lists it. */
export const entryOf = (g: Gazetteer, name: string): LexiconEntry => ({ entry: name, source: g.fromConfig.has(name.toLowerCase()) ? 'config' : 'bundled' })

/**
 * The type of a run of words: gazetteers, what the release said of the same
 * name, the head noun after it, the long form it abbreviates, cue words,
 * then its shape. `after` is the lower-cased word right after the name.
 */
export function typeOf(words: string[], name: string, options: FindOptions, after?: string): Typed | undefined {
  const lower = name.toLowerCase()
  const g = options.gazetteer ?? BUNDLED
  if (countryCode(name, g.countries)) return typed('country', 'entities/gazetteer-country', entryOf(g, name))
  if (g.places.has(lower)) return typed('place', 'entities/gazetteer-place', entryOf(g, name))
  if (g.initiatives.has(lower)) return typed('initiative', 'entities/gazetteer-initiative', entryOf(g, name))
  if (g.organizations.has(lower)) return typed('organization', 'entities/gazetteer-organization', entryOf(g, name))
  if (g.products.has(lower)) return typed('product', 'entities/gazetteer-product', entryOf(g, name))
  const long = options.abbreviations?.get(name)
  const learned = options.learned?.get(name) ?? (long ? options.learned?.get(long) : undefined)
  if (learned) return typed(learned.type, 'entities/same-name-in-release')
  const last = words.at(-1)!
  const hasCue = words.some((w) => isCue(w) || PLACE_CUES.has(w) || PRODUCT_CUES.has(w))
  // The head of the phrase the name sits in: "the Fulbright program", "ARP funds", "the CLPS project".
  if (after && !hasCue && HEAD_INITIATIVE.has(after)) return typed('initiative', 'entities/head-noun-initiative')
  // A defined abbreviation takes the type its long form would have.
  if (long && long !== name) {
    const type = typeOf(long.split(/\s+/), long, { ...options, abbreviations: undefined, learned: undefined })
    if (type && !WEAK_RULES.has(type.rule)) return typed(type.type, 'entities/abbreviation-long-form')
  }
  if (last.endsWith('-class') || PRODUCT_CUES.has(last)) return typed('product', 'entities/cue-product')
  /** A cue word after the first word (the last word's was checked first). */
  const cue = (set: Set<string>) => words.slice(1).some((w) => set.has(w))
  const twoWordCue = words.length >= 2 ? `${words.at(-2)} ${last}` : ''
  if (INITIATIVE_CUES.has(twoWordCue)) return typed('initiative', 'entities/cue-initiative')
  // "Gulf of Guinea", "Atlantic Ocean", "Samana Province".
  if (words.length > 1 && (PLACE_CUES.has(last) || (words.length > 2 && PLACE_CUES.has(words[0]!) && words[1] === 'of'))) return typed('place', 'entities/cue-place')
  // The head before the first preposition: "Department of State", "Japan Bank for International Cooperation", "Partnership for Global Infrastructure".
  // A body's cue at any such head wins ("American Network of Services for Afghanistan Refugees").
  const heads = words.filter((_, k) => k < words.length - 2 && HEAD_PREPOSITIONS.has(words[k + 1]!))
  if (heads.some((w) => ORG_CUES.has(w))) return typed('organization', 'entities/cue-organization')
  if (heads.length > 0 && INITIATIVE_CUES.has(heads[0]!)) return typed('initiative', 'entities/cue-initiative')
  if (INITIATIVE_CUES.has(last) && words.length > 1) return typed('initiative', 'entities/cue-initiative')
  if (ORG_CUES.has(last) && words.length > 1) return typed('organization', 'entities/cue-organization')
  if (cue(ORG_CUES)) return typed('organization', 'entities/cue-organization')
  if (cue(INITIATIVE_CUES)) return typed('initiative', 'entities/cue-initiative')
  if (words.length === 1) {
    if (isModel(name)) return typed('product', 'entities/model-product')
    if (isAcronym(name)) return typed('organization', 'entities/acronym-organization')
    if (/^\d+\p{L}/u.test(name) || /^\p{Ll}+\p{Lu}/u.test(name)) return typed('organization', 'entities/alphanumeric-organization')
    // A brand's inner capital: TechMet, CSquared, AppleSeeds.
    if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}|^\p{Lu}{2}\p{Ll}{3,}$/u.test(name)) return typed('organization', 'entities/camel-case-organization')
    if (lexiconOrganization(name)) return typed('organization', 'entities/lexicon-organization')
    return undefined
  }
  if (words.length === 2 && lexiconOrganization(name)) return typed('organization', 'entities/lexicon-organization')
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(words[0]!)) return typed('organization', 'entities/camel-case-organization')
  // Several capitalised words with no cue: a named body if it holds an acronym or a country, else nothing.
  if (words.some((w) => isAcronym(w)) || words.some((w) => countryCode(w, g.countries))) return typed('organization', 'entities/name-with-acronym-or-country')
  return undefined
}
