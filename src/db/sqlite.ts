/**
 * The embedded database: SQLite through better-sqlite3, in one file
 * (`output/commitments.db` by default), with FTS5 over commitment text.
 * Each Document is written whole or not at all (a savepoint of its own): a
 * changed release is replaced whole in the main tables, its earlier version
 * kept in `document_versions` with the revision in `revisions` (see
 * versions.ts); an unchanged one is left as it is.
 * Documents are committed in groups of up to 64, which halves the load
 * time; a run killed mid-way loses at most the open group, never half a
 * Document, and its resume writes the group again. The full-text index is
 * written once per group, before it commits (fts-group.ts).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type Database from 'better-sqlite3'
import type { Document } from '../schema/document.js'
import type { DocumentSink, WriteOutcome } from '../sinks/sink.js'
import { FtsGroup } from './fts-group.js'
import { migrate } from './migrate.js'
import { revision } from '../versions/revision.js'
import type { TimelineEntry } from '../versions/timeline-types.js'
import { fromRows, revisionRows, TABLES, timelineRow, toRows, type DocumentRows, type Row } from './rows.js'
import { versionStep } from './versions.js'
import { timelineEntriesFor } from './timeline-sources.js'

/** Documents per committed transaction. */
const GROUP = 64
/**
 * How long a writer waits for another one's group to commit (ms). Groups
 * take the write lock when they begin (`BEGIN IMMEDIATE`), so two writers
 * queue instead of deadlocking on a lock upgrade ("database is locked").
 */
const BUSY_TIMEOUT = 60_000

export class SqliteSink implements DocumentSink {
  readonly name: string
  readonly db: Database.Database
  private readonly inserts = new Map<string, Database.Statement>()
  /** Set by `open`, once the schema is migrated. */
  private fts!: FtsGroup

  private constructor(file: string) {
    this.name = `sqlite:${file}`
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    // Required here, not imported: the one-file CLI would otherwise load it in runs that write no database (scripts/bundle.mjs).
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database
    this.db = new Sqlite(file, { timeout: BUSY_TIMEOUT })
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('foreign_keys = ON')
    this.db.pragma('synchronous = NORMAL')
    // Each Document's savepoint journals the pages it changes, for its own rollback only (crash recovery is the
    // WAL's): kept in memory, not spilled to a temporary file, the load takes about 0.2 s less CPU per 300 releases.
    this.db.pragma('temp_store = MEMORY')
  }

