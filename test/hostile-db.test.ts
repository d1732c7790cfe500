/**
 * Hostile rows and concurrent writers (issue 18 #1, #7): a row a database
 * cannot take fails its Document alone, in both databases; NUL and lone
 * surrogates are replaced when read, so every output agrees; two loaders
 * into one PostgreSQL schema, two writers of one SQLite file and two runs
 * on one output folder behave as the README says.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { PostgresSink } from '../src/db/postgres.js'
import { SqliteSink } from '../src/db/sqlite.js'
import { resolveConfig, runExtract } from '../src/index.js'
import { lockOutput } from '../src/sinks/lock.js'
import { expectFtsInStep, fixtureInputs, readJsonl, root, runCliAsync, tmp, POSTGRES, throwawaySchemas } from './helpers.js'

const throwaway = throwawaySchemas('commitments_hostile')

const record = (fields: Record<string, unknown>) => JSON.stringify({ date: '2025-01-06', ...fields })
const bullets = (...items: string[]) => `# Fact Sheet\n\n${items.map((item) => `- ${item}`).join('\n')}\n`

/**
 * An archive of hostile records between two good ones: NUL and a lone
 * surrogate in the title, URL and tags (JSON escapes) and in the text, a
 * 4,000-character entity, and — with the item limit raised — a bullet whose
 * text search vector PostgreSQL refuses (over 1 MB).
 */
function hostileArchive(): { dir: string; archive: string } {
  const dir = tmp('hostile-db-')
  // Distinct words of letters only (no digit to wake the date and amount rules), after a first sentence of its own.
  const letters = (n: number) => n.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)))
  const huge = Array.from({ length: 140_000 }, (_, i) => `w${letters(i)}`).join(' ')
  const lines = [
    record({ url: 'https://example.gov/good-1', title: 'Good one', markdown: bullets('The United States will expand clean energy cooperation with India.') }),
    record({ url: 'https://example.gov/nul\u0000url', title: 'Title with \u0000 NUL', tags: ['tag\u0000'], markdown: bullets('The partners will fund new\u0000 research projects this year.') }),
    record({ url: 'https://example.gov/surrogate', title: 'Lone \ud800 surrogate', markdown: bullets('The partners will fund \udc00 research projects in June.') }),
    record({ url: 'https://example.gov/long-entity', markdown: bullets(`The partners will support the ${'Alpha Beta '.repeat(400)}Program together.`) }),
    record({ url: 'https://example.gov/huge', markdown: bullets(`The partners will study these words. ${huge}.`) }),
    record({ url: 'https://example.gov/good-2', title: 'Good two', markdown: bullets('Japan will host the next ministerial meeting in Tokyo.') })
  ]
  const archive = path.join(dir, 'archive.jsonl')
  fs.writeFileSync(archive, lines.join('\n') + '\n')
  return { dir, archive }
}

const roomy = resolveConfig({ limits: { bytes: 4 * 1024 * 1024, itemCharacters: 2_000_000 } }, root)

