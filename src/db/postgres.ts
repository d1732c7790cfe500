/**
 * PostgreSQL through node-postgres: `--db postgres://user@host/db`. One
 * transaction per Document; a changed release is replaced whole (its
 * vanished commitments go with it) and its earlier version kept in
 * `document_versions`, with the revision in `revisions` (versions.ts); an
 * unchanged one is not touched, so
 * re-running an archive changes nothing. `?schema=name` writes into that
 * schema (created if missing), which is how tests use a throwaway one.
 */
import { createRequire } from 'node:module'
import type pg from 'pg'
import type { Document } from '../schema/document.js'
import type { DocumentSink, WriteOutcome } from '../sinks/sink.js'
import { migrate } from './migrate.js'
import { revision } from '../versions/revision.js'
import type { TimelineEntry } from '../versions/timeline-types.js'
import { fromRows, revisionRows, TABLES, timelineRow, toRows, type DocumentRows, type Row } from './rows.js'
import { versionStep } from './versions.js'
import { timelineEntriesFor } from './timeline-sources.js'

/** Postgres allows 65,535 parameters per statement; rows go in chunks well below. */
const MAX_PARAMETERS = 30_000

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The advisory lock key under which loaders set up a schema and migrate it, one at a time. */
const MIGRATION_LOCK = 7265637
/** The advisory lock key under which a loader replaces the timelines. */
const TIMELINES_LOCK = 7265638

export class PostgresSink implements DocumentSink {
  readonly name: string

  private constructor(
    readonly client: pg.Client,
    readonly schema: string | undefined
  ) {
    this.name = schema ? `postgres (schema ${schema})` : 'postgres'
  }

