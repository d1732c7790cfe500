/**
 * Stage: page metadata (SPEC §2, HTML). Reads what a saved page says about
 * itself — `og:`/`article:`/`twitter:` meta tags, `<title>`, `<time
 * datetime>`, the canonical link — into `file.data.meta`. A fragment
 * (feed content) has none of these: its title is its first `h1`, else its
 * first line when that is a heading or a bold line, its date one written
 * near the top, as for markdown without front matter.
 */
import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import { contentScore, isBoilerplate } from '../../html/boilerplate.js'
import { textOf } from '../../text/hast.js'
import { normalizeText } from '../../text/normalize.js'
import { canBeTitle, stripSiteSuffix } from '../../text/site-title.js'
import type { Meta } from '../data.js'
import { isoDate, isoTime } from '../input/meta-values.js'
import { hasFatal } from '../guard.js'
import { emphasisHeading } from '../structure/headings.js'
import { splitParagraph } from '../structure/paragraphs.js'
import { findWrittenDate } from '../input/written-date.js'

/**
 * A fragment's date is one written in its opening lines ("…met in Bonn on
 * 19 June 2022"); further down, dates are history ("after September 11, 2001").
 */
const WRITTEN_DATE_WINDOW = 700

export default function pageMeta() {
  return (tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    file.data.meta = readPageMeta(tree)
  }
}

export function readPageMeta(tree: Root): Meta {
  const metas = new Map<string, string>()
  for (const node of selectAll('meta[content]', tree)) {
    const key = String(node.properties.property ?? node.properties.name ?? node.properties.itemProp ?? '').toLowerCase()
    const content = normalizeText(String(node.properties.content))
    if (key && content && !metas.has(key)) metas.set(key, content)
  }
  const siteName = metas.get('og:site_name')
  const titleElement = select('head title', tree) ?? select('title', tree)
  const h1 = select('body h1', tree) ?? select('h1', tree)
  const given =
    cleanPageTitle(metas.get('og:title') ?? metas.get('twitter:title') ?? metas.get('dc.title'), siteName) ??
    cleanPageTitle(titleElement ? textOf(titleElement) : undefined, siteName) ??
    (h1 ? textOf(h1) || null : null)
  const title = given ?? firstLineTitle(tree)

  const time = select('time[datetime]', tree)
  const published =
    metas.get('article:published_time') ??
    metas.get('og:published_time') ??
    metas.get('dc.date') ??
    metas.get('date') ??
    (time ? String(time.properties.dateTime) : undefined)
  const modified = metas.get('article:modified_time') ?? metas.get('og:updated_time')

  const meta: Meta = {
    title,
    date: dateOf(published) ?? dateOf(modified) ?? findWrittenDate(bodyText(tree).slice(0, WRITTEN_DATE_WINDOW)),
    tags: selectAll('meta[property="article:tag"][content]', tree).map((node) => normalizeText(String(node.properties.content)))
  }
  const publishedAt = published ? isoTime(published) : undefined
  const modifiedAt = modified ? isoTime(modified) : undefined
  if (publishedAt) meta.publishedAt = publishedAt
  if (modifiedAt) meta.modifiedAt = modifiedAt
  const canonical = select('link[rel~=canonical][href]', tree)
  const url = canonical ? String(canonical.properties.href) : metas.get('og:url')
  if (url && /^https?:\/\//i.test(url)) meta.url = url
  if (!given && title) meta.titleFromBody = true
  return meta
}

/** The calendar date as written (a local date, not shifted to UTC). */
function dateOf(value: string | undefined): string | null {
  return value ? isoDate(value) : null
}

/**
 * A page title without the site's name: `X | whitehouse.gov`,
 * `X – The White House`, `X | Prime Minister of Canada`, or a last
 * segment equal to `og:site_name`, looking like a domain or shaped like an
 * office's name (`text/site-title.ts`).
 */
export function cleanPageTitle(value: string | undefined, siteName?: string): string | null {
  if (!value) return null
  return stripSiteSuffix(value, siteName) || null
}

/** Where a page's first block may sit: wrappers read through. */
const WRAPPERS = new Set(['html', 'body', 'main', 'article', 'section', 'div', 'header', 'hgroup', 'center'])
const UNSEEN = new Set(['head', 'script', 'style', 'noscript', 'template', 'meta', 'link'])

/**
 * An untitled fragment's title (issue 12): its first block, when that is
 * a heading (`h2`–`h6`) or a wholly emphasised line (`<p><strong>Title
 * </strong></p>`, or such a first line ending in a break) that can be a
 * title — not "Preamble", not a dateline (`text/site-title.ts`). Text
 * first means no title line.
 */
export function firstLineTitle(tree: Root): string | null {
  const first = firstBlock(tree)
  if (!first) return null
  let text: string | undefined
  if (/^h[1-6]$/.test(first.tagName)) text = textOf(first) || undefined
  else if (first.tagName === 'p') {
    const line = splitParagraph(first.children)[0]
    text = line ? emphasisHeading(line) : undefined
  }
  return text && canBeTitle(text) ? text : null
}

function firstBlock(node: Root | Element): Element | undefined {
  for (const child of node.children) {
    if (child.type === 'comment' || child.type === 'doctype' || (child.type === 'text' && !child.value.trim())) continue
    if (child.type !== 'element') return undefined
    if (UNSEEN.has(child.tagName) || isBoilerplate(child)) continue
    if (!WRAPPERS.has(child.tagName)) return child
    const inner = firstBlock(child)
    if (inner || contentScore(child) > 0) return inner
  }
  return undefined
}

function bodyText(tree: Root): string {
  const body = select('body', tree) as Element | undefined
  return body ? textOf(body) : textOf(tree)
}
