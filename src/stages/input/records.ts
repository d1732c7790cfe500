/**
 * Stage: records (SPEC §2). A `.jsonl`/`.ndjson` archive holds one release
 * per line: an object with `html`, `markdown` or `text`, and any of `url`,
 * `title`, `date`. Each line becomes a VFile of its own, so one bad record
 * fails alone and the rest of the archive goes on.
 */
import { createHash } from 'node:crypto'
import { VFile } from 'vfile'
import { jsonErrorOffset } from '../../text/json-error.js'
import type { RecordField, RecordMeta } from '../data.js'
import { cleanTitle, isoDate, isoTime } from './meta-values.js'

const FIELDS: RecordField[] = ['html', 'markdown', 'text']

/** Whether text looks like records: its first line is a JSON object. */
export function looksLikeRecords(text: string): boolean {
  const first = text.trimStart().split('\n', 1)[0]?.trim() ?? ''
  if (!first.startsWith('{') || !first.endsWith('}')) return false
  try {
    const value = JSON.parse(first) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

/**
 * One VFile per non-blank line. A record's path is the archive's path with
 * `#L<line>`, so messages name the record; its positions are in the
 * record's content field.
 */
export function splitRecords(archive: VFile): VFile[] {
  const text = String(archive.value)
  const base = archive.path || 'stdin'
  const files: VFile[] = []
  text.split('\n').forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    const file = new VFile({ path: `${base}#L${line}`, cwd: archive.cwd, value: '' })
    file.data.sourcePath = archive.data.sourcePath ?? base
    file.data.format = 'record'
    file.data.sha256 = createHash('sha256').update(raw).digest('hex')
    const fail = (reason: string, column = 1) => {
      const message = file.message(reason, { place: { line, column }, ruleId: 'record', source: 'commitments' })
      message.fatal = true
      files.push(file)
    }
    let value: unknown
    try {
      value = JSON.parse(raw)
    } catch (error) {
      // Node's reason, without the line it quotes back or a position we give as a column.
      const reason = (error as Error).message.replace(/, ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '')
      return fail(`Unexpected malformed JSON in record: ${reason}`, Math.max(0, jsonErrorOffset(raw)) + 1)
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail('Unexpected record, expected a JSON object with `html`, `markdown` or `text`')
    }
    const record = value as Record<string, unknown>
    const field = FIELDS.find((key) => typeof record[key] === 'string' && (record[key] as string).trim() !== '')
    if (!field) return fail('Unexpected record without content, expected a non-empty `html`, `markdown` or `text` field')
    file.value = (record[field] as string).replace(/^\ufeff/, '')
    file.data.record = { line, field, meta: recordMeta(record) }
    // A date that is there but no calendar day (`2025-13-45`) is dropped, and said so.
    const written = record.date ?? record.published_time
    if (typeof written === 'string' && written.trim() !== '' && file.data.record.meta.date === undefined) {
      file.message(`Unexpected record date \`${written.slice(0, 40)}\`, expected a calendar day YYYY-MM-DD: the release is read without it`, { place: { line, column: 1 }, ruleId: 'record-date', source: 'commitments' })
    }
    files.push(file)
  })
  return files
}

function recordMeta(record: Record<string, unknown>): RecordMeta {
  const meta: RecordMeta = {}
  const title = cleanTitle(record.title)
  if (title) meta.title = title
  const date = isoDate(record.date) ?? isoDate(record.published_time)
  if (date) meta.date = date
  const published = isoTime(record.published_time) ?? (typeof record.date === 'string' && record.date.includes('T') ? isoTime(record.date) : undefined)
  if (published) meta.publishedAt = published
  const url = typeof record.url === 'string' ? record.url.trim() : typeof record.source_url === 'string' ? record.source_url.trim() : ''
  if (url) meta.url = url
  if (Array.isArray(record.tags)) meta.tags = record.tags.filter((tag): tag is string => typeof tag === 'string')
  return meta
}
