/**
 * Stage: read (SPEC §2). Bytes in, a VFile out: UTF-8 decoded (a BOM
 * dropped, other encodings a fatal message at the first bad byte), the
 * content hash taken, and the format recognised from the name or sniffed.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { looksLikeRecords } from './records.js'

export type Format = 'markdown' | 'html' | 'record'

const MARKDOWN = new Set(['.md', '.markdown', '.mdown'])
const HTML = new Set(['.html', '.htm', '.xhtml'])
const RECORDS = new Set(['.jsonl', '.ndjson'])

/** Which input family a file belongs to, or undefined for one we do not read. */
export function formatOf(filePath: string, text?: string): Format | undefined {
  const ext = path.extname(filePath).toLowerCase()
  if (MARKDOWN.has(ext)) return 'markdown'
  if (HTML.has(ext)) return 'html'
  if (RECORDS.has(ext)) return 'record'
  // `.txt`, stdin and names without a known extension: sniffed (SPEC §2).
  if (text !== undefined) return sniffFormat(text)
  return ext === '.txt' ? 'markdown' : undefined
}

/** The format of text without a telling name: `<` is HTML, a JSON object per line is records. */
export function sniffFormat(text: string): Format {
  const start = text.replace(/^\ufeff/, '').trimStart()
  if (start.startsWith('---')) return 'markdown'
  if (start.startsWith('<')) return 'html'
  if (looksLikeRecords(start)) return 'record'
  return 'markdown'
}

/** A file that could not be read: empty, with one fatal message. */
export function unreadable(filePath: string, reason: string, place?: { line: number; column: number }, cwd = process.cwd()): VFile {
  const file = new VFile({ path: filePath, cwd, value: '' })
  file.data.sourcePath = filePath
  const message = file.message(reason, { place, ruleId: 'read', source: 'commitments' })
  message.fatal = true
  return file
}

/** Make a VFile from raw bytes; problems become fatal messages on it. */
export function readBytes(bytes: Uint8Array, filePath: string, cwd = process.cwd()): VFile {
  const fail = (reason: string, place?: { line: number; column: number }) => {
    const file = unreadable(filePath, reason, place, cwd)
    file.data.sha256 = createHash('sha256').update(bytes).digest('hex')
    return file
  }
  if (bytes.length === 0) return fail('Unexpected empty file, expected a release')
  const nul = bytes.subarray(0, 8192).indexOf(0)
  if (nul >= 0) return fail(`Unexpected binary content (NUL byte at offset ${nul}), expected UTF-8 text`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const bad = firstInvalidUtf8(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad))
    const point = location(before).toPoint(before.length)
    return fail(`Unexpected byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} at offset ${bad}, expected UTF-8 text`, point ?? undefined)
  }
  return readText(text, filePath, undefined, cwd, bytes)
}

/**
 * Make a VFile from text already decoded (tests, stdin, records); the hash
 * is of `bytes` when the text was read from them.
 */
export function readText(text: string, filePath?: string, format?: Format, cwd = process.cwd(), bytes?: Uint8Array): VFile {
  const value = text.replace(/^\ufeff/, '')
  const file = new VFile({ value, path: filePath, cwd })
  file.data.sha256 = createHash('sha256')
    .update(bytes ?? value)
    .digest('hex')
  if (filePath) file.data.sourcePath = filePath
  file.data.format = format ?? formatOf(filePath ?? '', value) ?? 'markdown'
  return file
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return bytes.length
}
