/**
 * Metadata values as front matter and records write them (SPEC §2):
 * titles, dates, times and tags, made clean and ISO. Shared by the
 * front-matter stage, the page head and the records of an archive.
 */
import { stripSiteSuffix } from '../../text/site-title.js'
import type { Meta } from '../data.js'

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
