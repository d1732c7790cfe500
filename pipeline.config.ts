import { defineConfig } from './src/config/define-config.js'

export default defineConfig({
  // What `commitments extract` (and `npm start`) reads when given no inputs.
  inputs: ['fixtures/*/input.*'],
  out: 'output',
  concurrency: 4,
  minWords: 3,
  lexicon: {
    // Add verbs or move one to another class, e.g. { advancing: ['champion'] }.
    verbs: {},
    phrasal: {}
  },
  // Extra topic keywords, merged with src/lexicon/topics.json.
  topics: {}
})
