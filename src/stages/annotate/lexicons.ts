/**
 * What the annotate stages share, built once per config object and not once
 * per file: the verb lexicon, the gazetteers with the config's additions,
 * and the test for words that are no name on their own.
 */
import { perConfig } from '../../config/per-config.js'
import { buildGazetteer } from '../../entities/find-entities.js'
import functionWords from '../../lexicon/function-words.json' with { type: 'json' }
import { buildLexicon, lookup } from '../../lexicon/verbs.js'

export const lexiconFor = perConfig((config) => buildLexicon(config))

export const gazetteerFor = perConfig((config) => buildGazetteer(config?.entities))

const FUNCTION_WORDS = new Set(Object.values(functionWords as Record<string, unknown>).flatMap((v) => (Array.isArray(v) ? v.map((w) => String(w).toLowerCase()) : [])))

/** Words that are no name on their own: function words and the lexicon's verbs. */
export const isOrdinaryFor = perConfig((config) => {
  const lexicon = lexiconFor(config)
  return (word: string) => FUNCTION_WORDS.has(word.toLowerCase()) || lookup(lexicon, word.toLowerCase()) !== undefined
})