  static async open(file: string): Promise<SqliteSink> {
    const sink = new SqliteSink(file)
    const { db } = sink
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)')
    await migrate(
      {
        applied: async () => new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version)),
        apply: async (version, name, sql) => {
          // Two writers opening a fresh file at once: the second waits, then finds the migration done.
          db.transaction(() => {
            if (db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(version)) return
            db.exec(sql)
            db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, name, new Date().toISOString())
          }).immediate()
        }
      },
      'sqlite'
    )
    sink.fts = new FtsGroup(db)
    return sink
  }

  private insert(table: string, row: Row): void {
    let statement = this.inserts.get(table)
    if (!statement) {
      const columns = Object.keys(row)
      statement = this.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
      this.inserts.set(table, statement)
    }
    statement.run(row)
  }

  private store?: (rows: DocumentRows, document: Document) => WriteOutcome

  /** The write of one Document, its statements prepared once per connection, not once per Document. */
  private prepared() {
    if (this.store) return this.store
    const current = this.db.prepare('SELECT source_sha256 AS sha256, document_hash AS hash FROM documents WHERE id = ?')
    const versions = this.db.prepare('SELECT version, sha256 FROM document_versions WHERE document_id = ? ORDER BY version')
    const remove = this.db.prepare('DELETE FROM documents WHERE id = ?')
    const keep = this.db.prepare('UPDATE document_versions SET document = ? WHERE document_id = ? AND version = ?')
    const store = this.db.transaction((rows: DocumentRows, document: Document): WriteOutcome => {
      const id = document.id
      const head = rows.documents[0]!
      const step = versionStep(
        { current: current.get(id) as { sha256: string; hash: string } | undefined, versions: versions.all(id) as Array<{ version: number; sha256: string }> },
        document.source.sha256,
        String(head.document_hash)
      )
      if (step.kind === 'unchanged') return 'unchanged'
      if (step.kind === 'version') {
        const previous = fromRows(this.rowsOf(id))
        if (step.fromRecorded) keep.run(JSON.stringify(previous), id, step.from)
        else this.insert('document_versions', { document_id: id, version: step.from, sha256: previous.source.sha256, modified_at: previous.modifiedAt ?? null, seen_at: new Date().toISOString(), document: JSON.stringify(previous) })
        for (const row of revisionRows(revision(previous, document, { from: step.from, to: step.to }))) this.insert('revisions', row)
      }
      // Replaced whole: the cascade removes its sections, commitments and their mentions.
      if (step.kind !== 'insert') {
        this.fts.beforeDelete()
        remove.run(id)
        this.fts.afterDelete()
      }
      for (const table of TABLES) for (const row of rows[table]) this.insert(table, row)
      if (step.kind === 'replace') return 'replaced'
      const version = step.kind === 'insert' ? step.version : step.to
      this.insert('document_versions', { document_id: id, version, sha256: document.source.sha256, modified_at: document.modifiedAt ?? null, seen_at: new Date().toISOString(), document: null })
      return step.kind === 'insert' ? 'inserted' : 'versioned'
    })
    this.store = store
    return store
  }

  async timelines(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, others?: { listed: (id: string) => boolean; spill?: string }): Promise<void> {
    this.commit()
    // The write lock first: what the other writers committed before is all there, and none commits meanwhile.
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const query = (sql: string, parameters: unknown[]) => this.db.prepare(sql).all(...parameters) as Row[]
      const all = await timelineEntriesFor(query, 'sqlite', entries, others)
      this.db.exec('DELETE FROM timelines')
      for await (const entry of all) this.insert('timelines', timelineRow(entry))
      this.db.exec('COMMIT')
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    }
  }

  private open = 0

  async write(document: Document, json?: string): Promise<WriteOutcome> {
    if (!this.db.inTransaction) {
      this.db.exec('BEGIN IMMEDIATE')
      this.fts.begin()
      this.open = 0
    }
    // Inside the group's transaction, better-sqlite3 runs `store` in a savepoint: a Document it refuses is rolled back alone.
    const mark = this.fts.mark()
    let outcome: WriteOutcome
    try {
      outcome = this.prepared()(toRows(document, json), document)
    } catch (error) {
      this.fts.restore(mark)
      throw error
    }
    if (++this.open >= GROUP) this.commit()
    return outcome
  }

  async flush(): Promise<void> {
    this.commit()
  }

  private commit(): void {
    if (!this.db.inTransaction) return
    this.fts.end()
    this.db.exec('COMMIT')
    this.open = 0
  }

  /** A stored Document, read back from its rows (what is written so far is committed first). */
  read(id: string): Document | undefined {
    this.commit()
    const rows = this.rowsOf(id)
    return rows.documents.length === 0 ? undefined : fromRows(rows)
  }

  /** A stored version of a release: the current one from its rows, an earlier one from `document_versions`. */
  readVersion(id: string, version: number): Document | undefined {
    this.commit()
    const row = this.db.prepare('SELECT document FROM document_versions WHERE document_id = ? AND version = ?').get(id, version) as { document: string | null } | undefined
    if (!row) return undefined
    return row.document === null ? this.read(id) : (JSON.parse(row.document) as Document)
  }

  /** The rows of one stored Document, read inside the current transaction. */
  private rowsOf(id: string): DocumentRows {
    const one = (sql: string) => this.db.prepare(sql).all(id) as Row[]
    const documents = one('SELECT * FROM documents WHERE id = ?')
    const byCommitment = (table: string) => one(`SELECT t.* FROM ${table} t JOIN commitments c ON c.id = t.commitment_id WHERE c.document_id = ? ORDER BY c.idx, t.ordinal`)
    const rows: DocumentRows = {
      documents,
      sections: one('SELECT * FROM sections WHERE document_id = ? ORDER BY idx'),
      commitments: one('SELECT * FROM commitments WHERE document_id = ? ORDER BY idx'),
      entities: byCommitment('entities'),
      dates: byCommitment('dates'),
      amounts: byCommitment('amounts'),
      links: byCommitment('links')
    }
    return rows
  }

  async close(): Promise<void> {
    this.commit()
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }

  async abort(): Promise<void> {
    // The whole Documents written so far are kept; the run's resume adds the rest.
    this.commit()
    this.db.close()
  }
}
