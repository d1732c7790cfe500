/**
 * Stage: front matter (SPEC §2). Reads the YAML block of the scraped
 * markdown family into `file.data.meta`; without one, the title comes from
 * the first heading and the date from a date written near the top.
 * Malformed YAML is a fatal message at its line and column.
 */
import type { Heading, Root, Yaml } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { parseDocument } from 'yaml'
import { normalizeText } from '../text/normalize.js'
import type { Meta } from './data.js'
import { hasFatal } from './guard.js'
import { findWrittenDate } from './written-date.js'

export default function frontMatter() {
  return (tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml')
    if (yamlNode) {
      const data = readYaml(yamlNode, file)
      if (data === undefined) return
      file.data.meta = metaFrom(data)
      return
    }
    const heading = tree.children.find((node): node is Heading => node.type === 'heading')
    const title = heading ? normalizeText(toString(heading)) || null : null
    file.data.meta = { title, date: findWrittenDate(String(file.value).slice(0, 3000)), tags: [] }
  }
}

function readYaml(node: Yaml, file: VFile): Record<string, unknown> | undefined {
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: false })
  const error = doc.errors[0]
  if (error) {
    // The YAML starts on the line after the opening `---`.
    const point = location(node.value).toPoint(Math.min(error.pos[0], node.value.length)) ?? { line: 1, column: 1 }
    const line = (node.position?.start.line ?? 1) + point.line
    const column = point.column
    const message = file.message(`Unexpected malformed front matter: ${error.message.split('\n')[0]}`, {
      place: { line, column },
      ruleId: 'front-matter',
      source: 'commitments'
    })
    message.fatal = true
    return undefined
  }
  let value: unknown
  try {
    value = doc.toJS()
  } catch (error) {
    // An alias bomb (`&a [*b, *b …]` nested): yaml refuses to expand it past its alias count.
    const message = file.message(`Unexpected front matter the YAML reader refused: ${(error as Error).message.split('\n')[0]}`, {
      place: node.position,
      ruleId: 'front-matter',
      source: 'commitments'
    })
    message.fatal = true
    return undefined
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    const message = file.message('Unexpected front matter, expected a YAML mapping of keys to values', {
      place: node.position,
      ruleId: 'front-matter',
      source: 'commitments'
    })
    message.fatal = true
    return undefined
  }
  return value as Record<string, unknown>
}

/** Front matter keys (SPEC §2): title, date, published_time, modified_time, source_url, tags. */
export function metaFrom(data: Record<string, unknown>): Meta {
  const meta: Meta = { title: cleanTitle(data.title), date: isoDate(data.date) ?? isoDate(data.published_time), tags: tagsOf(data.tags) }
  const published = isoTime(data.published_time)
  const modified = isoTime(data.modified_time)
  if (published) meta.publishedAt = published
  if (modified) meta.modifiedAt = modified
  const url = typeof data.source_url === 'string' ? data.source_url.trim() : typeof data.url === 'string' ? data.url.trim() : ''
  if (url) meta.url = url
  return meta
}

/** Titles lose escapes and NBSP (`United\_States` is YAML for a NBSP). */
export function cleanTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = normalizeText(value.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'))
  return text || null
}

export function isoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10)
  if (typeof value !== 'string') return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim())
  if (!match) return null
  const [, y, m, d] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCMonth() === Number(m) - 1 ? `${y}-${m}-${d}` : null
}

/** `2025-01-06 11:09:09-05:00` → `2025-01-06T11:09:09-05:00`. */
export function isoTime(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  if (typeof value !== 'string') return undefined
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim())
  if (!match) return isoDate(value) ?? undefined
  const offset = match[3] ? (match[3] === 'Z' ? 'Z' : match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : ''
  return `${match[1]}T${match[2]}${offset}`
}

function tagsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((t) => t.trim()).filter(Boolean)
  if (Array.isArray(value)) return value.filter((t): t is string | number => typeof t === 'string' || typeof t === 'number').map(String)
  return []
}
