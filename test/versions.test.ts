/**
 * Versions (SPEC §11, issue 14; issue 15's "one folder, one collection";
 * issue 18 #4): a re-run over an archive where one release changed keeps
 * both versions in the folder, in SQLite and in PostgreSQL (a real server
 * on 127.0.0.1, a throwaway schema), and `commitments diff` shows the
 * change; a folder is the union of everything extracted into it; two
 * inputs with one source URL are two versions, with a warning; migration 3
 * adds versions to a database made by the schema before it, row for row.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { migrations } from '../src/db/migrations.js'
import { PostgresSink } from '../src/db/postgres.js'
import { TABLES, toRows } from '../src/db/rows.js'
import { SqliteSink } from '../src/db/sqlite.js'
import { runExtract, type Document } from '../src/index.js'
import { buildReport } from '../src/report/build.js'
import { config, md, readJsonl, root, tmp } from './helpers.js'

const POSTGRES = process.env.COMMITMENTS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'
const schemas: string[] = []
const throwaway = () => {
  const name = `commitments_versions_${process.pid}_${schemas.length}_${Date.now().toString(36)}`
  schemas.push(name)
  return { name, url: `${POSTGRES}?schema=${name}` }
}
afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES })
  await client.connect()
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await client.end()
})

const edit = path.join(root, 'test', 'edits', '14-chips-5b-nstc-text')
const fixture = (name: string) => path.join(root, 'fixtures', name, 'input.md')
const bin = path.join(root, 'bin', 'commitments.js')

/** An archive of three releases, one of them the CHIPS fact sheet as first published. */
function archive(): { dir: string; release: string } {
  const dir = tmp('versions-')
  fs.mkdirSync(path.join(dir, 'in'))
  fs.copyFileSync(fixture('001-fs-the-united-states-and-india-committed-to-strengthening'), path.join(dir, 'in', 'a.md'))
  fs.copyFileSync(fixture('003-fs-the-u-s-japan-competitiveness-and-resilience-core'), path.join(dir, 'in', 'b.md'))
  const release = path.join(dir, 'in', 'chips.md')
  fs.copyFileSync(path.join(edit, 'before.md'), release)
  return { dir, release }
}

