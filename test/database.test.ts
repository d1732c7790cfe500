/**
 * Feeding databases (issue 7): the fixtures loaded into SQLite and into a
 * real PostgreSQL server (127.0.0.1:5432, database `test`, a throwaway
 * schema dropped afterwards) read back as the same Documents as the JSONL;
 * loading twice changes nothing; a changed release is replaced whole (its
 * earlier version kept, test/versions.test.ts); a
 * batch killed mid-way leaves only whole Documents; the README's queries
 * run. The PostgreSQL tests do not skip: `.ci/run` starts the server.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { PostgresSink } from '../src/db/postgres.js'
import { SqliteSink } from '../src/db/sqlite.js'
import { runExtract, type Document } from '../src/index.js'
import type { Timeline } from '../src/versions/timelines.js'
import { buildArchive } from '../bench/archive.js'
import { config, expectFtsInStep, fixtureInputs, manifestReaches, readJsonl, root, tmp, throwawaySchemas } from './helpers.js'

const throwaway = throwawaySchemas('commitments_test')


/** The bundled fixtures' inputs, copied so a test may change one. */
function fixtureCopy(): { dir: string; files: string[] } {
  const dir = tmp('fixtures-')
  const files: string[] = []
  for (const name of fs.readdirSync(path.join(root, 'fixtures')).sort()) {
    for (const input of ['input.md', 'input.html']) {
      const source = path.join(root, 'fixtures', name, input)
      if (!fs.existsSync(source)) continue
      const target = path.join(dir, `${name}${path.extname(input)}`)
      fs.copyFileSync(source, target)
      files.push(target)
    }
  }
  return { dir, files }
}

const TABLES = ['documents', 'sections', 'commitments', 'entities', 'dates', 'amounts', 'links']

function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true })
  const counts = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
  db.close()
  return counts
}

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const sink = await PostgresSink.open(url)
  const counts: Record<string, number> = {}
  for (const t of TABLES) counts[t] = Number((await sink.client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n)
  await sink.close()
  return counts
}

/** The `timelines` rows a folder's timelines.jsonl makes, as they were made from whole timelines: one per event, in order. */
function expectedTimelineRows(out: string): Record<string, unknown>[] {
  const timelines: Timeline[] = readJsonl(path.join(out, 'timelines.jsonl'))
  const rows = timelines.flatMap((t) =>
    t.events.map((e, ordinal) => ({ key: t.key, ordinal, name: t.name, type: t.type, date: e.date, document_id: e.document, commitment_id: e.commitment, class: e.class, modality: e.modality, text: e.text }))
  )
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.ordinal - b.ordinal))
}
const TIMELINE_ROWS = 'SELECT key, ordinal, name, type, date, document_id, commitment_id, class, modality, text FROM timelines ORDER BY key COLLATE "C", ordinal'

