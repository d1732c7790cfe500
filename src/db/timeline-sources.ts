/**
 * What the timelines read of the Documents a database holds, from their
 * rows, a page of Documents at a time (in id order): both databases run
 * the same three queries, over a range of ids.
 */
import type { ActionClass, Modality } from '../schema/document.js'
import type { TimelineSource } from '../versions/timelines.js'
import type { Row } from './rows.js'

/** Documents per page: three queries each, a few hundred kilobytes of rows. */
export const PAGE = 500

/** The queries in either dialect: PostgreSQL numbers its parameters and returns a `date` as a Date unless told. */
export function sourceQueries(dialect: 'sqlite' | 'postgres') {
  const parameter = (n: number) => (dialect === 'postgres' ? `$${n}` : '?')
  const range = `BETWEEN ${parameter(1)} AND ${parameter(2)}`
  const date = dialect === 'postgres' ? "to_char(date, 'YYYY-MM-DD') AS date" : 'date'
  return {
    /** Ids after the last page's last: the next page's range. */
    page: `SELECT id FROM documents WHERE id > ${parameter(1)} ORDER BY id LIMIT ${PAGE}`,
    documents: `SELECT id, title, ${date}, abbreviations FROM documents WHERE id ${range} ORDER BY id`,
    commitments: `SELECT id, document_id, idx, text, label, class, modality FROM commitments WHERE document_id ${range} ORDER BY document_id, idx`,
    // Every type: a name typed as a country more often than not makes no key (timelines.ts).
    entities: `SELECT e.commitment_id, e.text, e.type, e.canonical FROM entities e JOIN commitments c ON c.id = e.commitment_id WHERE c.document_id ${range} ORDER BY c.document_id, c.idx, e.ordinal`
  }
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
const text = (value: unknown) => (value === null || value === undefined ? null : String(value))

/** One page's sources, from its three queries' rows. */
export function sourcesOf(documents: Row[], commitments: Row[], entities: Row[]): TimelineSource[] {
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

/** The ids of every stored Document, a page at a time. */
async function* idPages(query: Query, queries: ReturnType<typeof sourceQueries>): AsyncGenerator<string[]> {
  for (let after = ''; ; ) {
    const ids = (await query(queries.page, [after])).map((r) => String(r.id))
    if (ids.length === 0) return
    yield ids
    after = ids[ids.length - 1]!
  }
}

/** Whether the database holds a Document that `listed` (the run's folder) lacks: another shard's, another folder's. */
export async function holdsOthers(query: Query, dialect: 'sqlite' | 'postgres', listed: (id: string) => boolean): Promise<boolean> {
  for await (const ids of idPages(query, sourceQueries(dialect))) if (!ids.every(listed)) return true
  return false
}

/** Every stored Document's timeline source, in id order. */
export async function* storedSources(query: Query, dialect: 'sqlite' | 'postgres'): AsyncGenerator<TimelineSource> {
  const queries = sourceQueries(dialect)
  for await (const ids of idPages(query, queries)) {
    const range = [ids[0], ids[ids.length - 1]]
    yield* sourcesOf(await query(queries.documents, range), await query(queries.commitments, range), await query(queries.entities, range))
  }
}