describe('a release that changed between two runs', () => {
  it('keeps both versions in the folder, in SQLite and in PostgreSQL, and diff shows the change', async () => {
    const { dir, release } = archive()
    const out = path.join(dir, 'out')
    const pgOut = path.join(dir, 'pg-out')
    const { name: schema, url } = throwaway()
    const first = await runExtract({ inputs: [path.join(dir, 'in')], out, config, cwd: dir })
    await runExtract({ inputs: [path.join(dir, 'in')], out: pgOut, config, cwd: dir, db: url })
    expect(first.versions).toBe(0)
    const id = (readJsonl(path.join(out, 'documents.jsonl')) as Document[]).find((d) => d.source.path?.endsWith('chips.md'))!.id

    fs.copyFileSync(path.join(edit, 'after.md'), release)
    const second = await runExtract({ inputs: [path.join(dir, 'in')], out, config, cwd: dir })
    const secondPg = await runExtract({ inputs: [path.join(dir, 'in')], out: pgOut, config, cwd: dir, db: url })
    expect(second.versions).toBe(1)
    expect(second.database).toMatchObject({ inserted: 0, versioned: 1, unchanged: 2 })
    expect(secondPg.database).toMatchObject({ inserted: 0, versioned: 1, unchanged: 2 })

    // The folder: the current version in documents/ and documents.jsonl, the first kept under versions/.
    const current: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    expect(current.map((d) => d.id).sort()).toEqual([...new Set(current.map((d) => d.id))].sort())
    expect(current).toHaveLength(3)
    const now = current.find((d) => d.id === id)!
    const kept = JSON.parse(fs.readFileSync(path.join(out, 'versions', id, '1.json'), 'utf8')) as Document
    expect(kept.source.sha256).not.toBe(now.source.sha256)
    expect(kept.modifiedAt).toBe('2024-02-08T18:28:32-05:00')
    expect(now.modifiedAt).toBe('2024-02-09T09:47:30-05:00')
    const versions = readJsonl(path.join(out, 'versions.jsonl')).filter((v) => v.id === id)
    expect(versions.map((v) => [v.version, v.sha256, v.modifiedAt])).toEqual([
      [1, kept.source.sha256, kept.modifiedAt],
      [2, now.source.sha256, now.modifiedAt]
    ])
    expect(versions.every((v) => !Number.isNaN(Date.parse(v.seenAt)))).toBe(true)
    const revisions = readJsonl(path.join(out, 'revisions.jsonl'))
    expect(revisions).toHaveLength(1)
    expect(revisions[0]).toMatchObject({ id, from: { version: 1 }, to: { version: 2 }, added: [], removed: [] })
    expect(revisions[0].changed.map((c: { new: { label: string } }) => c.new.label)).toEqual(['Planning to invest at least $5 billion in the NSTC', 'Announcing research priorities for the NSTC for 2024'])

    // SQLite: both versions, the first whole; the revision as rows; the main tables show the current one.
    const sqlite = await SqliteSink.open(path.join(out, 'commitments.db'))
    expect(sqlite.read(id)).toEqual(now)
    expect(sqlite.readVersion(id, 1)).toEqual(kept)
    expect(sqlite.db.prepare('SELECT version, sha256, modified_at FROM document_versions WHERE document_id = ? ORDER BY version').all(id)).toEqual([
      { version: 1, sha256: kept.source.sha256, modified_at: kept.modifiedAt },
      { version: 2, sha256: now.source.sha256, modified_at: now.modifiedAt }
    ])
    expect(sqlite.db.prepare('SELECT change, field FROM revisions WHERE document_id = ? ORDER BY ordinal').all(id)).toEqual([
      { change: 'changed', field: 'text' },
      { change: 'changed', field: 'text' }
    ])
    expect((sqlite.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(3)
    await sqlite.close()

    // PostgreSQL: the same.
    const postgres = await PostgresSink.open(url)
    expect(await postgres.read(id)).toEqual(now)
    expect(await postgres.readVersion(id, 1)).toEqual(kept)
    const rows = await postgres.client.query('SELECT version, sha256 FROM document_versions WHERE document_id = $1 ORDER BY version', [id])
    expect(rows.rows).toEqual([{ version: 1, sha256: kept.source.sha256 }, { version: 2, sha256: now.source.sha256 }])
    expect((await postgres.client.query('SELECT change, field FROM revisions WHERE document_id = $1 ORDER BY ordinal', [id])).rows).toHaveLength(2)
    expect(Number((await postgres.client.query('SELECT count(*) AS n FROM documents')).rows[0].n)).toBe(3)
    await postgres.close()
    expect(schema).toBeTruthy()

    // A third run over the same archive makes no version.
    const third = await runExtract({ inputs: [path.join(dir, 'in')], out, config, cwd: dir, force: true })
    expect(third.versions).toBe(0)
    expect(third.database).toMatchObject({ versioned: 0, inserted: 0 })
    expect(readJsonl(path.join(out, 'versions.jsonl'))).toHaveLength(4)

    // diff: the stored versions, and the two files; equal → 0, different → 1, wrong → 2.
    const diff = (...args: string[]) => spawnSync(process.execPath, [bin, 'diff', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } })
    const stored = diff('--out', out, `${id}@1`, `${id}@2`)
    expect(stored.status).toBe(1)
    expect(stored.stdout).toContain('~ [launching] Planning to invest at least $5 billion in the NSTC')
    expect(stored.stdout).toContain('0 added, 0 removed, 2 changed, 0 metadata')
    expect(stored.stdout).not.toContain('\u001b[')
    const json = diff('--json', path.join(edit, 'before.md'), path.join(edit, 'after.md'))
    expect(json.status).toBe(1)
    expect(JSON.parse(json.stdout).changed).toHaveLength(2)
    expect(diff('--out', out, `${id}@2`, `${id}@current`).status).toBe(0)
    const coloured = spawnSync(process.execPath, [bin, 'diff', '--out', out, `${id}@1`, `${id}@2`], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '1' } })
    expect(coloured.stdout).toContain('\u001b[31m')
    const wrong = diff('--out', out, `${id}@9`, `${id}@2`)
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/has versions 1–2/)
    expect(diff('only-one').status).toBe(2)
  }, 120_000)
})

