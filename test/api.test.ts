/** Pins the public API surface, as hast-util-to-text's first test does. */
import { expect, it } from 'vitest'
import * as api from '../src/index.js'

it('exposes the public API', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'Action', 'ActionClass', 'Actor', 'Amount', 'Commitment', 'ConfigError', 'DateMention', 'Document', 'DocumentKind', 'Entity', 'EntityType',
      'Link', 'Modality', 'Point', 'Position', 'Section', 'Source', 'Unit', 'Warning', 'buildLexicon', 'decideAction', 'defineConfig',
      'documentJsonSchema', 'extract', 'extractAll', 'formatMessages', 'formatOf', 'htmlProcessor', 'loadConfig', 'markdownProcessor', 'outputRegistry', 'processFile',
      'readBytes', 'readDocuments', 'readText', 'sniffFormat',
      'resolveConfig', 'runExtract'
    ].sort()
  )
})
