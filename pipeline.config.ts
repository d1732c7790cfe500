import { defineConfig } from './src/config/define-config.js'

export default defineConfig({
  // What `commitments extract` (and `npm start`) reads when given no inputs.
  inputs: ['fixtures/*/input.*'],
  out: 'output',
  concurrency: 4,
  minWords: 3,
  // Per release (README, Limits): past one, a release is refused with a message and the batch goes on.
  limits: { bytes: 1024 * 1024, depth: 100, items: 2000, itemCharacters: 20_000, seconds: 30 },
  lexicon: {
    // Add verbs or move one to another class, e.g. { advancing: ['champion'] }.
    verbs: {},
    phrasal: {}
  },
  // Extra topic keywords, merged with src/lexicon/topics.json.
  topics: {}
})
