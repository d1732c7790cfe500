/**
 * The events a timeline build collects (pass 2, timelines.ts): in memory
 * while they are few, and past `SPILL_AFTER` in a temporary SQLite file in
 * the output folder, so that an archive's build holds one key's events at a
 * time, not all of them (400,000 events and 310 MB of timelines.jsonl for
 * 5,000 releases). The file is removed when the build is done, and by the
 * next run's clean-up when a run is killed (`.NAME.PID.N.tmp`).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { tempName } from '../sinks/atomic.js'

export interface CollectedEvent {
  doc: number
  commitment: string | null
  class: string | null
  modality: string | null
  text: string
  order: number
}

/** About 600 releases' worth; below it a build stays in memory and loads no SQLite. */
export const SPILL_AFTER = 50_000

export class TimelineEvents {
  private readonly memory = new Map<string, CollectedEvent[]>()
  private size = 0
  private spilled: { db: Database.Database; file: string; insert: Database.Statement; select?: Database.Statement } | undefined

  /** `folder`: where to spill; without one, every event stays in memory. */
  constructor(
    private readonly folder?: string,
    private readonly spillAfter = SPILL_AFTER
  ) {}

  add(key: string, event: CollectedEvent): void {
    if (this.spilled) {
      this.spilled.insert.run(key, event.doc, event.commitment, event.class, event.modality, event.text, event.order)
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
    db.exec('CREATE TABLE events (key TEXT NOT NULL, doc INTEGER NOT NULL, commitment TEXT, class TEXT, modality TEXT, text TEXT NOT NULL, ord INTEGER NOT NULL)')
    db.exec('BEGIN')
    this.spilled = { db, file, insert: db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)') }
    for (const [key, list] of this.memory) for (const event of list) this.add(key, event)
    this.memory.clear()
  }

  /** A key's events, handed over (asked once per key). */
  take(key: string): CollectedEvent[] {
    if (!this.spilled) {
      const list = this.memory.get(key) ?? []
      this.memory.delete(key)
      return list
    }
    if (!this.spilled.select) {
      this.spilled.db.exec('COMMIT')
      this.spilled.db.exec('CREATE INDEX events_key ON events (key)')
      this.spilled.select = this.spilled.db.prepare('SELECT doc, commitment, class, modality, text, ord AS "order" FROM events WHERE key = ? ORDER BY rowid')
    }
    return this.spilled.select.all(key) as CollectedEvent[]
  }

  /** Done: the spill file removed. */
  close(): void {
    if (!this.spilled) return
    this.spilled.db.close()
    fs.rmSync(this.spilled.file, { force: true })
    this.spilled = undefined
  }
}