describe('one folder, one collection', () => {
  it('is the union of everything extracted into it: A then B gives both everywhere', async () => {
    const { dir } = archive()
    const out = path.join(dir, 'out')
    await runExtract({ inputs: [path.join(dir, 'in', 'a.md')], out, config, cwd: dir })
    const second = await runExtract({ inputs: [path.join(dir, 'in', 'b.md')], out, config, cwd: dir })
    expect(second.releases).toBe(2)
    const docs: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    expect(docs.map((d) => path.basename(d.source.path!)).sort()).toEqual(['a.md', 'b.md'])
    expect(fs.readdirSync(path.join(out, 'documents'))).toHaveLength(2)
    const db = new Database(path.join(out, 'commitments.db'), { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 2 })
    db.close()
    const report = await buildReport({ out, config, cwd: dir })
    expect(report.documents).toBe(2)
  }, 60_000)

  it('keeps two inputs with one source URL as two versions, with a warning (issue 18 #4)', async () => {
    const dir = tmp('same-url-')
    fs.copyFileSync(path.join(edit, 'before.md'), path.join(dir, '1-first.md'))
    fs.copyFileSync(path.join(edit, 'after.md'), path.join(dir, '2-second.md'))
    const out = path.join(dir, 'out')
    const summary = await runExtract({ inputs: [dir], out, config, cwd: dir })
    const warning = summary.files.flatMap((f) => f.messages).find((m) => m.ruleId === 'versions/same-id')
    expect(String(warning?.reason)).toMatch(/Same release id as `1-first\.md` \(same source URL\): kept as version 2, the earlier one as version 1/)
    for (const run of [summary, await runExtract({ inputs: [dir], out, config, cwd: dir })]) {
      expect(run.releases).toBe(1)
      const docs: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
      expect(docs.map((d) => d.source.path)).toEqual(['2-second.md'])
      expect(readJsonl(path.join(out, 'versions.jsonl')).map((v) => v.version)).toEqual([1, 2])
      expect(JSON.parse(fs.readFileSync(path.join(out, 'versions', docs[0]!.id, '1.json'), 'utf8')).source.path).toBe('1-first.md')
    }
  }, 60_000)
})

describe('a folder written before versions', () => {
  it('has its Documents adopted as version 1: by a run, not by a reader', async () => {
    const { dir, release } = archive()
    const out = path.join(dir, 'out')
    await runExtract({ inputs: [release], out, config, cwd: dir, db: false })
    for (const f of ['versions.jsonl', 'revisions.jsonl']) fs.rmSync(path.join(out, f), { force: true })
    const [document] = readJsonl(path.join(out, 'documents.jsonl')) as Document[]
    const diff = spawnSync(process.execPath, [bin, 'diff', '--out', out, `${document!.id}@1`, `${document!.id}@current`], { cwd: dir, encoding: 'utf8' })
    expect(diff.status).toBe(0)
    expect(fs.existsSync(path.join(out, 'versions.jsonl'))).toBe(false)
    fs.copyFileSync(path.join(edit, 'after.md'), release)
    const summary = await runExtract({ inputs: [release], out, config, cwd: dir, db: false })
    expect(summary.versions).toBe(1)
    expect(readJsonl(path.join(out, 'versions.jsonl')).map((v) => [v.version, v.sha256])).toEqual([
      [1, document!.source.sha256],
      [2, (readJsonl(path.join(out, 'documents.jsonl'))[0] as Document).source.sha256]
    ])
  }, 60_000)
})

