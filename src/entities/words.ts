/**
 * The word lists of the entity rules (SPEC §6), from the data files:
 * connectors and cue words from `gazetteer.json`, the words read by their
 * form from `words.json`.
 */
import data from './gazetteer.json' with { type: 'json' }
import forms from './words.json' with { type: 'json' }

/** Cue words that may follow a parenthesised abbreviation inside one name. */
export const INSIDE_CUES = new Set([...data.initiativeCues, ...data.orgCues])
export const NOT_ENTITIES = new Set(data.notEntities.words)
export const EDGE_WORDS = new Set(data.edgeWords.words)
export const CONNECTORS = new Set(data.connectors)
export const ORG_CUES = new Set(data.orgCues)
export const INITIATIVE_CUES = new Set(data.initiativeCues)
export const PRODUCT_CUES = new Set(data.productCues)
export const PLACE_CUES = new Set(data.placeCues.words)
export const HEAD_INITIATIVE = new Set(data.headNouns.initiative)
export const COMPANY_SUFFIXES = new Set(data.companySuffixes)
/** Shapes of common words, never a firm's one-word name: plurals, abstract-noun suffixes, hyphenated compounds ("Volunteers", "Prevention", "California-based"). */
export const COMMON_SHAPE = new RegExp(`(?:[^su]s|${forms.commonSuffixes.words.join('|')})$|-`, 'u')
export const VERBS_AFTER = new Set(data.organizationContext.verbsAfter)
export const WORDS_BEFORE = new Set(data.organizationContext.wordsBefore)
export const isCue = (w: string) => ORG_CUES.has(w) || INITIATIVE_CUES.has(w)
/** Titles by their words, longest first ("Vice President" before "President"). */
export const TITLES = data.titles.map((t) => t.split(' ')).sort((a, b) => b.length - a.length)
export const TITLE_WORDS = new Set(data.titles.flatMap((t) => t.split(' ')))
/** Words that follow a name without being part of it ("the NASA Administrator", "ROK Government"). */
export const TRAILING = new Set(data.trailingTitles)
/** Words of a person's name besides capitalised words ("Jr.", "de"). */
export const NAME_PARTICLES = new Set(forms.nameParticles.words)
/** Prepositions after the head of a name ("Department of State"). */
export const HEAD_PREPOSITIONS = new Set(forms.headPrepositions.words)
/** A number with a count's, an ordinal's or a unit's ending ("1990s", "5G") is no name. */
export const COUNT = new RegExp(`^\\d+(?:${forms.numberSuffixes.words.join('|')})$`)
