/**
 * What the annotate stages share, built once per config object and not once
 * per file: the verb lexicon, the gazetteers with the config's additions,
 * and the test for words that are no name on their own.
 */
import { perConfig } from '../../config/per-config.js'
import { buildGazetteer } from '../../entities/find-entities.js'
import { LISTED_WORDS } from '../../lexicon/function-words.js'
import { buildLexicon, lookup } from '../../lexicon/verbs.js'

export const lexiconFor = perConfig((config) => buildLexicon(config))

export const gazetteerFor = perConfig((config) => buildGazetteer(config?.entities))

/** Words that are no name on their own: the function-word lists' words and the lexicon's verbs. */
export const isOrdinaryFor = perConfig((config) => {
  const lexicon = lexiconFor(config)
  return (word: string) => LISTED_WORDS.has(word.toLowerCase()) || lookup(lexicon, word.toLowerCase()) !== undefined
})
