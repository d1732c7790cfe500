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
import { canBeTitle, stripSiteSuffix } from '../text/site-title.js'
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
    if (unclosedFrontMatter(file)) return
    const heading = tree.children.find((node): node is Heading => node.type === 'heading')
    const title = heading ? normalizeText(toString(heading)) || null : boldFirstLine(tree)
    file.data.meta = { title, date: findWrittenDate(String(file.value).slice(0, 3000)), tags: [] }
    if (!heading && title) file.data.meta.titleFromBody = true
  }
}

/** Without a heading, a release that opens with a bold line (`**Title**`) takes it as its title (issue 12). */
function boldFirstLine(tree: Root): string | null {
  const first = tree.children[0]
  if (first?.type !== 'paragraph') return null
  const inline = first.children.filter((node) => !(node.type === 'text' && node.value.trim() === ''))
  const lineEnd = inline.findIndex((node) => node.type === 'break')
  const line = lineEnd < 0 ? inline : inline.slice(0, lineEnd)
  if (line.length === 0 || !line.every((node) => node.type === 'strong')) return null
  const text = normalizeText(line.map((node) => toString(node)).join(''))
  return text && canBeTitle(text) && !/[.!?]$/.test(text) ? text : null
}

/** `---` then `key: value` lines: a front matter was meant. */
const OPENED = /^---[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[\w-]+[ \t]*:(?:\s|$)/

/**
 * A front matter that never closes is read by remark as a rule and a
 * paragraph, and the release loses its metadata (and, in some shapes, its
 * body) silently: refuse it, pointing at the opening line.
 */
function unclosedFrontMatter(file: VFile): boolean {
  if (!OPENED.test(String(file.value))) return false
  const message = file.message('Unexpected front matter without a closing `---`, expected `---` on a line of its own after the YAML', {
    place: { line: 1, column: 1 },
    ruleId: 'front-matter',
    source: 'commitments'
  })
  message.fatal = true
  return true
}

/**
 * A release that opens with a rule (`---`) and has no front matter: write
 * the rule as `***` (same meaning, same length, so every position holds),
 * since remark-frontmatter reads an unclosed `---` as the start of a
 * front matter and turns what follows into one paragraph.
 */
export function openingRule(text: string): string {
  if (!/^---[ \t]*\r?\n/.test(text) || OPENED.test(text) || /\n---[ \t]*(?:\r?\n|$)/.test(text)) return text
  return `***${text.slice(3)}`
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

/** Titles lose escapes, NBSP (`United\_States` is YAML for a NBSP) and a site suffix (`… | GOV.UK`). */
export function cleanTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = stripSiteSuffix(value.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1'))
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
