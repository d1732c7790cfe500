/**
 * Compares the Documents of an HTML release and its markdown twin (the
 * same release saved two ways): sections as lists, commitments aligned by
 * text, then section, label and action of each aligned pair. Differences
 * come out as sentences a person can read and a test can pin.
 */
import type { Commitment, Document } from '../../src/index.js'
import { tokenF1 } from '../../src/versions/revision.js'

const tokens = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}$%.]+/gu) ?? []

/** Token overlap (Dice) of two texts: the revision pairing's, over these tokens (which keep `$`, `%` and `.`). */
function similarity(a: string, b: string): number {
  const [x, y] = [tokens(a), tokens(b)]
  return x.length + y.length === 0 ? 1 : tokenF1(x, y)
}

/** Longest common subsequence of texts, then neighbours that are nearly equal. */
function align(a: Commitment[], b: Commitment[]): Array<[Commitment | undefined, Commitment | undefined]> {
  const n = a.length
  const m = b.length
  const same = (i: number, j: number) => similarity(a[i]!.text, b[j]!.text) >= 0.8
  const table = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) table[i]![j] = same(i, j) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
  const out: Array<[Commitment | undefined, Commitment | undefined]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (same(i, j)) out.push([a[i++], b[j++]])
    else if (table[i + 1]![j]! >= table[i]![j + 1]!) out.push([a[i++], undefined])
    else out.push([undefined, b[j++]])
  }
  while (i < n) out.push([a[i++], undefined])
  while (j < m) out.push([undefined, b[j++]])
  return out
}

/** The words where two texts differ, with a little context. */
function textDifference(a: string, b: string): string {
  let start = 0
  while (start < a.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const from = Math.max(0, a.lastIndexOf(' ', start - 2) + 1)
  const cut = (s: string) => s.slice(from, Math.min(s.length, s.indexOf(' ', s.length - end + 1) >>> 0 || s.length))
  return `html "${cut(a)}" / md "${cut(b)}"`
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text)

export function comparePair(html: Document, md: Document): string[] {
  const out: string[] = []
  const hs = html.sections.map((s) => s.heading)
  const ms = md.sections.map((s) => s.heading)
  if (JSON.stringify(hs) !== JSON.stringify(ms)) {
    const n = Math.max(hs.length, ms.length)
    for (let k = 0; k < n; k++) if (hs[k] !== ms[k]) out.push(`section ${k}: html ${JSON.stringify(hs[k] ?? null)} / md ${JSON.stringify(ms[k] ?? null)}`)
  }
  for (const [h, m] of align(html.commitments, md.commitments)) {
    if (!m) {
      out.push(`only in html: "${short(h!.text)}"`)
      continue
    }
    if (!h) {
      out.push(`only in md: "${short(m.text)}"`)
      continue
    }
    const where = `"${short(m.text)}"`
    if (h.text !== m.text) out.push(`text of ${where}: ${textDifference(h.text, m.text)}`)
    if (h.sectionIndex !== m.sectionIndex) out.push(`section of ${where}: html ${h.sectionIndex} / md ${m.sectionIndex}`)
    if ((h.label ?? null) !== (m.label ?? null)) out.push(`label of ${where}: html ${JSON.stringify(h.label ?? null)} / md ${JSON.stringify(m.label ?? null)}`)
    if (h.action.verb !== m.action.verb || h.action.class !== m.action.class) {
      out.push(`action of ${where}: html ${h.action.verb}/${h.action.class} / md ${m.action.verb}/${m.action.class}`)
    }
  }
  return out
}
