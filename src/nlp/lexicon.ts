/**
 * Word lookups in compromise's lexicon without loading compromise: the
 * answers are derived from it at build time (scripts/build-lexicon.ts, `npm
 * run lexicon`) into `src/lexicon/compromise-words.json`, which a test keeps
 * current. Unpacking compromise's lexicon costs about 0.5 s of CPU at load,
 * and the entity and action rules look words up on almost every release,
 * where tagging is rarely needed (issue 15, cold start).
 */
import words from '../lexicon/compromise-words.json' with { type: 'json' }

/** n: listed only as something other than a verb; a: as an adjective; o: as an organization; g: as a given name. */
export type LexiconFlag = 'n' | 'a' | 'o' | 'g'

const groups = Object.entries(words.groups)

/** Whether a sorted list holds a word: a binary search, so that loading builds no index of 24,000 words. */
function holds(list: string[], word: string): boolean {
  let low = 0
  let high = list.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const at = list[mid]!
    if (at === word) return true
    if (at < word) low = mid + 1
    else high = mid - 1
  }
  return false
}

/** The flags of a listed word ("" when it has none), undefined when compromise does not list it. */
function flags(word: string): string | undefined {
  const lower = word.toLowerCase()
  return groups.find(([, list]) => holds(list, lower))?.[0]
}
const has = (word: string, flag: LexiconFlag) => flags(word)?.includes(flag) ?? false

/**
 * Whether compromise's own word list calls a word something other than a
 * verb ("longstanding", "forthcoming": Adjective), so that it is never
 * lemmatised into one ("longstand").
 */
export const listedAsNonVerb = (word: string): boolean => has(word, 'n')

/** Whether compromise's word list calls a word an adjective ("Forthcoming visits": no subject before a verb). */
export const listedAsAdjective = (word: string): boolean => has(word, 'a')

/** Whether compromise's lexicon lists a word (any case) as an organization: Microsoft, Boeing, Google. */
export const lexiconOrganization = (word: string): boolean => has(word, 'o')

/** Whether compromise's lexicon lists a word at all (a common word, a given name): such a word alone is no firm. */
export const lexiconKnows = (word: string): boolean => flags(word) !== undefined

/** Whether compromise's lexicon lists a word as a given name (Mitch, Jennifer, LaToya). */
export const lexiconGivenName = (word: string): boolean => has(word, 'g')
