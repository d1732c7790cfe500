/**
 * `commitments report`: a static site under `DIR/report/` from the
 * Documents of `DIR/documents.jsonl`, with no network at all (style, script
 * and charts are inline):
 *
 * - `index.html`: every document with its counts by class, charts
 *   (commitments by class per month, top topics, top entities) and a
 *   filterable table of all commitments;
 * - `documents/<id>.html`: the release in reading order (it is read again
 *   through the pipeline, so narrative paragraphs show too), each
 *   commitment highlighted by class with its entities, dates and amounts
 *   marked and its place in the source; then the warnings, and the
 *   release's history when the folder holds several versions (history.ts);
 * - `initiatives/<slug>.html`: each initiative's timeline (initiatives.ts),
 *   linked from its entity mentions and, for the most frequent, the index.
 *
 * Every string from a release is escaped, links are kept only when they are
 * http(s), and a Content-Security-Policy allows no script but the report's
 * own (by hash): hostile releases cannot run code in it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import type { Element, ElementContent } from 'hast'
import type { ResolvedConfig } from '../config/schema.js'
import { processFile, readDocuments } from '../pipeline.js'
import type { Commitment, Document } from '../schema/document.js'
import { writeFileAtomic } from '../sinks/atomic.js'
import type { Block } from '../stages/data.js'
import { readBytes } from '../stages/read.js'
import { isBlank, isElement, positionOf, textOf } from '../text/hast.js'
import { STYLE, SCRIPT } from './assets.js'
import { classesByMonth, topList } from './charts.js'
import { CLASSES } from './classes.js'
import { html, safeUrl } from './escape.js'
import { historySection } from './history.js'
import { entityLinker, initiativePage, initiativesSection } from './initiatives.js'
import { FolderVersions, readRevisions } from '../versions/folder.js'
import { buildTimelines, readTimelines } from '../versions/timelines-file.js'
import type { Revision } from '../versions/revision.js'

const scriptHash = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${scriptHash}'; base-uri 'none'; form-action 'none'`

function page(title: string, body: string, script = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${script ? `<script>${SCRIPT}</script>` : ''}
</body>
</html>
`
}

const legend = () =>
  `<p class="legend" aria-label="Classes">${CLASSES.map(({ name, colour }) => `<span><i style="background:${colour}"></i>${name}</span>`).join('')}</p>`

const where = (c: Commitment) => `line ${c.position.start.line}:${c.position.start.column}–${c.position.end.line}:${c.position.end.column} (offset ${c.position.start.offset}–${c.position.end.offset})`

/** Where an entity mention links to (its initiative page), set for the build under way. */
let linkEntity: (entity: Commitment['entities'][number]) => string | undefined = () => undefined

/** The commitment's text with its entities, dates and amounts marked, escaped piece by piece. */
export function markedText(c: Commitment): string {
  const marks = [
    ...c.entities.map((e) => ({ start: e.start, end: e.end, cls: 'entity', title: `${e.type}${e.canonical ? `: ${e.canonical}` : ''}`, href: linkEntity(e) })),
    ...c.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date', title: `${d.value}${d.mod ? ` (${d.mod})` : ''}${d.from ? ` ${d.from}…${d.to}` : ''}` })),
    ...c.amounts.map((a) => ({ start: a.start, end: a.end, cls: 'amount', title: `${a.value}${a.max !== undefined ? `–${a.max}` : ''} ${a.unit}${a.mod ? ` (${a.mod})` : ''}` }))
  ].sort((a, b) => a.start - b.start || b.end - a.end)
  let out = ''
  let at = 0
  for (const mark of marks) {
    if (mark.start < at || mark.end > c.text.length) continue
    const inner = html(c.text.slice(mark.start, mark.end))
    const href = 'href' in mark ? mark.href : undefined
    out += html(c.text.slice(at, mark.start)) + `<mark class="${mark.cls}" title="${html(mark.title)}">${href ? `<a class="initiative" href="${html(href)}">${inner}</a>` : inner}</mark>`
    at = mark.end
  }
  return out + html(c.text.slice(at))
}

