/**
 * `commitments report`: a static site under `DIR/report/` from the
 * Documents of `DIR/documents.jsonl`, with no network at all (style, script
 * and charts are inline). Each page has its own builder module:
 *
 * - `index.html` (index-page.ts, its data index-data.ts, its script
 *   script.ts): counts, charts, and the documents and commitments a page at
 *   a time, sorted, filtered and exported as CSV in the browser;
 * - `documents/<id>.html` (document-page.ts): the release in reading order.
 *
 * Document pages are built incrementally (incremental.ts): only those of
 * Documents that changed since the last build. Every string from a release
 * is escaped, links are kept only when they are http(s), and a
 * Content-Security-Policy allows no script but the report's own (by hash):
 * hostile releases cannot run code in it.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { pipelineVersion } from '../batch/manifest.js'
import type { ResolvedConfig } from '../config/schema.js'
import type { Document } from '../schema/document.js'
import { writeFileAtomic } from '../sinks/atomic.js'
import { renderDocumentPage } from './document-page.js'
import { PageState } from './incremental.js'
import { indexPage } from './index-page.js'

export { markedText } from './document-page.js'

export interface ReportSummary {
  dir: string
  documents: number
  commitments: number
  /** Documents shown from the Document alone: their source file was gone or changed (of the pages built this time). */
  withoutSource: number
  /** Document pages built this time, kept from the last build (unchanged), and removed (their Document is gone). */
  pages: { built: number; kept: number; removed: number }
  /** Whether the index was rewritten (it is kept when no Document changed). */
  index: boolean
}

/** Build the site from `out/documents.jsonl` into `out/report/`. */
export async function buildReport(options: { out: string; config: ResolvedConfig; cwd?: string }): Promise<ReportSummary> {
  const cwd = options.cwd ?? process.cwd()
  const out = path.resolve(cwd, options.out)
  const dir = path.join(out, 'report')
  const state = new PageState(dir, pipelineVersion(options.config))
  // Lines are parsed only when something needs the Document: a changed page, or the index.
  const documents: Array<string | Document> = []
  const pages = { built: 0, kept: 0, removed: 0 }
  let withoutSource = 0
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(out, 'documents.jsonl')), crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    const id = /^\{"schemaVersion":"[^"]*","id":"([^"]+)"/.exec(line)?.[1]
    if (id !== undefined && state.fresh(id, state.key(line))) {
      documents.push(line)
      pages.kept++
      continue
    }
    const document = JSON.parse(line) as Document
    documents.push(document)
    if (id === undefined && state.fresh(document.id, state.key(line))) {
      pages.kept++
      continue
    }
    const built = await renderDocumentPage(document, cwd, options.config)
    if (!built.withSource) withoutSource++
    await writeFileAtomic(state.pagePath(document.id), built.page)
    pages.built++
  }
  // The state is saved last: a build killed before it is redone in full next time.
  let commitments = state.freshIndex()
  const index = commitments === undefined
  if (commitments === undefined) {
    const all = documents.map((d) => (typeof d === 'string' ? (JSON.parse(d) as Document) : d))
    commitments = all.reduce((n, d) => n + d.commitments.length, 0)
    await writeFileAtomic(path.join(dir, 'index.html'), indexPage(all))
    state.indexBuilt(commitments)
  }
  pages.removed = await state.finish()
  return { dir, documents: documents.length, commitments, withoutSource, pages, index }
}
