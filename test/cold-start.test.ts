/**
 * A cold start pays only for what the command needs (issue 15): which
 * modules a one-release `extract` and `schema` load, traced in the real
 * process (test/trace/preload.cjs). Timings live in `npm run bench`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureInputs, root, tmp } from './helpers.js'

const built = path.join(root, 'dist', 'cli.js')

/** The modules (paths and URLs) a run of the built CLI loads, from a folder of its own. */
function loaded(args: string[], files: Record<string, string> = {}): string[] {
  expect(fs.existsSync(built), 'dist/cli.js: run `npm run build`').toBe(true)
  const cwd = tmp()
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(cwd, name), text)
  const trace = path.join(cwd, 'trace.txt')
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'test', 'trace', 'preload.cjs'), built, ...args], { cwd, encoding: 'utf8', env: { ...process.env, COMMITMENTS_TRACE: trace } })
  expect(result.status, result.stderr).toBe(0)
  return fs.readFileSync(trace, 'utf8').split('\n')
}
const packages = (modules: string[]) => new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []))

describe('cold start', () => {
  const release = fixtureInputs().find((f) => f.includes('/001-'))!

  it('one markdown release loads neither jiti, the glob engine nor the other drivers, and compromise from its one-file build', () => {
    const modules = loaded(['extract', release, '--out', 'out', '--quiet'])
    const used = packages(modules)
    // The trace works: the pipeline and the default database were loaded.
    expect(used).toContain('remark-parse')
    expect(used).toContain('better-sqlite3')
    for (const name of ['jiti', 'tinyglobby', 'pg', 'playwright-core', 'rehype-parse']) expect(used, name).not.toContain(name)
    // The entity rules read compromise's lexicon: its CommonJS bundle, not its hundreds of ESM modules.
    const compromise = modules.filter((m) => m.includes('node_modules/compromise/'))
    expect(compromise.every((m) => /\/builds\/two\/compromise-two\.cjs$/.test(m)), compromise.join('\n')).toBe(true)
  })

  it('an .mjs config is imported natively, without jiti', () => {
    const used = packages(loaded(['extract', release, '--out', 'out', '--quiet', '--no-db'], { 'pipeline.config.mjs': 'export default { minWords: 3 }\n' }))
    expect(used).not.toContain('jiti')
    expect(used).not.toContain('better-sqlite3')
  })

  it('schema, help and version load no pipeline and no compromise', () => {
    for (const args of [['schema'], ['--help'], ['extract', '--help'], ['--version']]) {
      const used = packages(loaded(args))
      for (const name of ['unified', 'micromark', 'better-sqlite3', 'jiti', 'compromise', 'yaml']) expect(used, `${args.join(' ')}: ${name}`).not.toContain(name)
    }
  })
})