function commitmentHtml(c: Commitment, tag: 'li' | 'div'): string {
  const links = c.links
    .map((l) => {
      const url = safeUrl(l.url)
      return url ? `<a href="${html(url)}" rel="noopener noreferrer">${html(l.text || url)}</a>` : `<span class="muted">${html(l.text)} (${html(l.url)})</span>`
    })
    .join(', ')
  return `<${tag} class="commitment c-${c.action.class}" id="c-${html(c.id)}" data-class="${c.action.class}">` +
    `<span class="badge bg-${c.action.class}">${c.action.class}</span>` +
    (c.label ? `<strong class="label">${html(c.label)}</strong> ` : '') +
    `<span class="text">${markedText(c)}</span>` +
    `<br><span class="where">${html(where(c))} · verb ${html(c.action.verb ?? '—')} · ${c.action.modality}${links ? ` · links: ${links}` : ''}</span></${tag}>`
}

/** The release in reading order, from the pipeline's blocks; commitments matched by their start offset. */
function readingView(blocks: Block[], document: Document): string {
  const byOffset = new Map(document.commitments.map((c) => [c.position.start.offset, c]))
  const shown = new Set<string>()
  const list = (node: Element): string => {
    const items = node.children.filter((child): child is Element => isElement(child, 'li'))
    const body = items
      .map((li) => {
        const own = li.children.filter((child) => !isElement(child, 'ul', 'ol'))
        const nested = li.children.filter((child): child is Element => isElement(child, 'ul', 'ol'))
        const offset = positionOf([li])?.start.offset
        const c = offset === undefined ? undefined : byOffset.get(offset)
        if (c) shown.add(c.id)
        const head = c ? commitmentHtml(c, 'li').replace(/<\/li>$/, '') : `<li>${html(textOf(own.filter((n) => !isBlank(n)) as ElementContent[]))}`
        return `${head}${nested.map(list).join('')}</li>`
      })
      .join('')
    return node.tagName === 'ol' ? `<ol>${body}</ol>` : `<ul>${body}</ul>`
  }
  const parts = blocks.map((block) => {
    if (block.kind === 'heading') return `<h${Math.min(6, block.level + 1)} class="section">${html(block.text)}</h${Math.min(6, block.level + 1)}>`
    if (block.kind === 'list') return list(block.node)
    const c = byOffset.get(block.position.start.offset)
    if (c) {
      shown.add(c.id)
      return commitmentHtml(c, 'div')
    }
    return `<p>${html(textOf(block.nodes))}</p>`
  })
  // Anything not placed (should not happen) is still listed.
  const rest = document.commitments.filter((c) => !shown.has(c.id))
  if (rest.length > 0) parts.push(`<h3>Other commitments</h3><ul>${rest.map((c) => commitmentHtml(c, 'li')).join('')}</ul>`)
  return parts.join('\n')
}

/** Without the source: sections and their commitments from the Document alone. */
function documentView(document: Document): string {
  const parts: string[] = []
  let section: number | undefined
  for (const c of document.commitments) {
    if (c.sectionIndex !== section) {
      section = c.sectionIndex
      if (c.section) parts.push(`<h3 class="section">${html(c.section)}</h3>`)
    }
    parts.push(`<div>${commitmentHtml(c, 'div')}</div>`)
  }
  return parts.join('\n')
}

/** The pipeline's blocks for a Document's source, if the source is still there and unchanged. */
async function blocksOf(document: Document, cwd: string, config: ResolvedConfig): Promise<Block[] | undefined> {
  const source = document.source.path
  if (!source) return undefined
  const full = path.resolve(cwd, source)
  if (!fs.existsSync(full)) return undefined
  const files = readDocuments(readBytes(new Uint8Array(fs.readFileSync(full)), source, cwd))
  const file = document.source.record ? files.find((f) => f.data.record?.line === document.source.record!.line) : files[0]
  if (!file || (!document.source.record && file.data.sha256 !== document.source.sha256)) return undefined
  const again = await processFile(file, config)
  return again?.id === document.id ? file.data.blocks : undefined
}

