/** Pins the public API surface, as hast-util-to-text's first test does, and how it is called. */
import fs from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import * as api from '../src/index.js'
import { fixtureInputs, readJsonl, tmp } from './helpers.js'

it('exposes the public API', () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      'Action', 'ActionClass', 'Actor', 'Amount', 'Commitment', 'CommitmentsError', 'ConfigError', 'EXIT', 'DateMention', 'Document', 'DocumentKind', 'Entity', 'EntityType',
      'LexiconEntry', 'Link', 'Modality', 'Point', 'Position', 'RuleDoc', 'RuleFamily', 'Section', 'Source', 'Unit', 'Warning', 'allRules', 'buildLexicon', 'decideAction', 'defineConfig',
      'documentJsonSchema', 'extract', 'extractAll', 'formatMessages', 'formatOf', 'htmlProcessor', 'loadConfig', 'markdownProcessor', 'outputRegistry', 'processFile',
      'readBytes', 'readDocuments', 'readText', 'renderReference', 'sniffFormat',
      'resolveConfig', 'runExtract'
    ].sort()
  )
})

it('extract() takes release text or { path }, and refuses a path passed as text', async () => {
  const file = fixtureInputs().find((f) => f.endsWith('.md'))!
  const relative = path.relative(process.cwd(), file)
  await expect(api.extract(file)).rejects.toThrow(/extract\(\) takes the text of a release; `.*input\.md` looks like a file path: pass \{ path: .* \} to read the file/)
  await expect(api.extract('release.md')).rejects.toThrow(TypeError)
  await expect(api.extract(42 as unknown as string)).rejects.toThrow(/takes the text of a release \(a string\) or \{ path \}/)
  const fromPath = await api.extract({ path: relative })
  const fromText = await api.extract(fs.readFileSync(file, 'utf8'), { path: relative })
  expect(fromPath.document).toBeDefined()
  expect(fromPath.document).toEqual(fromText.document)
  expect(fromPath.file.path).toBe(relative)
  // A missing file is a fatal message on the file, as in a batch.
  const missing = await api.extract({ path: 'nowhere/release.md' })
  expect(missing.document).toBeUndefined()
  expect(missing.file.messages.map(String)).toEqual(['nowhere/release.md:1:1: Cannot find file: no such file or folder'])
  // Text of one line that is no file name is still text.
  expect((await api.extract('- The agencies will launch a pilot programme.')).document?.commitments).toHaveLength(1)
})

it('runExtract() runs with the defaults when given no config, and takes one input as a string', async () => {
  const out = path.join(tmp(), 'out')
  const file = fixtureInputs().find((f) => f.endsWith('.md'))!
  const summary = await api.runExtract({ inputs: file, out, db: false })
  expect(summary).toMatchObject({ inputs: 1, documents: 1, failures: 0 })
  expect(readJsonl(path.join(out, 'documents.jsonl'))).toHaveLength(1)
})

it('runExtract() refuses an output folder it cannot write with a CommitmentsError (exit code 3)', async () => {
  const blocker = path.join(tmp(), 'file')
  fs.writeFileSync(blocker, 'x')
  const error = await api.runExtract({ inputs: [], out: path.join(blocker, 'out') }).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(api.CommitmentsError)
  expect(error).toMatchObject({ exitCode: api.EXIT.output, message: expect.stringMatching(/a file is in the way of a folder \(ENOTDIR\)/) })
})
