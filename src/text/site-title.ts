/**
 * Titles without their site (issue 12): a page title keeps no publisher
 * suffix — "… | Prime Minister of Canada", "… - GOV.UK", "… – The White
 * House". The publishers and the shape of an office name are data
 * (`publishers.json`); `og:site_name` counts as a listed name.
 */
import publishers from './publishers.json' with { type: 'json' }
import { normalizeText } from './normalize.js'

const fold = (value: string) => value.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()
const NAMES = new Set(publishers.siteNames.map(fold))
const alternatives = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
/** "Ministry of …", "Office for …", "Prime Minister of Canada". */
const OFFICE_OF = new RegExp(`\\b(?:${alternatives(publishers.officeWords)})\\s+(?:of|for)\\s+\\p{Lu}`, 'u')
/** "Prime Minister's Office", "U.S. Embassy". */
const INSTITUTION_END = new RegExp(`\\b(?:${alternatives(publishers.institutionEnds)})$`, 'u')
const DOMAIN = /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.(gov|mil|org|com|int|eu|uk|ca|au|in|jp|de|fr|net|gc\.ca|gov\.uk)$/i
/** A title, then ` | `, ` - `, ` – ` or ` — `, then the last part. */
const SPLIT = /^(.+?)\s+[|–—-]\s+([^|–—]+)$/u
const NOT_TITLES = new Set(publishers.notTitles.map((t) => fold(t).replace(/:$/, '')))

/** Whether the part after a title's last separator names a site or an office. */
export function isSiteName(tail: string, siteName?: string): boolean {
  const name = fold(tail)
  if (NAMES.has(name) || (siteName && fold(siteName) === name) || DOMAIN.test(name)) return true
  // An unlisted office: a short name in capitals, no sentence in it.
  const words = tail.trim().split(/\s+/)
  if (words.length > 10 || !/^\p{Lu}/u.test(tail.trim()) || /[.!?:;]\s|[!?:;]$/.test(tail)) return false
  if (words.some((w) => /^\p{Ll}/u.test(w) && !/^(of|for|the|and|on|in|to|de|du|des|la|le|et)$/.test(w))) return false
  return OFFICE_OF.test(tail) || INSTITUTION_END.test(tail.trim())
}

/** A page or front matter title without the site's name after it. */
export function stripSiteSuffix(value: string, siteName?: string): string {
  let title = normalizeText(value)
  for (;;) {
    const match = SPLIT.exec(title)
    if (!match || !isSiteName(match[2]!, siteName)) break
    title = match[1]!.trim()
  }
  return title
}

/** Whether an untitled fragment's first line can be its title (not "Preamble", not a dateline). */
export function canBeTitle(text: string): boolean {
  const folded = fold(text).replace(/:$/, '')
  if (NOT_TITLES.has(folded)) return false
  // A dateline ("Jeddah, Saudi Arabia"; "Washington, D.C."): a place, a comma, a place.
  if (/^[\p{Lu}][\p{L}.'’ -]*,\s*[\p{Lu}][\p{L}.'’ -]*$/u.test(text) && text.split(/\s+/).length <= 4) return false
  return /\p{L}/u.test(text)
}