function documentPage(document: Document, body: string, history = ''): string {
  const url = document.source.url ? safeUrl(document.source.url) : undefined
  const warnings = document.warnings.length
    ? `<h2>Warnings</h2><ul class="warnings">${document.warnings.map((w) => `<li>${w.position ? `line ${w.position.start.line}:${w.position.start.column} ` : ''}${html(w.message)} <span class="muted">${html(w.ruleId)}</span></li>`).join('')}</ul>`
    : '<h2>Warnings</h2><p class="empty">None.</p>'
  return page(
    document.title ?? document.id,
    `<p><a href="../index.html">← All documents</a></p>
<h1>${html(document.title ?? '(untitled)')}</h1>
<p class="muted">${html(document.date ?? 'date unknown')} · ${html(document.kind ?? '')} · ${document.commitments.length} commitments · ${html(document.source.path ?? '')}${url ? ` · <a href="${html(url)}" rel="noopener noreferrer">source</a>` : ''}</p>
${legend()}
<p class="muted">Marked: <mark class="entity">entities</mark> <mark class="date">dates</mark> <mark class="amount">amounts</mark>. Each commitment shows its place in the source file.</p>
<article class="reading">
${body}
</article>
${warnings}
${history}`
  )
}

function indexPage(documents: Document[], initiatives = ''): string {
  const total = documents.reduce((n, d) => n + d.commitments.length, 0)
  const byMonth = new Map<string, Map<string, number>>()
  const topics = new Map<string, number>()
  const entities = new Map<string, number>()
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  for (const d of documents) {
    for (const c of d.commitments) {
      if (d.date) {
        const month = d.date.slice(0, 7)
        if (!byMonth.has(month)) byMonth.set(month, new Map())
        bump(byMonth.get(month)!, c.action.class)
      }
      for (const t of c.topics) bump(topics, t)
      for (const e of c.entities) bump(entities, e.canonical ?? e.text)
    }
  }
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15)
  const classCounts = (d: Document) =>
    CLASSES.map(({ name }) => {
      const n = d.commitments.filter((c) => c.action.class === name).length
      return n ? `<span class="chip bg-${name}" title="${name}">${n}</span>` : ''
    }).join('')
  const docRows = documents
    .map((d) => `<tr><td><a href="documents/${html(d.id)}.html">${html(d.title ?? d.id)}</a></td><td>${html(d.date ?? '')}</td><td>${html(d.kind ?? '')}</td><td>${d.commitments.length}</td><td>${classCounts(d)}</td></tr>`)
    .join('\n')
  const rows = documents
    .flatMap((d) =>
      d.commitments.map((c) => {
        const search = [c.text, c.label, c.section, c.action.verb, d.title, ...c.entities.map((e) => e.text)].filter(Boolean).join(' ').toLowerCase()
        return `<tr data-class="${c.action.class}" data-topics="${html(c.topics.join(' '))}" data-search="${html(search)}">` +
          `<td><span class="badge bg-${c.action.class}">${c.action.class}</span></td><td>${html(c.action.verb ?? '')}</td>` +
          `<td>${html(c.section ?? '')}</td><td>${c.label ? `<strong>${html(c.label)}</strong> ` : ''}${markedText(c)}</td>` +
          `<td>${html(c.entities.map((e) => e.canonical ?? e.text).join('; '))}</td><td>${html(c.dates.map((x) => x.value).join('; '))}</td>` +
          `<td><a href="documents/${html(d.id)}.html#c-${html(c.id)}">${html(d.title ?? d.id)}</a><br><span class="muted">${html(d.date ?? '')}</span></td></tr>`
      })
    )
    .join('\n')
  const options = (values: string[]) => values.map((v) => `<option value="${html(v)}">${html(v)}</option>`).join('')
  return page(
    'Commitments report',
    `<h1>Commitments</h1>
<p class="muted">${documents.length} documents, ${total} commitments.</p>
${legend()}
<h2>What kinds of commitments, over time, on which topics</h2>
<div class="charts">
<figure><figcaption>Commitments by class per month (release date)</figcaption>${classesByMonth(byMonth)}</figure>
<figure><figcaption>Top topics</figcaption>${topList(top(topics), 'Top topics', 'No topics.')}</figure>
<figure><figcaption>Top entities</figcaption>${topList(top(entities), 'Top entities', 'No entities extracted yet.')}</figure>
</div>
${initiatives}
<h2>Documents</h2>
<table id="documents"><thead><tr><th>Title</th><th>Date</th><th>Kind</th><th>Commitments</th><th>By class</th></tr></thead><tbody>
${docRows}
</tbody></table>
<h2>All commitments</h2>
<div class="filters">
<input id="search" type="search" placeholder="Search text, label, section, verb, document…" aria-label="Search">
<select id="class-filter" aria-label="Class"><option value="">All classes</option>${options(CLASSES.map((c) => c.name))}</select>
<select id="topic-filter" aria-label="Topic"><option value="">All topics</option>${options([...topics.keys()].sort())}</select>
<span><span id="shown">${total}</span> of ${total} shown</span>
</div>
<table id="commitments"><thead><tr><th>Class</th><th>Verb</th><th>Section</th><th>Commitment</th><th>Entities</th><th>Dates</th><th>Document</th></tr></thead><tbody>
${rows}
</tbody></table>`,
    true
  )
}

