/**
 * Schema version 2 (SPEC §4 `unit`, §5 `actor`) reaches databases written
 * by earlier versions through a migration, not a rebuild: a database made
 * with the first two migrations and holding a version-1 Document is
 * upgraded in place, keeps its rows (every commitment then was an item,
 * with no actor read), and stores and reads back version-2 Documents.
 * Real SQLite and a real PostgreSQL server (throwaway schema).
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { migrations } from '../src/db/migrations.js'
import { PostgresSink } from '../src/db/postgres.js'
import { SqliteSink } from '../src/db/sqlite.js'
import { md, tmp } from './helpers.js'

/** The migration that added `unit` and `actor`; the database before it is the "old" one. */
const UNIT_AND_ACTOR = migrations.find((m) => m.name.startsWith('commitment unit and actor'))!.version

const POSTGRES = process.env.COMMITMENTS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = `commitments_migration_${process.pid}_${Date.now().toString(36)}`

afterAll(async () => {
  const client = new pg.Client({ connectionString: POSTGRES })
  await client.connect()
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  await client.end()
})

/** A version-1 Document's rows, as the first migrations' tables held them. */
const OLD_ROWS = [
  `INSERT INTO documents (id, schema_version, title, date, source_format, source_sha256, tags, abbreviations, warnings, commitment_count, document_hash)
   VALUES ('old', '1', 'FACT SHEET: Old', '2024-01-01', 'markdown', '${'0'.repeat(64)}', '[]', '[]', '[]', 1, 'h')`,
  `INSERT INTO commitments (id, document_id, idx, section_index, text, verb, phrase, class, modality, topics, start_line, start_column, start_offset, end_line, end_column, end_offset)
   VALUES ('old-1', 'old', 0, -1, 'Launching a new partnership.', 'launch', 'Launching', 'launching', 'ongoing', '[]', 1, 1, 0, 1, 10, 9)`
]

const document = () =>
  md('The United States and India will expand cooperation on space. The weather was fine.\n\n-   Launching a joint effort in space.\n', 'United States – India Joint Statement')

describe('migration: unit and actor', () => {
  it('upgrades an old SQLite database in place', async () => {
    const file = path.join(tmp('migrate-'), 'old.db')
    const old = new Database(file)
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    for (const m of migrations.filter((m) => m.version < UNIT_AND_ACTOR)) {
      old.exec(m.sqlite)
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2025-01-01T00:00:00Z')
    }
    for (const sql of OLD_ROWS) old.exec(sql)
    old.close()

    const sink = await SqliteSink.open(file)
    const versions = (sink.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version)
    expect(versions).toEqual(migrations.map((m) => m.version))
    expect(sink.db.prepare("SELECT unit, actor FROM commitments WHERE id = 'old-1'").get()).toEqual({ unit: 'item', actor: null })
    expect(sink.read('old')?.commitments[0]).toMatchObject({ unit: 'item', actor: null, text: 'Launching a new partnership.' })
    const fresh = await document()
    expect(fresh.commitments.map((c) => c.unit)).toEqual(['sentence', 'item'])
    await sink.write(fresh)
    expect(sink.read(fresh.id)).toEqual(fresh)
    expect(sink.db.prepare("SELECT actor, actor_canonical FROM commitments WHERE unit = 'sentence'").get()).toEqual({ actor: 'The United States and India', actor_canonical: null })
    await sink.close()
  })

  it('upgrades an old PostgreSQL schema in place', async () => {
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    await client.query(`CREATE SCHEMA "${schema}"`)
    await client.query(`SET search_path TO "${schema}"`)
    await client.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
    for (const m of migrations.filter((m) => m.version < UNIT_AND_ACTOR)) {
      await client.query(m.postgres)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
    }
    for (const sql of OLD_ROWS) await client.query(sql)
    await client.end()

    const sink = await PostgresSink.open(`${POSTGRES}?schema=${schema}`)
    expect((await sink.client.query("SELECT unit, actor FROM commitments WHERE id = 'old-1'")).rows).toEqual([{ unit: 'item', actor: null }])
    const fresh = await document()
    await sink.write(fresh)
    expect(await sink.read(fresh.id)).toEqual(fresh)
    expect((await sink.client.query("SELECT count(*)::int AS n FROM commitments WHERE unit = 'sentence' AND actor IS NOT NULL")).rows[0].n).toBe(1)
    await sink.close()
  })
})
