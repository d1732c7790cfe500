/**
 * Two shards of one archive loading one database at once (issue 16; README,
 * "Sharding one archive across machines"): each shard's run, in a process
 * of its own with its own folder, loads its share; the database ends with
 * every Document once and the timelines of the whole archive (SPEC §12),
 * not those of whichever shard finished last.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { Timeline } from '../src/versions/timeline-types.js'
import { fixtureInputs, readJsonl, runCliAsync, tmp, POSTGRES, throwawaySchemas } from './helpers.js'

const throwaway = throwawaySchemas('commitments_shards')
const inputs = fixtureInputs()


/** A timeline event as one comparable line: its key and head, and the event. */
const line = (r: { key: string; name: string; type: string; date: string | null; document_id: string; commitment_id: string | null; class: string | null; modality: string | null; text: string }) =>
  JSON.stringify([r.key, r.name, r.type, r.date, r.document_id, r.commitment_id, r.class, r.modality, r.text])

/** The timelines of one run over the whole archive, from its folder, as lines. */
async function wholeArchive(): Promise<string[]> {
  const out = tmp('shards-whole-')
  const run = await runCliAsync(['extract', '--quiet', '--workers', '0', '--no-db', '--out', out, ...inputs])
  expect(run, run.stderr).toMatchObject({ code: 0 })
  return (readJsonl(path.join(out, 'timelines.jsonl')) as Timeline[])
    .flatMap((t) => t.events.map((e) => line({ key: t.key, name: t.name, type: t.type, date: e.date, document_id: e.document, commitment_id: e.commitment, class: e.class, modality: e.modality, text: e.text })))
    .sort()
}

type Rows = Array<Parameters<typeof line>[0] & { ordinal: number }>

/** Every Document once, the shards' folders disjoint and together the archive; the database's timelines those of the whole archive. */
function expectWhole(outs: string[], documents: { n: number; ids: number }, rows: Rows, whole: string[]) {
  const listed = outs.map((out) => readJsonl(path.join(out, 'documents.jsonl')).map((d: { id: string }) => d.id))
  expect(listed.every((ids) => ids.length > 0)).toBe(true)
  expect(new Set(listed.flat()).size).toBe(inputs.length)
  expect(documents).toEqual({ n: inputs.length, ids: inputs.length })
  expect(rows.map(line).sort()).toEqual(whole)
  // Each timeline's events numbered from 0, without a gap.
  const ordinals = new Map<string, number[]>()
  for (const r of rows) ordinals.set(r.key, [...(ordinals.get(r.key) ?? []), r.ordinal])
  for (const list of ordinals.values()) expect(list.sort((a, b) => a - b)).toEqual(list.map((_, i) => i))
}

const shardArgs = (i: number, out: string, db: string) => ['extract', '--quiet', '--workers', '0', '--shard', `${i}/2`, '--db', db, '--out', out, ...inputs]

describe('two shards loading one database at once', () => {
  it('PostgreSQL: every Document once, and the timelines of the whole archive', { timeout: 240_000 }, async () => {
    const whole = await wholeArchive()
    expect(whole.length).toBeGreaterThan(100)
    const db = throwaway()
    const outs = [tmp('shard-1-'), tmp('shard-2-')]
    const runs = await Promise.all(outs.map((out, i) => runCliAsync(shardArgs(i + 1, out, db))))
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 })
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    const schema = `"${new URL(db).searchParams.get('schema')!}"`
    const documents = (await client.query(`SELECT count(*)::int AS n, count(DISTINCT id)::int AS ids FROM ${schema}.documents`)).rows[0]
    const rows = (await client.query(`SELECT key, ordinal, name, type, to_char(date, 'YYYY-MM-DD') AS date, document_id, commitment_id, class, modality, text FROM ${schema}.timelines`)).rows as Rows
    await client.end()
    expectWhole(outs, documents, rows, whole)
  })

  it('SQLite: the same with one file, the second shard waiting for the first (busy timeout)', { timeout: 240_000 }, async () => {
    const whole = await wholeArchive()
    const db = path.join(tmp('shards-sqlite-'), 'shared.db')
    const outs = [tmp('shard-1-'), tmp('shard-2-')]
    const runs = await Promise.all(outs.map((out, i) => runCliAsync(shardArgs(i + 1, out, db))))
    for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0 })
    const sqlite = new Database(db, { readonly: true })
    const documents = sqlite.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM documents').get() as { n: number; ids: number }
    const rows = sqlite.prepare('SELECT * FROM timelines').all() as Rows
    sqlite.close()
    expectWhole(outs, documents, rows, whole)
  })
})
