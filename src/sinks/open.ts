/**
 * The sinks a run writes to besides the JSON files: the database named by
 * `--db` (a `postgres://` URL, else a SQLite file; SQLite at
 * `DIR/commitments.db` unless turned off) and the CSV file with `--csv`.
 * Database drivers are loaded only when used.
 */
import path from 'node:path'
import type { DocumentSink } from './sink.js'

export interface SinkOptions {
  out: string
  /** A postgres:// URL, a SQLite file path, or false for none (default: DIR/commitments.db). */
  db?: string | false
  csv?: boolean
}

export async function openSinks(options: SinkOptions): Promise<DocumentSink[]> {
  const sinks: DocumentSink[] = []
  const db = options.db === undefined ? path.join(options.out, 'commitments.db') : options.db
  if (db !== false && /^postgres(ql)?:\/\//i.test(db)) {
    const { PostgresSink } = await import('../db/postgres.js')
    sinks.push(await PostgresSink.open(db))
  } else if (db !== false) {
    const { SqliteSink } = await import('../db/sqlite.js')
    sinks.push(await SqliteSink.open(db.replace(/^sqlite:/, '')))
  }
  if (options.csv) {
    const { CsvSink } = await import('./csv.js')
    sinks.push(new CsvSink(path.join(options.out, 'commitments.csv')))
  }
  return sinks
}
