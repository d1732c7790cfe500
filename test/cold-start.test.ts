/**
 * A cold start pays only for what the command needs (issue 15): which
 * modules a one-release `extract` and `schema` load, traced in the real
 * process (test/trace/preload.cjs), and the word lookups that answer from
 * a file derived from compromise instead of loading it. Timings live in
 * `npm run bench` (`-- --cold` for the cold start alone).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FLAGS, compromiseLexicon, lexiconJson } from '../scripts/build-lexicon.js'
import { lexiconGivenName, lexiconKnows, lexiconOrganization, listedAsAdjective, listedAsNonVerb } from '../src/nlp/lexicon.js'
import { fixtureInputs, root, tmp } from './helpers.js'

const built = path.join(root, 'dist', 'cli.js')

/** The modules (paths and URLs) a run of the built CLI (or `entry`) loads, and the folder it ran in. */
function run(args: string[], files: Record<string, string> = {}, entry = built): { modules: string[]; cwd: string } {
  expect(fs.existsSync(entry), `${entry}: run \`npm run build\``).toBe(true)
  const cwd = tmp()
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(cwd, name), text)
  const trace = path.join(cwd, 'trace.txt')
  const result = spawnSync(process.execPath, ['-r', path.join(root, 'test', 'trace', 'preload.cjs'), entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, COMMITMENTS_TRACE: trace } })
  expect(result.status, result.stderr).toBe(0)
  return { modules: fs.readFileSync(trace, 'utf8').split('\n'), cwd }
}
const loaded = (args: string[], files: Record<string, string> = {}) => run(args, files).modules
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

  it('a release whose verbs the lexicon decides loads no compromise, though its rules look words up in its lexicon', () => {
    // "will expand", "will purchase": the verb lexicon decides; "Boeing" is typed by compromise's word list (the lookup file).
    const release = '---\ntitle: "Fact Sheet: Aviation"\ndate: 2024-05-01\n---\n\n# Fact Sheet: Aviation\n\n- The United States will expand cooperation with Boeing on aviation safety.\n- India will purchase new aircraft from Boeing.\n'
    const { modules, cwd } = run(['extract', 'boeing.md', '--out', 'out', '--quiet', '--no-db'], { 'boeing.md': release })
    const rules = fs.readFileSync(path.join(cwd, 'out', 'documents.jsonl'), 'utf8').match(/"rule":"[^"]+"/g)
    expect(rules).toContain('"rule":"entities/lexicon-organization"')
    expect(modules.filter((m) => m.includes('node_modules/compromise/'))).toEqual([])
  })

  it('an .mjs config is imported natively, without jiti', () => {
    const used = packages(loaded(['extract', release, '--out', 'out', '--quiet', '--no-db'], { 'pipeline.config.mjs': 'export default { minWords: 3 }\n' }))
    expect(used).not.toContain('jiti')
    expect(used).not.toContain('better-sqlite3')
  })

  it('the command (bin/commitments.js) loads one file of its own, and of node_modules only the SQLite driver', () => {
    const modules = run(['extract', release, '--out', 'out', '--quiet'], {}, path.join(root, 'bin', 'commitments.js')).modules.filter((m) => m.startsWith('/') || m.startsWith('file:'))
    // The bundle (dist/commitments.cjs) is read and compiled by bin/commitments.js, not loaded as a module.
    const own = new Set(modules.filter((m) => m.includes(root) && !m.includes('node_modules')).map((m) => path.relative(root, m.replace(/^file:\/\//, ''))))
    expect([...own]).toEqual(['bin/commitments.js'])
    expect(packages(modules)).toContain('better-sqlite3')
    expect([...packages(modules)].filter((name) => !['better-sqlite3', 'bindings', 'file-uri-to-path'].includes(name))).toEqual([])
  })

  it('schema, help and version load no pipeline and no compromise', () => {
    for (const args of [['schema'], ['--help'], ['extract', '--help'], ['--version']]) {
      const used = packages(loaded(args))
      for (const name of ['unified', 'micromark', 'better-sqlite3', 'jiti', 'compromise', 'yaml']) expect(used, `${args.join(' ')}: ${name}`).not.toContain(name)
    }
  })
})

describe('compromise word lookups', () => {
  it('ship as scripts/build-lexicon.ts derives them from the installed compromise (npm run lexicon)', () => {
    expect(fs.readFileSync(path.join(root, 'src', 'lexicon', 'compromise-words.json'), 'utf8')).toBe(lexiconJson())
  })

  it('answer as the lexicon of compromise does, for every word it lists and for words it does not', () => {
    const lexicon = compromiseLexicon()
    const lookups = { n: listedAsNonVerb, a: listedAsAdjective, o: lexiconOrganization, g: lexiconGivenName } as const
    const words = [...Object.keys(lexicon), 'Boeing', 'LONGSTANDING', 'Jennifer', 'Landrieu', 'Trafigura', 'constructor', 'toString', 'zzzz', '']
    for (const word of words.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)])) {
      const tag = lexicon[word.toLowerCase()]
      expect(lexiconKnows(word), word).toBe(tag !== undefined)
      for (const [flag, lookup] of Object.entries(lookups)) expect(lookup(word), `${flag} ${word}`).toBe(tag !== undefined && FLAGS[flag as keyof typeof lookups](tag))
    }
  })
})
