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
import { normalizeText } from '../../text/normalize.js'
import { canBeTitle } from '../../text/site-title.js'
import { metaFrom } from '../input/meta-values.js'
import { hasFatal } from '../guard.js'
import { findWrittenDate } from '../input/written-date.js'

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
