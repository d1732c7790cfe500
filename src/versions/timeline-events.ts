/**
 * The events a timeline build collects (pass 2, timelines.ts): in memory
 * while they are few, and past `SPILL_AFTER` in a temporary SQLite file in
 * the output folder, so that an archive's build holds no key's events at
 * all: they come back from disk in the timeline's order, one at a time, to
 * be written as they come (400,000 events and 310 MB of timelines.jsonl
 * for 5,000 releases, a 22 MB line for the largest key). The Documents'
 * ids, titles and dates that events show go there too, joined back as the
 * events are read (held, they were some 190 bytes a release). The file is
 * removed when the build is done, and by the next run's clean-up when a
 * run is killed (`.NAME.PID.N.tmp`).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { tempName } from '../sinks/atomic.js'
import type { TimelineEvent } from './timeline-types.js'

/** What an event shows of its Document. */
export interface DocumentMeta {
  id: string
  title: string | null
  date: string | null
}

export interface CollectedEvent {
  doc: number
  /** The Document's date: what orders a timeline. */
  date: string | null
  commitment: string | null
  class: string | null
  modality: string | null
  text: string
  order: number
}

/** A key's events in the timeline's order, and what its head needs without holding them. */
export interface KeyEvents {
  /** The Documents that name the key. */
  docs: Iterable<Pick<DocumentMeta, 'id' | 'date'>>
  /** The class of the last event that has one. */
  latestClass: string | null
  /** Spilled, read from disk as they are asked for: read them through before taking the next key. */
  events: Iterable<TimelineEvent>
}

/** About 600 releases' worth; below it a build stays in memory and loads no SQLite. */
export const SPILL_AFTER = 50_000

/** Undated Documents last, then in Document order, then in commitment order (the title first). */
const UNDATED = '9999'
// The same order in SQL: dates are ISO days, so SQLite's byte order is JavaScript's `<`; rowid keeps equal events as they came, as a stable sort does.
const ORDER = `coalesce(e.date, '${UNDATED}'), e.doc, e.ord, e.rowid`
const LAST_FIRST = `coalesce(date, '${UNDATED}') DESC, doc DESC, ord DESC, rowid DESC`
const compare = (a: CollectedEvent, b: CollectedEvent) => {
  const da = a.date ?? UNDATED
  const db = b.date ?? UNDATED
  return da < db ? -1 : da > db ? 1 : a.doc - b.doc || a.order - b.order
}

interface Statements {
  events: Database.Statement
  docs: Database.Statement
  latest: Database.Statement
}

export class TimelineEvents {
  private readonly memory = new Map<string, CollectedEvent[]>()
  /** The Documents by index, while not spilled. */
  private documents: DocumentMeta[] = []
  private count = 0
  private size = 0
  private spilled: { db: Database.Database; file: string; insert: Database.Statement; document: Database.Statement; select?: Statements } | undefined

  /** `folder`: where to spill; without one, every event stays in memory. */
  constructor(
    private readonly folder?: string,
    private readonly spillAfter = SPILL_AFTER
  ) {}

  /** A Document whose events come next: its index, for their `doc`. */
  document(meta: DocumentMeta): number {
    if (this.spilled) this.spilled.document.run(this.count, meta.id, meta.title, meta.date)
    else this.documents.push(meta)
    return this.count++
  }

  add(key: string, event: CollectedEvent): void {
    if (this.spilled) {
      this.spilled.insert.run(key, event.doc, event.date, event.commitment, event.class, event.modality, event.text, event.order)
      return
    }
    const list = this.memory.get(key)
    if (list) list.push(event)
    else this.memory.set(key, [event])
    if (++this.size > this.spillAfter && this.folder) this.spill(this.folder)
  }

  private spill(folder: string): void {
    const file = tempName(path.join(folder, 'timeline-events'))
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof Database
    const db = new Sqlite(file)
    // A scratch file: nothing to recover after a crash.
    db.pragma('journal_mode = MEMORY')
    db.pragma('synchronous = OFF')
    db.exec('CREATE TABLE events (key TEXT NOT NULL, doc INTEGER NOT NULL, date TEXT, commitment TEXT, class TEXT, modality TEXT, text TEXT NOT NULL, ord INTEGER NOT NULL)')
    db.exec('CREATE TABLE docs (doc INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT, date TEXT)')
    db.exec('BEGIN')
    const document = db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?)')
    this.spilled = { db, file, insert: db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)'), document }
    this.documents.forEach((meta, doc) => document.run(doc, meta.id, meta.title, meta.date))
    this.documents = []
    for (const [key, list] of this.memory) for (const event of list) this.add(key, event)
    this.memory.clear()
  }

  /** A key's events, handed over (asked once per key). */
  take(key: string): KeyEvents {
    if (!this.spilled) {
      const events = (this.memory.get(key) ?? []).sort(compare)
      this.memory.delete(key)
      return { docs: [...new Set(events.map((e) => e.doc))].map((doc) => this.documents[doc]!), latestClass: events.findLast((e) => e.class !== null)?.class ?? null, events: this.shown(events) }
    }
    const select = this.statements(this.spilled.db)
    const latestClass = (select.latest.get(key) as string | undefined) ?? null
    const docs = select.docs.all(key) as Array<Pick<DocumentMeta, 'id' | 'date'>>
    return { docs, latestClass, events: rows(select.events, key) }
  }

  /** Events as a timeline shows them, with their Document's id, title and date. */
  private *shown(events: CollectedEvent[]): Generator<TimelineEvent> {
    for (const e of events) {
      const d = this.documents[e.doc]!
      yield { date: d.date, document: d.id, title: d.title, commitment: e.commitment, class: e.class, modality: e.modality, text: e.text }
    }
  }

  private statements(db: Database.Database): Statements {
    if (this.spilled!.select) return this.spilled!.select
    db.exec('COMMIT')
    // The index is the timeline's order: each key's events are read in it, with no sort.
    db.exec(`CREATE INDEX events_order ON events (key, coalesce(date, '${UNDATED}'), doc, ord)`)
    const select = {
      // Columns in a TimelineEvent's order: a row is written as it comes.
      events: db.prepare(`SELECT d.date AS date, d.id AS document, d.title AS title, e.commitment AS commitment, e.class AS class, e.modality AS modality, e.text AS text FROM events e JOIN docs d ON d.doc = e.doc WHERE e.key = ? ORDER BY ${ORDER}`),
      docs: db.prepare('SELECT id, date FROM docs WHERE doc IN (SELECT doc FROM events WHERE key = ?)'),
      latest: db.prepare(`SELECT class FROM events WHERE key = ? AND class IS NOT NULL ORDER BY ${LAST_FIRST} LIMIT 1`).pluck()
    }
    return (this.spilled!.select = select)
  }

  /** Done: the spill file removed. */
  close(): void {
    if (!this.spilled) return
    this.spilled.db.close()
    fs.rmSync(this.spilled.file, { force: true })
    this.spilled = undefined
  }
}

/** A statement's rows one at a time, the query run only once they are asked for (better-sqlite3 runs nothing else while one is open). */
function* rows(statement: Database.Statement, key: string): Generator<TimelineEvent> {
  yield* statement.iterate(key) as IterableIterator<TimelineEvent>
}
