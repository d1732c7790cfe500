/**
 * A Document as table rows, and back. Both database sinks write these rows
 * and the tests read them back into Documents, which must equal the JSONL.
 */
import { createHash } from 'node:crypto'
import type { Commitment, Document, Position } from '../schema/document.js'
import type { CommitmentRef, Revision } from '../versions/revision.js'
import type { TimelineEntry } from '../versions/timeline-types.js'

export type Row = Record<string, string | number | null>

export interface DocumentRows {
  documents: Row[]
  sections: Row[]
  commitments: Row[]
  entities: Row[]
  dates: Row[]
  amounts: Row[]
  links: Row[]
}

/** The tables in the order rows are inserted (parents first). */
export const TABLES = ['documents', 'sections', 'commitments', 'entities', 'dates', 'amounts', 'links'] as const

const position = (p: Position): Row => ({
  start_line: p.start.line,
  start_column: p.start.column,
  start_offset: p.start.offset,
  end_line: p.end.line,
  end_column: p.end.column,
  end_offset: p.end.offset
})

/** What decides whether a stored Document must be replaced: its whole content (its JSON, when the caller has it). */
export const documentHash = (document: Document, json = JSON.stringify(document)) => createHash('sha256').update(json).digest('hex')

export function toRows(document: Document, json?: string): DocumentRows {
  const rows: DocumentRows = { documents: [], sections: [], commitments: [], entities: [], dates: [], amounts: [], links: [] }
  rows.documents.push({
    id: document.id,
    schema_version: document.schemaVersion,
    title: document.title,
    date: document.date,
    published_at: document.publishedAt ?? null,
    modified_at: document.modifiedAt ?? null,
    kind: document.kind ?? null,
    source_path: document.source.path ?? null,
    source_url: document.source.url ?? null,
    source_format: document.source.format,
    source_sha256: document.source.sha256,
    record_line: document.source.record?.line ?? null,
    record_field: document.source.record?.field ?? null,
    tags: JSON.stringify(document.tags),
    abbreviations: JSON.stringify(document.abbreviations),
    warnings: JSON.stringify(document.warnings),
    commitment_count: document.commitments.length,
    document_hash: documentHash(document, json)
  })
  for (const s of document.sections) rows.sections.push({ document_id: document.id, idx: s.index, heading: s.heading, level: s.level, ...position(s.position) })
  for (const c of document.commitments) {
    rows.commitments.push({
      id: c.id,
      document_id: document.id,
      idx: c.index,
      unit: c.unit,
      section_index: c.sectionIndex,
      section: c.section,
      parent_id: c.parentId ?? null,
      context: c.context ?? null,
      label: c.label ?? null,
      text: c.text,
      actor: c.actor?.text ?? null,
      actor_start: c.actor?.start ?? null,
      actor_end: c.actor?.end ?? null,
      actor_canonical: c.actor?.canonical ?? null,
      verb: c.action.verb,
      phrase: c.action.phrase,
      class: c.action.class,
      modality: c.action.modality,
      action_rule: c.action.rule,
      action_entry: c.action.lexicon?.entry ?? null,
      action_entry_source: c.action.lexicon?.source ?? null,
      topics: JSON.stringify(c.topics),
      ...position(c.position)
    })
    c.entities.forEach((e, ordinal) =>
      rows.entities.push({ commitment_id: c.id, ordinal, text: e.text, type: e.type, start_offset: e.start, end_offset: e.end, canonical: e.canonical ?? null, rule: e.rule, entry: e.lexicon?.entry ?? null, entry_source: e.lexicon?.source ?? null })
    )
    c.dates.forEach((d, ordinal) =>
      rows.dates.push({ commitment_id: c.id, ordinal, text: d.text, value: d.value, start_offset: d.start, end_offset: d.end, date_from: d.from ?? null, date_to: d.to ?? null, mod: d.mod ?? null, rule: d.rule })
    )
    c.amounts.forEach((a, ordinal) =>
      rows.amounts.push({ commitment_id: c.id, ordinal, text: a.text, value: a.value, unit: a.unit, max: a.max ?? null, mod: a.mod ?? null, start_offset: a.start, end_offset: a.end, rule: a.rule })
    )
    c.links.forEach((l, ordinal) => rows.links.push({ commitment_id: c.id, ordinal, text: l.text, url: l.url }))
  }
  return rows
}

/** A JSON column: text in SQLite, already parsed by node-postgres from jsonb. */
export const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value)
const toPosition = (r: Row): Position => ({
  start: { line: Number(r.start_line), column: Number(r.start_column), offset: Number(r.start_offset) },
  end: { line: Number(r.end_line), column: Number(r.end_column), offset: Number(r.end_offset) }
})
/** The lexicon entry of an action or entity, from its two columns, when it has one. */
function withEntry<T extends object>(target: T, entry: unknown, source: unknown): T {
  return entry === null || entry === undefined ? target : { ...target, lexicon: { entry: String(entry), source: source as 'bundled' | 'config' } }
}

/** Copy `value` to `key` only when the column is not null (optional fields). */
function optional<T extends object>(target: T, key: string, value: unknown): T {
  if (value !== null && value !== undefined) (target as Record<string, unknown>)[key] = value
  return target
}

