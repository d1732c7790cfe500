/**
 * The report's initiative pages (SPEC §12): `initiatives/<slug>.html` per
 * timeline, its events on a time axis coloured by class, then each event
 * with a link to its commitment; the index's list of the initiatives in
 * the most releases; and the link from an entity mention to its page.
 */
import type { Entity } from '../schema/document.js'
import { normaliseName } from '../versions/keys.js'
import type { Timeline, TimelineEvent, TimelineHead } from '../versions/timelines.js'
import { CLASSES } from './classes.js'
import { html } from './escape.js'

const colourOf = (name: string | null) => CLASSES.find((c) => c.name === name)?.colour ?? '#999999'
const day = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** The events on a time axis: one row per release, a dot per event, coloured by class (a ring for a title). */
export function timeAxis(timeline: Timeline): string {
  const dated = timeline.events.filter((e) => e.date !== null)
  if (dated.length === 0) return '<p class="empty">No dated releases.</p>'
  // Each release's events, grouped once: a key named in thousands of releases is one pass, not one per release.
  const byDocument = new Map<string, TimelineEvent[]>()
  for (const e of dated) {
    const list = byDocument.get(e.document)
    if (list) list.push(e)
    else byDocument.set(e.document, [e])
  }
  const documents = [...new Map(dated.map((e) => [e.document, e])).values()]
  const [first, last] = [day(timeline.first!), day(timeline.last!)]
  const width = 760
  const left = 90
  const row = 22
  const height = documents.length * row + 40
  const x = (date: string) => (last === first ? left + (width - left - 20) / 2 : left + ((day(date) - first) / (last - first)) * (width - left - 20))
  const parts: string[] = [`<line x1="${left}" y1="${height - 28}" x2="${width - 20}" y2="${height - 28}" stroke="#666"/>`]
  const years = new Set(dated.map((e) => e.date!.slice(0, 4)))
  for (const year of years) {
    const at = last === first ? x(timeline.first!) : Math.max(left, x(`${year}-01-01`))
    parts.push(`<text x="${at.toFixed(1)}" y="${height - 12}" font-size="10" text-anchor="middle">${html(year)}</text>`)
  }
  documents.forEach((d, i) => {
    const y = 14 + i * row
    parts.push(`<text x="0" y="${y + 4}" font-size="10">${html(d.date)}</text>`)
    byDocument.get(d.document)!.forEach((e, j) => {
      const cx = x(e.date!) + j * 7
      const colour = colourOf(e.class)
      const mark = e.commitment === null ? `fill="#fff" stroke="${colour}" stroke-width="2"` : `fill="${colour}"`
      parts.push(`<circle class="event" data-class="${html(e.class ?? 'title')}" cx="${cx.toFixed(1)}" cy="${y}" r="5" ${mark}><title>${html(e.date)} · ${html(e.class ?? 'title')} · ${html(e.text.slice(0, 160))}</title></circle>`)
    })
  })
  return `<svg class="chart timeline" role="img" aria-label="${html(timeline.name)}: events over time" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${parts.join('')}</svg>`
}

const eventItem = (e: TimelineEvent) => {
  const target = `../documents/${html(e.document)}.html${e.commitment ? `#c-${html(e.commitment)}` : ''}`
  const badge = e.class ? `<span class="badge bg-${e.class}">${e.class}</span>` : '<span class="badge" style="background:#777">title</span>'
  return `<li class="event-item" data-class="${html(e.class ?? 'title')}">${badge}<a href="${target}">${html(e.text)}</a>${e.modality ? ` <span class="muted">${e.modality}</span>` : ''}</li>`
}

export function initiativePage(timeline: Timeline): { title: string; body: string } {
  const byRelease = new Map<string, TimelineEvent[]>()
  for (const e of timeline.events) {
    const list = byRelease.get(e.document)
    if (list) list.push(e)
    else byRelease.set(e.document, [e])
  }
  const releases = [...byRelease.values()]
    .map((events) => `<section class="release"><h3>${html(events[0]!.date ?? 'date unknown')} · <a href="../documents/${html(events[0]!.document)}.html">${html(events[0]!.title ?? events[0]!.document)}</a></h3><ul>${events.map(eventItem).join('')}</ul></section>`)
    .join('\n')
  return {
    title: timeline.name,
    body: `<p><a href="../index.html">← All documents</a></p>
<h1>${html(timeline.name)}</h1>
<p class="muted">${html(timeline.type)} · key <code>${html(timeline.key)}</code> · also written ${timeline.aliases.map((a) => `“${html(a)}”`).join(', ')}</p>
<p class="summary">In <strong id="release-count">${timeline.releases}</strong> releases, ${timeline.events.length} mentions, from ${html(timeline.first ?? '?')} to ${html(timeline.last ?? '?')}; latest: ${timeline.latestClass ? `<span class="badge bg-${timeline.latestClass}">${timeline.latestClass}</span>` : 'no commitment'}.</p>
${timeAxis(timeline)}
<h2>Releases</h2>
${releases}`
  }
}

/** The index's list: the initiatives and organizations in the most releases. */
export function initiativesSection(timelines: TimelineHead[], limit = 25): string {
  const top = timelines.filter((t) => t.releases > 1).slice(0, limit)
  if (top.length === 0) return '<h2>Initiatives across releases</h2><p class="empty">No initiative is named in more than one release.</p>'
  const rows = top
    .map((t) => `<tr><td><a href="initiatives/${html(t.slug)}.html">${html(t.name)}</a></td><td>${html(t.type)}</td><td>${t.releases}</td><td>${html(t.first ?? '')} – ${html(t.last ?? '')}</td><td>${t.latestClass ? `<span class="badge bg-${t.latestClass}">${t.latestClass}</span>` : ''}</td></tr>`)
    .join('\n')
  return `<h2>Initiatives across releases</h2>
<table id="initiatives"><thead><tr><th>Initiative</th><th>Type</th><th>Releases</th><th>First – last</th><th>Latest</th></tr></thead><tbody>
${rows}
</tbody></table>`
}

/**
 * From an entity mention to its initiative page, when it has one; `prefix`
 * leads from the page to the report's root. `slugs`: each normalised name's
 * page, the later timeline's where two share a name (`slugsOf`).
 */
export function entityLinker(slugs: Map<string, string>, prefix: string): (entity: Entity) => string | undefined {
  return (entity) => {
    const slug = slugs.get(normaliseName(entity.text))
    return slug ? `${prefix}initiatives/${slug}.html` : undefined
  }
}

/** Record a timeline's names for `entityLinker`. */
export function slugsOf(slugs: Map<string, string>, timeline: Pick<Timeline, 'names' | 'slug'>): void {
  for (const name of timeline.names) slugs.set(name, timeline.slug)
}