  static async open(url: string): Promise<PostgresSink> {
    const parsed = new URL(url)
    const schema = parsed.searchParams.get('schema') ?? undefined
    parsed.searchParams.delete('schema')
    // Required here, not imported: the one-file CLI would otherwise load pg in every run (scripts/bundle.mjs).
    const { Client } = createRequire(import.meta.url)('pg') as typeof pg
    const client = new Client({ connectionString: parsed.toString() })
    await client.connect()
    const sink = new PostgresSink(client, schema)
    try {
      // `CREATE … IF NOT EXISTS` races when two loaders open a fresh schema at once (a duplicate key in the catalog): one at a time.
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      if (schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`)
        await client.query(`SET search_path TO ${ident(schema)}`)
      }
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())')
      await client.query('COMMIT')
      await migrate(
        {
          applied: async () => new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version)),
          apply: async (version, name, sql) => {
            await client.query('BEGIN')
            try {
              // Two loaders starting at once: the second waits, then finds the migration done.
              await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
              const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [version])
              if (done.rowCount === 0) {
                await client.query(sql)
                await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, name])
              }
              await client.query('COMMIT')
            } catch (error) {
              await client.query('ROLLBACK')
              throw error
            }
          }
        },
        'postgres'
      )
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      await client.end()
      throw error
    }
    return sink
  }

  private async insert(table: string, rows: Row[]): Promise<void> {
    if (rows.length === 0) return
    const columns = Object.keys(rows[0]!)
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length))
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement)
      const values: Array<string | number | null> = []
      const tuples = chunk.map((row) => `(${columns.map((c) => `$${values.push(row[c] ?? null)}`).join(', ')})`)
      await this.client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values)
    }
  }

  async write(document: Document, json?: string): Promise<WriteOutcome> {
    const rows = toRows(document, json)
    await this.client.query('BEGIN')
    try {
      // Two loaders writing one Document (shards overlapping, a re-run beside a run): the second waits for the first's commit, then finds its rows.
      await this.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [document.id])
      const id = document.id
      const current = await this.client.query<{ sha256: string; hash: string }>('SELECT source_sha256 AS sha256, document_hash AS hash FROM documents WHERE id = $1 FOR UPDATE', [id])
      const versions = await this.client.query<{ version: number; sha256: string }>('SELECT version, sha256 FROM document_versions WHERE document_id = $1 ORDER BY version', [id])
      const step = versionStep({ current: current.rows[0], versions: versions.rows }, document.source.sha256, String(rows.documents[0]!.document_hash))
      let outcome: WriteOutcome = 'unchanged'
      const seen = new Date().toISOString()
      if (step.kind === 'version') {
        const previous = (await this.read(id))!
        if (step.fromRecorded) await this.client.query('UPDATE document_versions SET document = $1 WHERE document_id = $2 AND version = $3', [JSON.stringify(previous), id, step.from])
        else await this.insert('document_versions', [{ document_id: id, version: step.from, sha256: previous.source.sha256, modified_at: previous.modifiedAt ?? null, seen_at: seen, document: JSON.stringify(previous) }])
        await this.insert('revisions', revisionRows(revision(previous, document, { from: step.from, to: step.to })))
      }
      if (step.kind !== 'unchanged') {
        if (step.kind !== 'insert') await this.client.query('DELETE FROM documents WHERE id = $1', [id])
        for (const table of TABLES) await this.insert(table, rows[table])
        outcome = step.kind === 'insert' ? 'inserted' : step.kind === 'replace' ? 'replaced' : 'versioned'
      }
      if (step.kind === 'insert' || step.kind === 'version') {
        await this.insert('document_versions', [{ document_id: id, version: step.kind === 'insert' ? step.version : step.to, sha256: document.source.sha256, modified_at: document.modifiedAt ?? null, seen_at: seen, document: null }])
      }
      await this.client.query('COMMIT')
      return outcome
    } catch (error) {
      await this.client.query('ROLLBACK')
      throw error
    }
  }

  async timelines(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, others?: { listed: (id: string) => boolean; spill?: string }): Promise<void> {
    await this.client.query('BEGIN')
    try {
      // Two loaders finishing at once: one replaces the timelines after the other (a duplicate key otherwise).
      // Its reads, after the lock, see what every loader committed before: the last to finish builds them whole.
      await this.client.query('SELECT pg_advisory_xact_lock($1)', [TIMELINES_LOCK])
      const query = async (sql: string, parameters: unknown[]) => (await this.client.query(sql, parameters)).rows as Row[]
      const all = await timelineEntriesFor(query, 'postgres', entries, others)
      await this.client.query('DELETE FROM timelines')
      // In statements of a few thousand rows, made as they go: not all the archive's events at once.
      let chunk: Row[] = []
      for await (const entry of all) {
        chunk.push(timelineRow(entry))
        if (chunk.length >= 5000) {
          await this.insert('timelines', chunk)
          chunk = []
        }
      }
      await this.insert('timelines', chunk)
      await this.client.query('COMMIT')
    } catch (error) {
      await this.client.query('ROLLBACK')
      throw error
    }
  }

  /** A stored version of a release: the current one from its rows, an earlier one from `document_versions`. */
  async readVersion(id: string, version: number): Promise<Document | undefined> {
    const row = (await this.client.query<{ document: string | null }>('SELECT document FROM document_versions WHERE document_id = $1 AND version = $2', [id, version])).rows[0]
    if (!row) return undefined
    return row.document === null ? this.read(id) : (JSON.parse(row.document) as Document)
  }

  /** A stored Document, read back from its rows. */
  async read(id: string): Promise<Document | undefined> {
    const q = async (sql: string) => (await this.client.query<Row>(sql, [id])).rows
    const documents = await q(`SELECT *, to_char(date, 'YYYY-MM-DD') AS date FROM documents WHERE id = $1`)
    if (documents.length === 0) return undefined
    const byCommitment = (table: string, extra = '') =>
      q(`SELECT t.*${extra} FROM ${table} t JOIN commitments c ON c.id = t.commitment_id WHERE c.document_id = $1 ORDER BY c.idx, t.ordinal`)
    const rows: DocumentRows = {
      documents,
      sections: await q('SELECT * FROM sections WHERE document_id = $1 ORDER BY idx'),
      commitments: await q('SELECT * FROM commitments WHERE document_id = $1 ORDER BY idx'),
      entities: await byCommitment('entities'),
      dates: await byCommitment('dates', `, to_char(t.date_from, 'YYYY-MM-DD') AS date_from, to_char(t.date_to, 'YYYY-MM-DD') AS date_to`),
      amounts: await byCommitment('amounts'),
      links: await byCommitment('links')
    }
    return fromRows(rows)
  }

  async close(): Promise<void> {
    await this.client.end()
  }

  async abort(): Promise<void> {
    await this.client.end()
  }
}
