/**
 * Stage: assemble (SPEC §9). Builds the Document: stable ids, order,
 * parent links, metadata and the warnings gathered so far.
 */
import { createHash } from 'node:crypto'
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import type { Commitment, Document, Position, Warning } from '../../schema/document.js'
import { SCHEMA_VERSION } from '../../schema/version.js'
import { replaceUnsafe, unsafeWarning } from '../../text/unsafe.js'
import type { Meta } from '../data.js'
import { hasFatal } from '../guard.js'
import { kindOf, kindOfOpening } from '../structure/kind.js'

/**
 * Longer entity mentions are not kept: no name runs to 300 characters, and
 * PostgreSQL's (type, text) index takes at most about 2.7 KB a row.
 */
export const MAX_ENTITY_CHARACTERS = 300

/** The metadata's strings, with what no database can store replaced (the text was cleaned when read). */
function safeMeta(meta: Meta, file: VFile): Meta {
  let count = 0
  const clean = (value: string) => {
    const replaced = replaceUnsafe(value)
    count += replaced.count
    return replaced.text
  }
  const safe: Meta = { ...meta, title: meta.title === null ? null : clean(meta.title), tags: meta.tags.map(clean) }
  if (meta.url !== undefined) safe.url = clean(meta.url)
  if (count > 0) file.message(unsafeWarning(count, 'the title, URL or tags'), { ruleId: 'unsafe-character', source: 'commitments' })
  return safe
}

const sha = (value: string) => createHash('sha256').update(value).digest('hex')

/** Stable document id: from the source URL when known, else the content hash. */
export function documentId(url: string | undefined, sha256: string): string {
  if (url) {
    const normalised = url.trim().replace(/^http:/, 'https:').replace(/\/+$/, '').replace(/[?#].*$/, '')
    // The first 8 bytes as hex, made on their own: a slice of the whole hex would keep all 64 characters alive for as long as the id (a run holds every id).
    return createHash('sha256').update(normalised).digest().toString('hex', 0, 8)
  }
  return sha256.slice(0, 16)
}

/** Text as the id sees it: case and punctuation do not change an id. */
const idText = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

export function warningsOf(file: VFile): Warning[] {
  return file.messages.map((message) => {
    const warning: Warning = { message: message.reason, ruleId: message.ruleId ?? 'commitments' }
    const place = message.place
    if (place && 'start' in place && place.start.offset !== undefined && place.end.offset !== undefined) {
      warning.position = {
        start: { line: place.start.line, column: place.start.column, offset: place.start.offset },
        end: { line: place.end.line, column: place.end.column, offset: place.end.offset }
      } satisfies Position
    }
    return warning
  })
}

/** The first paragraphs of an untitled release, where it may say what follows. */
const OPENING_PARAGRAPHS = 3
function opening(file: VFile): string {
  const paragraphs = (file.data.blocks ?? []).filter((block) => block.kind === 'paragraph').slice(0, OPENING_PARAGRAPHS)
  return paragraphs.map((block) => block.text).join(' ')
}

export default function assemble() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const meta = safeMeta(file.data.meta ?? { title: null, date: null, tags: [] }, file)
    const id = documentId(meta.url, file.data.sha256 ?? sha(String(file.value)))
    const ids = new Map<number, string>()
    const seen = new Map<string, number>()
    const commitments: Commitment[] = (file.data.classified ?? []).map((item, index) => {
      let cid = sha(`${id}\n${idText(item.section ?? '')}\n${idText(item.text)}`).slice(0, 16)
      // The same text twice in one section: number the repeats, in order.
      const repeat = seen.get(cid) ?? 0
      seen.set(cid, repeat + 1)
      if (repeat > 0) cid = `${cid}-${repeat + 1}`
      ids.set(item.key, cid)
      const commitment: Commitment = {
        id: cid,
        index,
        unit: item.unit,
        sectionIndex: item.sectionIndex,
        section: item.section,
        text: item.text,
        actor: item.actor,
        action: item.action,
        entities: (item.entities ?? []).filter((entity) => {
          if (entity.text.length <= MAX_ENTITY_CHARACTERS) return true
          file.message(`Unexpected entity of ${entity.text.length} characters, expected at most ${MAX_ENTITY_CHARACTERS}: not kept`, { place: item.position, ruleId: 'long-entity', source: 'commitments' })
          return false
        }),
        dates: item.dates ?? [],
        amounts: item.amounts ?? [],
        links: item.links,
        topics: item.topics,
        position: item.position
      }
      const parent = item.parentKey === undefined ? undefined : ids.get(item.parentKey)
      if (parent) commitment.parentId = parent
      if (item.context) commitment.context = item.context
      if (item.label) commitment.label = item.label
      return commitment
    })
    const source: Document['source'] = { format: file.data.format ?? 'markdown', sha256: file.data.sha256 ?? sha(String(file.value)) }
    if (file.data.sourcePath) source.path = file.data.sourcePath
    if (meta.url) source.url = meta.url
    if (file.data.record) source.record = { line: file.data.record.line, field: file.data.record.field }
    const document: Document = {
      schemaVersion: SCHEMA_VERSION,
      id,
      source,
      title: meta.title,
      date: meta.date,
      kind: kindOf(meta.title) === 'other' && !meta.title ? kindOfOpening(opening(file)) : kindOf(meta.title),
      tags: meta.tags,
      abbreviations: file.data.abbreviations ?? [],
      sections: file.data.sections ?? [],
      commitments,
      warnings: warningsOf(file)
    }
    if (meta.publishedAt) document.publishedAt = meta.publishedAt
    if (meta.modifiedAt) document.modifiedAt = meta.modifiedAt
    file.data.document = document
  }
}
