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
  const utf16 = utf16Of(bytes)
  if (utf16) return fail(`Unexpected UTF-16 text (${utf16}), expected UTF-8: convert the file (for example \`iconv -f UTF-16 -t UTF-8\`)`)
  const nul = bytes.subarray(0, 8192).indexOf(0)
  if (nul >= 0) return fail(`Unexpected binary content (NUL byte at offset ${nul}), expected UTF-8 text`)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const bad = firstInvalidUtf8(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad.offset))
    const point = location(before).toPoint(before.length)
    return fail(`Unexpected ${bad.what} at offset ${bad.offset}, expected UTF-8 text`, point ?? undefined)
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

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`

/**
 * Where UTF-8 first breaks, and how, by the table of well-formed sequences
 * (Unicode §3.9, table 3-7): the second byte's range depends on the lead,
 * which is what rules out overlong forms, surrogates and code points above
 * U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; what: string } {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) {
      const why = b < 0xc0 ? 'a continuation byte with no lead byte' : b < 0xc2 ? 'the lead of an overlong form' : 'never used in UTF-8'
      return { offset: i, what: `byte ${hex(b)} (${why})` }
    }
    const [low, high, why] =
      b === 0xe0 ? [0xa0, 0xbf, 'an overlong form'] :
      b === 0xed ? [0x80, 0x9f, 'an encoded UTF-16 surrogate, which UTF-8 does not allow'] :
      b === 0xf0 ? [0x90, 0xbf, 'an overlong form'] :
      b === 0xf4 ? [0x80, 0x8f, 'a code point above U+10FFFF'] :
      [0x80, 0xbf, '']
    const second = bytes[i + 1]
    if (second !== undefined && why && (second < low || second > high)) return { offset: i, what: `byte ${hex(second)} after ${hex(b)} (${why})` }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) {
        const cut = c === undefined ? 'the file ends' : `${hex(c)} is not a continuation byte`
        return { offset: i, what: `byte ${hex(b)} (a ${need + 1}-byte sequence cut short: ${cut})` }
      }
    }
    i += need + 1
  }
  return { offset: bytes.length, what: 'end of file' }
}

/**
 * UTF-16 text, told by its byte order mark or, without one, by the NUL
 * bytes that ASCII characters leave in every other position.
 */
function utf16Of(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, byte order mark'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, byte order mark'
  const sample = bytes.subarray(0, 8192 & ~1)
  if (sample.length < 4) return undefined
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) even++
    if (sample[i + 1] === 0) odd++
  }
  const pairs = sample.length / 2
  // Mostly-ASCII UTF-16: nearly every pair has its NUL on the same side, none on the other.
  if (odd >= 0.6 * pairs && even <= 0.05 * pairs) return 'little-endian'
  if (even >= 0.6 * pairs && odd <= 0.05 * pairs) return 'big-endian'
  return undefined
}
