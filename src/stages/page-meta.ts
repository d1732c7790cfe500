/**
 * Stage: page metadata (SPEC §2, HTML). Reads what a saved page says about
 * itself — `og:`/`article:`/`twitter:` meta tags, `<title>`, `<time
 * datetime>`, the canonical link — into `file.data.meta`. A fragment
 * (feed content) has none of these: its title is its first `h1`, its date
 * one written near the top, as for markdown without front matter.
 */
import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import type { VFile } from 'vfile'
import page from '../html/page.json' with { type: 'json' }
import { textOf } from '../text/hast.js'
import { normalizeText } from '../text/normalize.js'
import type { Meta } from './data.js'
import { isoDate, isoTime } from './front-matter.js'
import { hasFatal } from './guard.js'
import { findWrittenDate } from './written-date.js'

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
  const title =
    cleanPageTitle(metas.get('og:title') ?? metas.get('twitter:title') ?? metas.get('dc.title'), siteName) ??
    cleanPageTitle(titleElement ? textOf(titleElement) : undefined, siteName) ??
    (h1 ? textOf(h1) || null : null)

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
  return meta
}

/** The calendar date as written (a local date, not shifted to UTC). */
function dateOf(value: string | undefined): string | null {
  return value ? isoDate(value) : null
}

/**
 * A page title without the site's name: `X | whitehouse.gov`,
 * `X – The White House`, or a last segment equal to `og:site_name` or
 * looking like a domain.
 */
export function cleanPageTitle(value: string | undefined, siteName?: string): string | null {
  if (!value) return null
  let title = normalizeText(value)
  const names = new Set([...page.siteNames, ...(siteName ? [siteName] : [])].map((name) => name.toLowerCase()))
  for (;;) {
    const match = /^(.+?)\s+[|–—-]\s+([^|–—]+)$/.exec(title)
    if (!match) break
    const tail = match[2]!.trim().toLowerCase()
    if (!names.has(tail) && !/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(gov|mil|org|com|int|eu|uk|in|net)$/.test(tail)) break
    title = match[1]!.trim()
  }
  return title || null
}

function bodyText(tree: Root): string {
  const body = select('body', tree) as Element | undefined
  return body ? textOf(body) : textOf(tree)
}
