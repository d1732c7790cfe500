/**
 * Loads compromise's tagger (`compromise/two`), synchronously, on first use.
 * This is the one module that brings compromise in. The bundled CLI
 * (`scripts/bundle.mjs`) puts another module in its place that builds the
 * same tagger from compromise's own sources with the model it would have
 * computed at load read from the build instead (about 0.2 s less per
 * process); `test/bundle.test.ts` checks the two tag alike.
 *
 * Its one-file CommonJS build (the same version) loads in about two thirds
 * of the time of its ESM sources, hundreds of modules.
 */
import { createRequire } from 'node:module'
import type Nlp from 'compromise/two'

export function loadTwo(): typeof Nlp {
  return createRequire(import.meta.url)('compromise/two') as typeof Nlp
}