/** A Document again from its rows (rows of one document, children ordered by idx/ordinal). */
export function fromRows(rows: DocumentRows): Document {
  const d = rows.documents[0]!
  const source = { format: d.source_format, sha256: d.source_sha256 } as Document['source']
  optional(source, 'path', d.source_path)
  optional(source, 'url', d.source_url)
  if (d.record_line !== null) source.record = { line: Number(d.record_line), field: d.record_field as 'html' }
  const byCommitment = (table: Row[]) => {
    const map = new Map<string, Row[]>()
    for (const r of table) map.set(String(r.commitment_id), [...(map.get(String(r.commitment_id)) ?? []), r])
    return map
  }
  const [entities, dates, amounts, links] = [rows.entities, rows.dates, rows.amounts, rows.links].map(byCommitment) as [Map<string, Row[]>, Map<string, Row[]>, Map<string, Row[]>, Map<string, Row[]>]
  const document: Document = {
    schemaVersion: d.schema_version as Document['schemaVersion'],
    id: String(d.id),
    source,
    title: d.title as string | null,
    date: d.date as string | null,
    tags: json(d.tags),
    abbreviations: json(d.abbreviations),
    sections: rows.sections.map((s) => ({ index: Number(s.idx), heading: String(s.heading), level: Number(s.level), position: toPosition(s) })),
    commitments: rows.commitments.map((c) => {
      const id = String(c.id)
      const commitment: Commitment = {
        id,
        index: Number(c.idx),
        unit: c.unit as Commitment['unit'],
        sectionIndex: Number(c.section_index),
        section: c.section as string | null,
        text: String(c.text),
        actor: c.actor === null ? null : optional({ text: String(c.actor), start: Number(c.actor_start), end: Number(c.actor_end) }, 'canonical', c.actor_canonical),
        action: withEntry(
          { verb: c.verb as string | null, phrase: c.phrase as string | null, class: c.class as Commitment['action']['class'], modality: c.modality as Commitment['action']['modality'], rule: String(c.action_rule ?? '') },
          c.action_entry,
          c.action_entry_source
        ),
        entities: (entities.get(id) ?? []).map((e) =>
          withEntry({
            ...optional({ text: String(e.text), type: e.type as Commitment['entities'][number]['type'], start: Number(e.start_offset), end: Number(e.end_offset) }, 'canonical', e.canonical),
            rule: String(e.rule ?? '')
          }, e.entry, e.entry_source)
        ),
        dates: (dates.get(id) ?? []).map((x) => {
          const mention = { text: String(x.text), value: String(x.value), start: Number(x.start_offset), end: Number(x.end_offset) }
          return { ...optional(optional(optional(mention, 'from', x.date_from), 'to', x.date_to), 'mod', x.mod), rule: String(x.rule ?? '') }
        }),
        amounts: (amounts.get(id) ?? []).map((a) => {
          const amount = { text: String(a.text), value: Number(a.value), unit: String(a.unit), start: Number(a.start_offset), end: Number(a.end_offset) }
          return { ...(optional(optional(amount, 'max', a.max === null ? null : Number(a.max)), 'mod', a.mod) as Omit<Commitment['amounts'][number], 'rule'>), rule: String(a.rule ?? '') }
        }),
        links: (links.get(id) ?? []).map((l) => ({ text: String(l.text), url: String(l.url) })),
        topics: json(c.topics),
        position: toPosition(c)
      }
      optional(commitment, 'parentId', c.parent_id)
      optional(commitment, 'context', c.context)
      optional(commitment, 'label', c.label)
      return commitment
    }),
    warnings: json(d.warnings)
  }
  optional(document, 'kind', d.kind)
  optional(document, 'publishedAt', d.published_at)
  optional(document, 'modifiedAt', d.modified_at)
  return document
}

const value = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v))
const refText = (c: CommitmentRef) => (c.label ? `${c.label} ${c.text}` : c.text)

/** A revision as `revisions` rows: one per metadata field, added or removed commitment, and changed field. */
export function revisionRows(r: Revision): Row[] {
  const base = { document_id: r.id, from_version: r.from.version ?? null, to_version: r.to.version ?? null }
  const rows: Row[] = []
  const push = (row: Omit<Row, 'ordinal'>) => rows.push({ ...base, ordinal: rows.length, commitment_id: null, old_commitment_id: null, field: null, old_value: null, new_value: null, ...row })
  for (const m of r.metadata) push({ change: 'metadata', field: m.field, old_value: value(m.old), new_value: value(m.new) })
  for (const c of r.added) push({ change: 'added', commitment_id: c.id, new_value: refText(c) })
  for (const c of r.removed) push({ change: 'removed', old_commitment_id: c.id, old_value: refText(c) })
  for (const c of r.changed) for (const f of c.fields) push({ change: 'changed', commitment_id: c.new.id, old_commitment_id: c.old.id, field: f.field, old_value: value(f.old), new_value: value(f.new) })
  return rows
}

/** A timeline's event as its `timelines` row (made as the events are read: an archive's timelines hold hundreds of thousands). */
export const timelineRow = ({ timeline: t, ordinal, event: e }: TimelineEntry): Row => ({
  key: t.key,
  ordinal,
  name: t.name,
  type: t.type,
  date: e.date,
  document_id: e.document,
  commitment_id: e.commitment,
  class: e.class,
  modality: e.modality,
  text: e.text
})
