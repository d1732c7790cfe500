/**
 * `commitments report`: a static site under `DIR/report/` from the
 * Documents of `DIR/documents.jsonl`, with no network at all (style, script
 * and charts are inline). Each page has its own builder module:
 *
 * - `index.html` (index-page.ts, its data index-data.ts, its script
 *   script.ts): counts, charts, and the documents and commitments a page at
 *   a time, sorted, filtered and exported as CSV in the browser;
 * - `documents/<id>.html` (document-page.ts): the release in reading order,
 *   and its history when the folder holds several versions (history.ts);
 * - `initiatives/<slug>.html` (initiatives.ts): each initiative's timeline,
 *   linked from its entity mentions and, for the most frequent, the index.
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
import { readRevisions, readVersions } from '../versions/folder.js'
import type { Revision } from '../versions/revision.js'
import { buildTimelines, readTimelines } from '../versions/timelines-file.js'
import { renderDocumentPage, setEntityLinker } from './document-page.js'
import { historySection } from './history.js'
import { PageState } from './incremental.js'
import { indexPage } from './index-page.js'
import { entityLinker, initiativePage, initiativesSection } from './initiatives.js'
import { page } from './page.js'

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
  // Versions, revisions and timelines (SPEC §11, §12); a folder from before them gets its timelines now.
  const versions = await readVersions(out)
  const revisions = new Map<string, Revision[]>()
  for (const r of await readRevisions(out)) revisions.set(r.id, [...(revisions.get(r.id) ?? []), r])
  const timelines = fs.existsSync(path.join(out, 'timelines.jsonl')) ? await readTimelines(out) : await buildTimelines(path.join(out, 'documents.jsonl'))
  for (const timeline of timelines) {
    const { title, body } = initiativePage(timeline)
    await writeFileAtomic(path.join(dir, 'initiatives', `${timeline.slug}.html`), page(title, body))
  }
  const linker = entityLinker(timelines, '../')
  setEntityLinker(linker)
  const documents: Document[] = []
  const pages = { built: 0, kept: 0, removed: 0 }
  let withoutSource = 0
  try {
    const lines = readline.createInterface({ input: fs.createReadStream(path.join(out, 'documents.jsonl')), crlfDelay: Infinity })
    for await (const line of lines) {
      if (!line.trim()) continue
      const document = JSON.parse(line) as Document
      documents.push(document)
      // A page shows its Document, its history and where its entity mentions link: all three are its key.
      const history = historySection(versions.get(document.id), revisions.get(document.id) ?? [])
      const links = document.commitments.flatMap((c) => c.entities.map((e) => linker(e) ?? '')).join('\n')
      if (state.fresh(document.id, state.key(`${line}\n${history}\n${links}`))) {
        pages.kept++
        continue
      }
      const built = await renderDocumentPage(document, cwd, options.config, history)
      if (!built.withSource) withoutSource++
      await writeFileAtomic(state.pagePath(document.id), built.page)
      pages.built++
    }
  } finally {
    setEntityLinker()
  }
  // The state is saved last: a build killed before it is redone in full next time.
  const initiatives = initiativesSection(timelines)
  let commitments = state.freshIndex(initiatives)
  const index = commitments === undefined
  if (commitments === undefined) {
    commitments = documents.reduce((n, d) => n + d.commitments.length, 0)
    await writeFileAtomic(path.join(dir, 'index.html'), indexPage(documents, initiatives))
    state.indexBuilt(commitments)
  }
  pages.removed = await state.finish()
  return { dir, documents: documents.length, commitments, withoutSource, pages, index }
}