for (const kind of ['sqlite', 'postgres'] as const) {
  describe(`hostile rows, ${kind}`, () => {
    it('stores NUL, lone surrogates and long entities as replaced text; a row it refuses fails that Document alone; a resume goes on', { timeout: 240_000 }, async () => {
      const { dir, archive } = hostileArchive()
      const out = path.join(dir, 'out')
      const db = kind === 'sqlite' ? path.join(out, 'commitments.db') : throwaway()
      const summary = await runExtract({ inputs: [archive], out, config: roomy, workers: 0, db })
      const documents = readJsonl(path.join(out, 'documents.jsonl'))
      const errors = readJsonl(path.join(out, 'errors.jsonl'))
      // SQLite takes the huge bullet (FTS5 has no size limit); PostgreSQL's tsvector does not.
      expect(documents.length).toBe(kind === 'sqlite' ? 6 : 5)
      expect(summary.failures).toBe(kind === 'sqlite' ? 0 : 1)
      if (kind === 'postgres') {
        expect(errors).toEqual([expect.objectContaining({ path: `${archive}#L5`, ruleId: 'database', reason: expect.stringMatching(/tsvector/) })])
      }
      const nul = documents.find((d) => d.source.url.startsWith('https://example.gov/nul'))
      expect(nul.title).toBe('Title with \ufffd NUL')
      expect(nul.source.url).toBe('https://example.gov/nul\ufffdurl')
      expect(nul.tags).toEqual(['tag\ufffd'])
      expect(nul.commitments[0].text).toContain('new\ufffd research')
      expect(nul.warnings.map((w: { ruleId: string }) => w.ruleId)).toContain('unsafe-character')
      const surrogate = documents.find((d) => d.source.url === 'https://example.gov/surrogate')
      expect(surrogate.title).toBe('Lone \ufffd surrogate')
      const long = documents.find((d) => d.source.url === 'https://example.gov/long-entity')
      expect(long.warnings.map((w: { ruleId: string }) => w.ruleId)).toContain('long-entity')
      // What the database holds reads back as the JSONL: the replaced characters round-trip.
      const sink = kind === 'sqlite' ? await SqliteSink.open(db) : await PostgresSink.open(db)
      for (const document of documents) expect(await sink.read(document.id)).toEqual(document)
      await sink.close()
      // The resume redoes the refused release, which fails alone again: no crash.
      const again = await runExtract({ inputs: [archive], out, config: roomy, workers: 0, db })
      expect(again.failures).toBe(summary.failures)
      expect(readJsonl(path.join(out, 'documents.jsonl')).length).toBe(documents.length)
    })
  })
}

const inputs = fixtureInputs()

describe('concurrent writers', () => {
  it('two loaders into one fresh PostgreSQL schema at once: both succeed, each Document once (three tries)', { timeout: 240_000 }, async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const db = throwaway()
      const [a, b] = (await Promise.all([tmp(), tmp()].map((out) => runCliAsync(['extract', '--quiet', '--workers', '0', '--db', db, '--out', out, ...inputs])))) as [Awaited<ReturnType<typeof runCliAsync>>, Awaited<ReturnType<typeof runCliAsync>>]
      expect(a, a.stderr).toMatchObject({ code: 0 })
      expect(b, b.stderr).toMatchObject({ code: 0 })
      const client = new pg.Client({ connectionString: POSTGRES })
      await client.connect()
      const schema = new URL(db).searchParams.get('schema')!
      const { rows } = await client.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM "${schema}".documents`)
      const migrations = await client.query(`SELECT count(*)::int AS n FROM "${schema}".schema_migrations`)
      await client.end()
      expect(rows[0]).toEqual({ n: inputs.length, ids: inputs.length })
      expect(migrations.rows[0].n).toBeGreaterThan(0)
    }
  })

  it('two runs on one --out: the second is refused with a message naming the first, or runs after it', { timeout: 240_000 }, async () => {
    const out = tmp()
    const runs = await Promise.all([0, 1].map(() => runCliAsync(['extract', '--quiet', '--workers', '0', '--out', out, ...inputs])))
    for (const run of runs) {
      expect([0, 75], run.stderr).toContain(run.code)
      if (run.code === 75) expect(run.stderr).toMatch(/Unexpected second run writing .*: run \d+ on .*, started .*, is writing it/)
    }
    expect(runs.some((run) => run.code === 0)).toBe(true)
    expect(readJsonl(path.join(out, 'documents.jsonl')).length).toBe(inputs.length)
    expect(fs.existsSync(path.join(out, '.commitments.lock'))).toBe(false)
  })

  it('a lock held by a live run refuses; one left by a killed run is taken over', () => {
    const out = tmp()
    const release = lockOutput(out)
    expect(() => lockOutput(out)).toThrow(new RegExp(`run ${process.pid} on`))
    release()
    // A pid that cannot be running: the lock is stale.
    fs.writeFileSync(path.join(out, '.commitments.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), started: 'then' }))
    const again = lockOutput(out)
    again()
  })

  it('two runs writing one SQLite file from two folders at once: the second waits (busy timeout), both load everything', { timeout: 240_000 }, async () => {
    const db = path.join(tmp(), 'shared.db')
    const runs = await Promise.all([tmp(), tmp()].map((out) => runCliAsync(['extract', '--quiet', '--workers', '0', '--db', db, '--out', out, ...inputs])))
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 })
    const sqlite = new Database(db, { readonly: true })
    expect((sqlite.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(inputs.length)
    sqlite.close()
    expectFtsInStep(db)
  })
})