/** A database as the schema before versions made it: migrations 1 and 2, and Documents in them. */
// A database made before versions: every migration but 3 (the entity rule column of 4 is independent of it, and its rows carry their rules).
const before = migrations.filter((m) => m.version !== 3)
/** A release at a fixed URL, so its id stays when its text changes. */
const atUrl = (body: string, url = 'https://example.gov/mekong') => md(`---\ntitle: 'FACT SHEET: One'\ndate: '2025-01-06'\nsource_url: ${url}\n---\n\n${body}`)

describe('migration 3 on a database made before versions', () => {
  it('SQLite: every row kept, each Document becomes version 1, and the next change a version 2', async () => {
    const file = path.join(tmp('migrate-'), 'old.db')
    const old = new Database(file)
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const m of before) {
      old.exec(m.sqlite)
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString())
    }
    const documents = [await atUrl('- The United States will provide $80 million to the Mekong region.'), await atUrl('- Japan will host a conference on maritime safety.', 'https://example.gov/second')]
    const count = () => Object.fromEntries([...TABLES].map((t) => [t, (old.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))
    for (const d of documents) {
      const rows = toRows(d)
      for (const t of TABLES) for (const row of rows[t]) old.prepare(`INSERT INTO ${t} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`).run(row)
    }
    const counts = count()
    old.close()

    const sink = await SqliteSink.open(file)
    expect(Object.fromEntries([...TABLES].map((t) => [t, (sink.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))).toEqual(counts)
    expect(sink.db.prepare('SELECT document_id, version, sha256 FROM document_versions ORDER BY document_id').all()).toEqual(
      documents.map((d) => ({ document_id: d.id, version: 1, sha256: d.source.sha256 })).sort((a, b) => (a.document_id < b.document_id ? -1 : 1))
    )
    const changed = await atUrl('- The United States will provide $58 million to the Mekong region.')
    expect(await sink.write(changed)).toBe('versioned')
    // The first version, stored only as rows before, is kept whole.
    expect(sink.readVersion(documents[0]!.id, 1)).toEqual(documents[0])
    expect(sink.db.prepare('SELECT change, field, old_value, new_value FROM revisions').all()).toEqual([
      { change: 'changed', field: 'text', old_value: 'The United States will provide $80 million to the Mekong region.', new_value: 'The United States will provide $58 million to the Mekong region.' },
      { change: 'changed', field: 'amounts', old_value: '["80000000 USD"]', new_value: '["58000000 USD"]' }
    ])
    await sink.close()
  }, 60_000)

  it('PostgreSQL: every row kept, each Document becomes version 1', async () => {
    const { name, url } = throwaway()
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    await client.query(`CREATE SCHEMA "${name}"`)
    await client.query(`SET search_path TO "${name}"`)
    await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
    for (const m of before) {
      await client.query(m.postgres)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    }
    const document = await atUrl('- The United States will provide $80 million to the Mekong region.')
    const rows = toRows(document)
    for (const t of TABLES) {
      for (const row of rows[t]) {
        const keys = Object.keys(row)
        await client.query(`INSERT INTO ${t} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`, keys.map((k) => row[k]))
      }
    }
    const count = async (c: pg.Client) => {
      const counts: Record<string, number> = {}
      for (const t of TABLES) counts[t] = Number((await c.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n)
      return counts
    }
    const counts = await count(client)
    await client.end()

    const sink = await PostgresSink.open(url)
    expect(await count(sink.client)).toEqual(counts)
    expect((await sink.client.query('SELECT document_id, version, sha256 FROM document_versions')).rows).toEqual([{ document_id: document.id, version: 1, sha256: document.source.sha256 }])
    expect(await sink.write(await atUrl('- The United States will provide $58 million to the Mekong region.'))).toBe('versioned')
    expect(await sink.readVersion(document.id, 1)).toEqual(document)
    await sink.close()
  }, 60_000)
})
