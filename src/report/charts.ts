/**
 * Charts as inline SVG, drawn when the report is built (no script, no
 * network): commitments by class per month, and the top names.
 */
import { html } from './escape.js'
import { CLASSES } from './classes.js'

/** Stacked bars: one per month, split by class. */
export function classesByMonth(counts: Map<string, Map<string, number>>): string {
  const months = [...counts.keys()].sort()
  if (months.length === 0) return '<p class="empty">No dated documents.</p>'
  const totals = months.map((m) => [...counts.get(m)!.values()].reduce((a, b) => a + b, 0))
  const max = Math.max(...totals)
  const bar = 18
  const gap = 6
  const height = 160
  const width = months.length * (bar + gap) + 40
  const parts: string[] = []
  months.forEach((month, i) => {
    let y = height
    const x = 30 + i * (bar + gap)
    for (const { name, colour } of CLASSES) {
      const n = counts.get(month)!.get(name) ?? 0
      if (n === 0) continue
      const h = (n / max) * (height - 10)
      y -= h
      parts.push(`<rect x="${x}" y="${y.toFixed(1)}" width="${bar}" height="${h.toFixed(1)}" fill="${colour}"><title>${html(month)}: ${n} ${name}</title></rect>`)
    }
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      parts.push(`<text x="${x + bar / 2}" y="${height + 12}" font-size="9" text-anchor="end" transform="rotate(-45 ${x + bar / 2} ${height + 12})">${html(month)}</text>`)
    }
  })
  parts.push(`<text x="0" y="10" font-size="10">${max}</text><line x1="28" y1="${height}" x2="${width}" y2="${height}" stroke="#666"/>`)
  return `<svg class="chart" role="img" aria-label="Commitments by class per month" viewBox="0 0 ${width} ${height + 45}" width="${width}" height="${height + 45}">${parts.join('')}</svg>`
}

/** Horizontal bars for the most frequent names (entities, topics). */
export function topList(entries: Array<[string, number]>, label: string, empty: string): string {
  if (entries.length === 0) return `<p class="empty">${html(empty)}</p>`
  const max = entries[0]![1]
  const rows = entries
    .map(([name, n], i) => `<g transform="translate(0 ${i * 18})"><text x="0" y="12" font-size="11">${html(name)}</text><rect x="190" y="2" width="${((n / max) * 200).toFixed(1)}" height="12" fill="#4a6fa5"/><text x="${195 + (n / max) * 200}" y="12" font-size="10">${n}</text></g>`)
    .join('')
  return `<svg class="chart" role="img" aria-label="${html(label)}" viewBox="0 0 440 ${entries.length * 18}" width="440" height="${entries.length * 18}">${rows}</svg>`
}