export interface ReportSummary {
  dir: string
  documents: number
  commitments: number
  /** Documents shown from the Document alone: their source file was gone or changed. */
  withoutSource: number
}

/** Build the site from `out/documents.jsonl` into `out/report/`. */
export async function buildReport(options: { out: string; config: ResolvedConfig; cwd?: string }): Promise<ReportSummary> {
  const cwd = options.cwd ?? process.cwd()
  const out = path.resolve(cwd, options.out)
  const dir = path.join(out, 'report')
  const documents: Document[] = []
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(out, 'documents.jsonl')), crlfDelay: Infinity })
  for await (const line of lines) if (line.trim()) documents.push(JSON.parse(line) as Document)
  let withoutSource = 0
  // Versions, revisions and timelines (SPEC §11, §12); a folder from before them gets its timelines now.
  const versions = await FolderVersions.open(out)
  const revisions = new Map<string, Revision[]>()
  for (const r of await readRevisions(out)) revisions.set(r.id, [...(revisions.get(r.id) ?? []), r])
  const timelines = fs.existsSync(path.join(out, 'timelines.jsonl')) ? await readTimelines(out) : await buildTimelines(path.join(out, 'documents.jsonl'))
  linkEntity = entityLinker(timelines, '../')
  for (const timeline of timelines) {
    const { title, body } = initiativePage(timeline)
    await writeFileAtomic(path.join(dir, 'initiatives', `${timeline.slug}.html`), page(title, body))
  }
  for (const document of documents) {
    const blocks = await blocksOf(document, cwd, options.config)
    if (!blocks) withoutSource++
    const history = historySection(versions.versions.get(document.id), revisions.get(document.id) ?? [])
    await writeFileAtomic(path.join(dir, 'documents', `${document.id}.html`), documentPage(document, blocks ? readingView(blocks, document) : documentView(document), history))
  }
  linkEntity = entityLinker(timelines, '')
  await writeFileAtomic(path.join(dir, 'index.html'), indexPage(documents, initiativesSection(timelines)))
  linkEntity = () => undefined
  return { dir, documents: documents.length, commitments: documents.reduce((n, d) => n + d.commitments.length, 0), withoutSource }
}
