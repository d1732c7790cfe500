/**
 * What the timelines read of the Documents a database holds, from their
 * rows, a page of Documents at a time (in id order): both databases run
 * the same three queries, the page's Documents, then their commitments and
 * entities over the page's range of ids.
 */
import type { ActionClass, Modality } from '../schema/document.js'
import { timelineEntriesOf } from '../versions/timeline-sources.js'
import type { TimelineEntry } from '../versions/timeline-types.js'
import type { TimelineSource } from '../versions/timelines.js'
import { json, type Row } from './rows.js'

/** Documents per page: three queries each, a few hundred kilobytes of rows. */
const PAGE = 500

/** The queries in either dialect: PostgreSQL numbers its parameters and returns a `date` as a Date unless told. */
type Dialect = 'sqlite' | 'postgres'

function sourceQueries(dialect: Dialect) {
  const parameter = (n: number) => (dialect === 'postgres' ? `$${n}` : '?')
  const range = `BETWEEN ${parameter(1)} AND ${parameter(2)}`
  const date = dialect === 'postgres' ? "to_char(date, 'YYYY-MM-DD') AS date" : 'date'
  const after = `WHERE id > ${parameter(1)} ORDER BY id LIMIT ${PAGE}`
  return {
    /** The next page's ids, after the last page's last. */
    ids: `SELECT id FROM documents ${after}`,
    documents: `SELECT id, title, ${date}, abbreviations FROM documents ${after}`,
    commitments: `SELECT id, document_id, idx, text, label, class, modality FROM commitments WHERE document_id ${range} ORDER BY document_id, idx`,
    // Every type: a name typed as a country more often than not makes no key (timelines.ts).
    entities: `SELECT e.commitment_id, e.text, e.type, e.canonical FROM entities e JOIN commitments c ON c.id = e.commitment_id WHERE c.document_id ${range} ORDER BY c.document_id, c.idx, e.ordinal`
  }
}

const text = (value: unknown) => (value === null || value === undefined ? null : String(value))

/** One page's sources, from its three queries' rows. */
function sourcesOf(documents: Row[], commitments: Row[], entities: Row[]): TimelineSource[] {
  const byCommitment = new Map<string, TimelineSource['commitments'][number]['entities']>()
  for (const e of entities) {
    const list = byCommitment.get(String(e.commitment_id)) ?? []
    list.push(e.canonical === null ? { text: String(e.text), type: e.type as 'initiative' } : { text: String(e.text), type: e.type as 'initiative', canonical: String(e.canonical) })
    byCommitment.set(String(e.commitment_id), list)
  }
  const byDocument = new Map<string, TimelineSource['commitments']>()
  for (const c of commitments) {
    const list = byDocument.get(String(c.document_id)) ?? []
    const id = String(c.id)
    list.push({
      id,
      index: Number(c.idx),
      text: String(c.text),
      label: c.label === null ? undefined : String(c.label),
      action: { class: c.class as ActionClass, modality: c.modality as Modality },
      entities: byCommitment.get(id) ?? []
    })
    byDocument.set(String(c.document_id), list)
  }
  return documents.map((d) => ({ id: String(d.id), title: text(d.title), date: text(d.date), abbreviations: json(d.abbreviations), commitments: byDocument.get(String(d.id)) ?? [] }))
}

/** A database's query, either dialect: rows of `sql` with its parameters. */
export type Query = (sql: string, parameters: unknown[]) => Promise<Row[]> | Row[]

/** Rows of `sql` (one of the page queries), a page at a time. */
async function* pages(query: Query, sql: string): AsyncGenerator<Row[]> {
  for (let after = ''; ; ) {
    const rows = await query(sql, [after])
    if (rows.length === 0) return
    yield rows
    after = String(rows[rows.length - 1]!.id)
  }
}

/** Whether the database holds a Document that `listed` (the run's folder) lacks: another shard's, another folder's. */
async function holdsOthers(query: Query, dialect: Dialect, listed: (id: string) => boolean): Promise<boolean> {
  for await (const rows of pages(query, sourceQueries(dialect).ids)) if (!rows.every((r) => listed(String(r.id)))) return true
  return false
}

/** Every stored Document's timeline source, in id order. */
async function* storedSources(query: Query, dialect: Dialect): AsyncGenerator<TimelineSource> {
  const queries = sourceQueries(dialect)
  for await (const documents of pages(query, queries.documents)) {
    const range = [documents[0]!.id, documents[documents.length - 1]!.id]
    yield* sourcesOf(documents, await query(queries.commitments, range), await query(queries.entities, range))
  }
}

/**
 * The entries a database's `timelines` get, read inside the transaction
 * that replaces them: the folder's (`entries`), or, when the database holds
 * Documents the folder does not list, those of every Document it holds.
 */
export async function timelineEntriesFor(
  query: Query,
  dialect: Dialect,
  entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>,
  others?: { listed: (id: string) => boolean; spill?: string }
): Promise<AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>> {
  if (!others || !(await holdsOthers(query, dialect, others.listed))) return entries
  return timelineEntriesOf(() => storedSources(query, dialect), others.spill)
}
