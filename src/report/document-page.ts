/**
 * A release's page, `documents/<id>.html`: the release in reading order
 * (read again through the pipeline, so narrative paragraphs show too), each
 * commitment highlighted by class with its entities, dates and amounts
 * marked and its place in the source; then the warnings. Without its
 * source (gone or changed), its sections and commitments from the Document.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Element, ElementContent } from 'hast'
import type { ResolvedConfig } from '../config/schema.js'
import { processFile, readDocuments } from '../pipeline.js'
import type { Commitment, Document } from '../schema/document.js'
import type { Block } from '../stages/data.js'
import { readBytes } from '../stages/input/read.js'
import { isBlank, isElement, positionOf, textOf } from '../text/hast.js'
import { html, safeUrl } from './escape.js'
import { legend, page } from './page.js'

const where = (c: Commitment) => `line ${c.position.start.line}:${c.position.start.column}–${c.position.end.line}:${c.position.end.column} (offset ${c.position.start.offset}–${c.position.end.offset})`

/** Where an entity mention links to (its initiative page), set for the build under way. */
let linkEntity: (entity: Commitment['entities'][number]) => string | undefined = () => undefined

/** Set (or, with no argument, clear) where entity mentions link to. */
export function setEntityLinker(linker: typeof linkEntity = () => undefined): void {
  linkEntity = linker
}

/** The commitment's text with its entities, dates and amounts marked, escaped piece by piece. */
export function markedText(c: Commitment): string {
  const marks = [
    ...c.entities.map((e) => ({ start: e.start, end: e.end, cls: 'entity', title: `${e.type}${e.canonical ? `: ${e.canonical}` : ''} · ${e.rule}`, href: linkEntity(e) })),
    ...c.dates.map((d) => ({ start: d.start, end: d.end, cls: 'date', title: `${d.value}${d.mod ? ` (${d.mod})` : ''}${d.from ? ` ${d.from}…${d.to}` : ''} · ${d.rule}` })),
    ...c.amounts.map((a) => ({ start: a.start, end: a.end, cls: 'amount', title: `${a.value}${a.max !== undefined ? `–${a.max}` : ''} ${a.unit}${a.mod ? ` (${a.mod})` : ''} · ${a.rule}` }))
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

/** Why: each decision on the commitment with the rule that made it (SPEC §9; `commitments rules` says what each does). */
function whyHtml(c: Commitment): string {
  const rule = (id: string) => `<code class="rule">${html(id)}</code>`
  const rows = [
    `<li>action: ${html(c.action.verb ?? 'no verb')} → ${c.action.class}, ${c.action.modality} ${rule(c.action.rule)}</li>`,
    ...c.entities.map((e) => `<li>entity: “${html(e.text)}” ${e.type} ${rule(e.rule)}</li>`),
    ...c.dates.map((d) => `<li>date: “${html(d.text)}” → ${html(d.value)} ${rule(d.rule)}</li>`),
    ...c.amounts.map((a) => `<li>amount: “${html(a.text)}” → ${a.value} ${html(a.unit)} ${rule(a.rule)}</li>`)
  ]
  return `<details class="why"><summary>why</summary><ul>${rows.join('')}</ul></details>`
}

function commitmentHtml(c: Commitment, tag: 'li' | 'div'): string {
  const links = c.links
    .map((l) => {
      const url = safeUrl(l.url)
      return url ? `<a href="${html(url)}" rel="noopener noreferrer">${html(l.text || url)}</a>` : `<span class="muted">${html(l.text)} (${html(l.url)})</span>`
    })
    .join(', ')
  return `<${tag} class="commitment c-${c.action.class}" id="c-${html(c.id)}" data-class="${c.action.class}">` +
    `<span class="badge bg-${c.action.class}" title="${html(c.action.rule)}">${c.action.class}</span>` +
    (c.label ? `<strong class="label">${html(c.label)}</strong> ` : '') +
    `<span class="text">${markedText(c)}</span>` +
    `<br><span class="where">${html(where(c))} · verb ${html(c.action.verb ?? '—')} · ${c.action.modality}${links ? ` · links: ${links}` : ''}</span>${whyHtml(c)}</${tag}>`
}

/** The release in reading order, from the pipeline's blocks; commitments matched by their start offset. */
export function readingView(blocks: Block[], document: Document): string {
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
    return `<p>${html(block.text)}</p>`
  })
  // Anything not placed (should not happen) is still listed.
  const rest = document.commitments.filter((c) => !shown.has(c.id))
  if (rest.length > 0) parts.push(`<h3>Other commitments</h3><ul>${rest.map((c) => commitmentHtml(c, 'li')).join('')}</ul>`)
  return parts.join('\n')
}

/** Without the source: sections and their commitments from the Document alone. */
export function documentView(document: Document): string {
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
export async function blocksOf(document: Document, cwd: string, config: ResolvedConfig): Promise<Block[] | undefined> {
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

export function documentPage(document: Document, body: string, history = ''): string {
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

/** The page of one Document (with its history section): read again from its source when it is there and unchanged. */
export async function renderDocumentPage(document: Document, cwd: string, config: ResolvedConfig, history = ''): Promise<{ page: string; withSource: boolean }> {
  const blocks = await blocksOf(document, cwd, config)
  return { page: documentPage(document, blocks ? readingView(blocks, document) : documentView(document), history), withSource: blocks !== undefined }
}
