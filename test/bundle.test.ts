/**
 * The one-file CLI (scripts/bundle.mjs) is the same program as the modules
 * tsc writes: the same Documents from the same releases, with its worker
 * pool and on one thread, and a tagger that is compromise/two's own, whose
 * model is computed at build time instead of at each start
 * (scripts/compromise-model.mjs). Its speed is `npm run bench -- --cold`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain ES module of the build, without types
import { fastCompromise } from '../scripts/compromise-model.mjs'
import { loadTwo } from '../src/nlp/compromise-two.js'
import { tagTerms } from '../src/nlp/compromise.js'
import { cli, fixtureInputs, root, runCli, tmp } from './helpers.js'

const modules = path.join(root, 'dist', 'cli.js')
const bundle = path.join(root, 'dist', 'commitments.cjs')
const fixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((name) => fs.existsSync(path.join(root, 'fixtures', name, 'expected.json')))
const texts = fixtures.flatMap((name) => (JSON.parse(fs.readFileSync(path.join(root, 'fixtures', name, 'expected.json'), 'utf8')) as { commitments: Array<{ text: string }> }).commitments.map((c) => c.text))

/** documents.jsonl of `extract ARGS` run by `entry` into a fresh folder (from the project folder: the same relative paths). */
function extractWith(entry: string, args: string[]): string {
  const out = tmp()
  const result = spawnSync(process.execPath, [entry, 'extract', ...args, '--out', out, '--quiet', '--no-db'], { cwd: root, encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  return fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')
}

describe('the one-file CLI', () => {
  it('is what bin/commitments.js runs, built with its code cache', () => {
    expect(fs.existsSync(bundle), 'dist/commitments.cjs: run `npm run build`').toBe(true)
    expect(fs.existsSync(path.join(root, 'dist', 'worker.js'))).toBe(true)
    const result = runCli(['--version'])
    expect(result.stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it('writes the Documents the modules write, with its workers and on one thread', () => {
    const all = extractWith(cli, ['fixtures'])
    expect(all.trim().split('\n').length).toBeGreaterThanOrEqual(fixtureInputs().length)
    expect(all).toBe(extractWith(modules, ['fixtures']))
    const one = ['fixtures/001-fs-the-united-states-and-india-committed-to-strengthening/input.md', '--workers', '0']
    expect(extractWith(cli, one)).toBe(extractWith(modules, one))
  })

  it('runs without its code cache, and writes one where it may', () => {
    const cache = path.join(root, 'dist', 'commitments.cache')
    fs.rmSync(cache, { force: true })
    expect(runCli(['--version']).status).toBe(0)
    expect(fs.statSync(cache).size).toBeGreaterThan(0)
  })
})

describe('the bundled tagger', () => {
  it('has the model compromise/two computes when it loads, and tags every fixture commitment as it does', async () => {
    const out = tmp()
    await build({
      stdin: { contents: "export { tagTerms } from './src/nlp/compromise.ts'; export { loadTwo } from './src/nlp/compromise-two.js'", resolveDir: root, loader: 'ts' },
      outfile: path.join(out, 'tagger.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      plugins: [fastCompromise()],
      banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
      logLevel: 'error'
    })
    const fast = (await import(pathToFileURL(path.join(out, 'tagger.mjs')).href)) as { tagTerms: typeof tagTerms; loadTwo: typeof loadTwo }
    expect(fast.loadTwo().model()).toEqual(loadTwo().model())
    const tags = (tag: typeof tagTerms, text: string) => tag(text).map((t) => `${t.text}@${t.start}:${[...t.tags].sort().join('/')}`)
    expect(texts.length).toBeGreaterThan(100)
    for (const text of texts) expect(tags(fast.tagTerms, text), text).toEqual(tags(tagTerms, text))
  })
})
