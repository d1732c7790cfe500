/**
 * The sinks a run writes to besides the JSON files: the database named by
 * `--db` (a `postgres://` URL, else a SQLite file; SQLite at
 * `DIR/commitments.db` unless turned off) and the CSV file with `--csv`.
 * Database drivers are loaded only when used. A `--db` this cannot use,
 * or a database it cannot reach, is one line saying what to do.
 */
import path from 'node:path'
import { CommitmentsError, EXIT, errnoCode, outputError, usageError } from '../errors.js'
import type { DocumentSink } from './sink.js'

export interface SinkOptions {
  /** The output folder, or undefined when Documents go to stdout (`--out -`). */
  out: string | undefined
  /** A postgres:// URL, a SQLite file path, or false for none (default: DIR/commitments.db). */
  db?: string | false
  csv?: boolean
}

export const DB_FORMS = 'postgres://user@host:5432/db (or postgresql://), sqlite:FILE, or a file path'

/** What `--db` names: PostgreSQL, a SQLite file, or nothing. Throws a usage error for any other scheme. */
export function parseDb(db: string): { kind: 'postgres'; url: URL } | { kind: 'sqlite'; file: string } {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(db)?.[1]?.toLowerCase()
  if (scheme === 'postgres' || scheme === 'postgresql') {
    let url: URL
    try {
      url = new URL(db)
    } catch {
      throw usageError(`Unexpected --db \`${db}\`: not a valid URL; expected postgres://user@host:5432/db`)
    }
    if (!url.hostname && !url.searchParams.get('host')) throw usageError(`Unexpected --db \`${db}\`: no host; expected postgres://user@host:5432/db`)
    return { kind: 'postgres', url }
  }
  if (scheme === 'sqlite') return { kind: 'sqlite', file: db.replace(/^sqlite:(\/\/)?/i, '') }
  // A one-letter "scheme" is a Windows drive (C:\…); a word followed by :// is a URL of another database.
  if (scheme && scheme.length > 1 && /^[a-z][a-z0-9+.-]*:\/\//i.test(db)) {
    throw usageError(`Unexpected --db scheme \`${scheme}:\`, expected one of: ${DB_FORMS}`)
  }
  return { kind: 'sqlite', file: db }
}

/** Where a PostgreSQL URL points, without its password. */
const server = (url: URL) => `${url.hostname || url.searchParams.get('host') || 'localhost'}:${url.port || 5432}${url.pathname}`

/** One line for a PostgreSQL connection error, by its code. */
function postgresError(error: unknown, url: URL): CommitmentsError {
  const code = (error as { code?: string }).code
  const where = server(url)
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused; start the server or fix the host and port in --db',
    ENOTFOUND: 'unknown host; fix the host in --db',
    EAI_AGAIN: 'unknown host; fix the host in --db',
    ETIMEDOUT: 'no answer; check the host in --db',
    '28P01': 'password authentication failed; fix the user and password in --db',
    '28000': 'the server refused this user; fix the user in --db or the server\'s pg_hba.conf',
    '3D000': 'no such database; create it (createdb) or fix its name in --db'
  }
  const reason = (code && reasons[code]) ?? `${(error as Error).message.split('\n')[0]}; check --db`
  return new CommitmentsError(`Cannot use PostgreSQL at ${where}: ${reason}`, EXIT.database)
}

export async function openSinks(options: SinkOptions): Promise<DocumentSink[]> {
  if (options.csv && options.out === undefined) throw usageError('Unexpected --csv with --out -: the CSV file needs an output folder')
  const sinks: DocumentSink[] = []
  const db = options.db === undefined ? (options.out === undefined ? false : path.join(options.out, 'commitments.db')) : options.db
  const target = db === false ? undefined : parseDb(db)
  if (target?.kind === 'postgres') {
    const { PostgresSink } = await import('../db/postgres.js')
    try {
      sinks.push(await PostgresSink.open(target.url.toString()))
    } catch (error) {
      throw postgresError(error, target.url)
    }
  } else if (target?.kind === 'sqlite') {
    const { SqliteSink } = await import('../db/sqlite.js')
    try {
      sinks.push(await SqliteSink.open(target.file))
    } catch (error) {
      if (options.db === undefined && options.out !== undefined && errnoCode(error)) throw outputError(error, options.out)
      const reason = (error as Error).message.split('\n')[0]
      throw new CommitmentsError(`Cannot open SQLite database ${target.file}: ${reason}; choose another --db file, or --no-db`, EXIT.database)
    }
  }
  if (options.csv && options.out !== undefined) {
    const { CsvSink } = await import('./csv.js')
    sinks.push(new CsvSink(path.join(options.out, 'commitments.csv')))
  }
  return sinks
}