/** The README's example queries for one dialect (code fences marked `sql sqlite` / `sql postgres`). */
function readmeQueries(dialect: 'sqlite' | 'postgres'): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')
  return [...readme.matchAll(new RegExp('```sql ' + dialect + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!)
}

/** Drop one bullet from the first markdown release: its commitment must vanish from the database. */
function dropOneBullet(files: string[]): { file: string; text: string } {
  const file = files.find((f) => f.endsWith('.md'))!
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  const at = lines.findIndex((l) => /^-\s{3}\S/.test(l))
  let end = at + 1
  while (end < lines.length && /^\s{4}\S/.test(lines[end]!)) end++
  const removed = lines.slice(at, end).join(' ').replace(/^-\s+/, '').replace(/\s+/g, ' ')
  fs.writeFileSync(file, [...lines.slice(0, at), ...lines.slice(end)].join('\n'))
  return { file, text: removed }
}

describe('SQLite (the default)', () => {
  it('stores the fixtures and reads back the same Documents as the JSONL', async () => {
    const { dir } = fixtureCopy()
    const out = path.join(dir, 'out')
    const summary = await runExtract({ inputs: [dir], out, config, cwd: dir })
    expect(summary.database).toMatchObject({ name: expect.stringMatching(/commitments\.db$/), inserted: summary.documents, replaced: 0, unchanged: 0 })
    const docs: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    const sink = await SqliteSink.open(path.join(out, 'commitments.db'))
    for (const doc of docs) expect(sink.read(doc.id)).toEqual(doc)
    await sink.close()
    const counts = sqliteCounts(path.join(out, 'commitments.db'))
    expect(counts.documents).toBe(docs.length)
    expect(counts.commitments).toBe(docs.reduce((n, d) => n + d.commitments.length, 0))
    expect(counts.dates).toBe(docs.reduce((n, d) => n + d.commitments.reduce((m, c) => m + c.dates.length, 0), 0))
    // The timelines, read back from timelines.jsonl an event at a time, make the rows whole timelines made.
    const expected = expectedTimelineRows(out)
    expect(expected.length).toBeGreaterThan(100)
    const db = new Database(path.join(out, 'commitments.db'), { readonly: true })
    expect(db.prepare(TIMELINE_ROWS.replace('"C"', 'BINARY')).all()).toEqual(expected)
    db.close()
  }, 60_000)

  it('loads idempotently, and replaces a changed release whole', async () => {
    const { dir, files } = fixtureCopy()
    const out = path.join(dir, 'out')
    const db = path.join(out, 'commitments.db')
    await runExtract({ inputs: [dir], out, config, cwd: dir })
    const before = sqliteCounts(db)
    const again = await runExtract({ inputs: [dir], out, config, cwd: dir, force: true })
    expect(again.database).toMatchObject({ inserted: 0, replaced: 0, unchanged: again.documents })
    expect(sqliteCounts(db)).toEqual(before)

    const { text } = dropOneBullet(files)
    const changed = await runExtract({ inputs: [dir], out, config, cwd: dir })
    expect(changed.database).toMatchObject({ inserted: 0, replaced: 0, versioned: 1 })
    const after = sqliteCounts(db)
    expect(after.commitments).toBe(before.commitments! - 1)
    const reader = new Database(db, { readonly: true })
    expect(reader.prepare('SELECT count(*) AS n FROM commitments WHERE text = ?').get(text)).toEqual({ n: 0 })
    // No mention outlives its commitment, and the full-text index follows.
    for (const t of ['entities', 'dates', 'amounts', 'links']) {
      expect(reader.prepare(`SELECT count(*) AS n FROM ${t} WHERE commitment_id NOT IN (SELECT id FROM commitments)`).get()).toEqual({ n: 0 })
    }
    expect(reader.prepare('SELECT count(*) AS n FROM commitments_fts').get()).toEqual({ n: after.commitments })
    reader.close()
    expectFtsInStep(db)
  }, 60_000)

  it('runs the README example queries', async () => {
    const { dir } = fixtureCopy()
    const out = path.join(dir, 'out')
    await runExtract({ inputs: [dir], out, config, cwd: dir })
    const db = new Database(path.join(out, 'commitments.db'), { readonly: true })
    const queries = readmeQueries('sqlite')
    expect(queries).toHaveLength(4)
    for (const sql of queries) expect(db.prepare(sql).all().length).toBeGreaterThan(0)
    db.close()
  }, 60_000)

  it('writes a CSV with one row per commitment', async () => {
    const { dir } = fixtureCopy()
    const out = path.join(dir, 'out')
    const summary = await runExtract({ inputs: [dir], out, config, cwd: dir, csv: true, db: false })
    const csv = fs.readFileSync(path.join(out, 'commitments.csv'), 'utf8')
    const rows = parseCsv(csv.replace(/^\ufeff/, ''))
    expect(rows[0]!.slice(0, 3)).toEqual(['document_id', 'document_title', 'document_date'])
    expect(rows.length - 1).toBe(summary.commitments)
    const docs: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    const textColumn = rows[0]!.indexOf('text')
    expect(rows.slice(1).map((r) => r[textColumn])).toEqual(docs.flatMap((d) => d.commitments.map((c) => c.text)))
    expect(fs.existsSync(path.join(out, 'commitments.db'))).toBe(false)
  }, 60_000)
})

describe('PostgreSQL (127.0.0.1:5432, database test)', () => {
  it('stores the fixtures and reads back the same Documents as the JSONL', async () => {
    const { dir } = fixtureCopy()
    const out = path.join(dir, 'out')
    const url = throwaway()
    const summary = await runExtract({ inputs: [dir], out, config, cwd: dir, db: url })
    expect(summary.database).toMatchObject({ name: expect.stringMatching(/^postgres/), inserted: summary.documents })
    const docs: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    const sink = await PostgresSink.open(url)
    for (const doc of docs) expect(await sink.read(doc.id)).toEqual(doc)
    await sink.close()
    const counts = await postgresCounts(url)
    expect(counts.documents).toBe(docs.length)
    expect(counts.commitments).toBe(summary.commitments)
    const timelines = await PostgresSink.open(url)
    const rows = (await timelines.client.query(TIMELINE_ROWS.replace('ordinal, name', 'ordinal::int AS ordinal, name').replace(' date,', ' date::text AS date,'))).rows
    await timelines.close()
    expect(rows).toEqual(expectedTimelineRows(out))
  }, 60_000)

  it('loads idempotently, and replaces a changed release whole', async () => {
    const { dir, files } = fixtureCopy()
    const out = path.join(dir, 'out')
    const url = throwaway()
    await runExtract({ inputs: [dir], out, config, cwd: dir, db: url })
    const before = await postgresCounts(url)
    const again = await runExtract({ inputs: [dir], out, config, cwd: dir, db: url, force: true })
    expect(again.database).toMatchObject({ inserted: 0, replaced: 0, unchanged: again.documents })
    expect(await postgresCounts(url)).toEqual(before)
    const { text } = dropOneBullet(files)
    const changed = await runExtract({ inputs: [dir], out, config, cwd: dir, db: url })
    expect(changed.database).toMatchObject({ inserted: 0, replaced: 0, versioned: 1 })
    const after = await postgresCounts(url)
    expect(after.commitments).toBe(before.commitments! - 1)
    const sink = await PostgresSink.open(url)
    expect((await sink.client.query('SELECT count(*)::int AS n FROM commitments WHERE text = $1', [text])).rows[0].n).toBe(0)
    await sink.close()
  }, 60_000)

  it('runs the README example queries', async () => {
    const { dir } = fixtureCopy()
    const url = throwaway()
    await runExtract({ inputs: [dir], out: path.join(dir, 'out'), config, cwd: dir, db: url })
    const sink = await PostgresSink.open(url)
    const queries = readmeQueries('postgres')
    expect(queries).toHaveLength(4)
    for (const sql of queries) expect((await sink.client.query(sql)).rowCount).toBeGreaterThan(0)
    await sink.close()
  }, 60_000)
})

describe('a batch killed mid-way (issue 7)', () => {
  for (const target of ['sqlite', 'postgres'] as const) {
    it(`leaves only whole Documents in ${target}`, async () => {
      const dir = tmp('killed-')
      buildArchive(fixtureInputs(), 200, dir)
      const out = path.join(dir, 'out')
      const db = target === 'sqlite' ? path.join(out, 'commitments.db') : throwaway()
      const child = spawn(process.execPath, [path.join(root, 'bin', 'commitments.js'), 'extract', dir, '--out', out, '--quiet', '--db', db], { cwd: root, stdio: 'ignore' })
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      await manifestReaches(child, path.join(out, 'manifest.jsonl'), 100)
      expect(child.exitCode).toBeNull()
      child.kill('SIGKILL')
      await exited

      // Every stored Document has all its commitments: counts agree row for row.
      const check = async (query: (sql: string) => Promise<Array<Record<string, unknown>>>) => {
        const documents = await query('SELECT count(*) AS n FROM documents')
        const broken = await query('SELECT d.id FROM documents d LEFT JOIN commitments c ON c.document_id = d.id GROUP BY d.id, d.commitment_count HAVING count(c.id) <> d.commitment_count')
        return { documents: Number(documents[0]!.n), broken: broken.length }
      }
      let state
      if (target === 'sqlite') {
        const reader = new Database(db, { readonly: true })
        state = await check(async (sql) => reader.prepare(sql).all() as Array<Record<string, unknown>>)
        reader.close()
      } else {
        const sink = await PostgresSink.open(db)
        state = await check(async (sql) => (await sink.client.query(sql)).rows)
        await sink.close()
      }
      expect(state.broken).toBe(0)
      if (target === 'sqlite') expectFtsInStep(db)
      // SQLite commits Documents in groups of 64: at least one group is in.
      expect(state.documents).toBeGreaterThanOrEqual(64)

      // The resumed run completes the database.
      const resumed = await runExtract({ inputs: [dir], out, config, cwd: root, db })
      expect(resumed.failures).toBe(0)
      expect(resumed.database!.inserted + resumed.database!.unchanged + resumed.database!.replaced).toBe(200)
      if (target === 'sqlite') expectFtsInStep(db)
    }, 120_000)
  }
})

/** RFC 4180, enough for the test: quoted cells with doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}
