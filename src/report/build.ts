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
import { pipelineVersion } from '../batch/manifest.js'
import type { ResolvedConfig } from '../config/schema.js'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter, removeStaleTemps, writeFileAtomic } from '../sinks/atomic.js'
import { readRevisions, readVersions } from '../versions/folder.js'
import type { Revision } from '../versions/revision.js'
import { byteLines } from '../sinks/byte-lines.js'
import type { Timeline, TimelineHead } from '../versions/timeline-types.js'
import { buildTimelines } from '../versions/timelines-file.js'
import { renderDocumentPage, setEntityLinker } from './document-page.js'
import { historySection } from './history.js'
import { PageState } from './incremental.js'
import { IndexCollector } from './index-data.js'
import { SpilledRows } from './index-rows.js'
import { writeIndexPage } from './index-page.js'
import { entityLinker, initiativePage, initiativesSection, slugsOf } from './initiatives.js'
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
  /** The same for the initiative pages (one per timeline). */
  initiatives: { built: number; kept: number; removed: number }
  /** Whether the index was rewritten (it is kept when no Document changed). */
  index: boolean
}

/** The initiatives the index lists: the first of `timelines.jsonl` (the most releases first) named in more than one release. */
const LISTED = 25

/** A timeline without its events (which can be megabytes). */
const headOf = ({ events, ...head }: Timeline): TimelineHead => (void events, head)

/** Each timeline's line: timelines.jsonl read a line at a time, or, for a folder from before timelines, built now. */
async function* timelineLines(out: string): AsyncGenerator<string> {
  const file = path.join(out, 'timelines.jsonl')
  if (fs.existsSync(file)) for await (const line of byteLines(file)) yield line.toString('utf8', 0, line.length - 1)
  else for (const timeline of await buildTimelines(path.join(out, 'documents.jsonl'))) yield JSON.stringify(timeline)
}

/**
 * Build the site from `out/documents.jsonl` into `out/report/`. Documents
 * and timelines are read a line at a time and never held: the index's rows
 * wait in a temporary file (index-rows.ts), the entity links keep a slug
 * per name, so an archive's report is built in bounded memory.
 */
export async function buildReport(options: { out: string; config: ResolvedConfig; cwd?: string }): Promise<ReportSummary> {
  const cwd = options.cwd ?? process.cwd()
  const out = path.resolve(cwd, options.out)
  const dir = path.join(out, 'report')
  const state = new PageState(dir, pipelineVersion(options.config))
  // A killed build's temporary files (its index rows, a page half-written).
  for (const folder of [dir, path.join(dir, 'documents'), path.join(dir, 'initiatives')]) await removeStaleTemps(folder)
  // Versions, revisions and timelines (SPEC §11, §12).
  const versions = await readVersions(out)
  const revisions = new Map<string, Revision[]>()
  for (const r of await readRevisions(out)) revisions.set(r.id, [...(revisions.get(r.id) ?? []), r])
  const slugs = new Map<string, string>()
  const listed: TimelineHead[] = []
  const initiatives = { built: 0, kept: 0, removed: 0 }
  for await (const line of timelineLines(out)) {
    const timeline = JSON.parse(line) as Timeline
    slugsOf(slugs, timeline)
    if (timeline.releases > 1 && listed.length < LISTED) listed.push(headOf(timeline))
    if (state.freshInitiative(timeline.slug, state.key(line))) {
      initiatives.kept++
      continue
    }
    const { title, body } = initiativePage(timeline)
    await writeFileAtomic(state.initiativePath(timeline.slug), page(title, body))
    initiatives.built++
  }
  const linker = entityLinker(slugs, '../')
  setEntityLinker(linker)
  const rows = new SpilledRows(dir)
  const index = new IndexCollector(rows)
  const pages = { built: 0, kept: 0, removed: 0 }
  let withoutSource = 0
  try {
    for await (const bytes of byteLines(path.join(out, 'documents.jsonl'))) {
      const line = bytes.toString('utf8', 0, bytes.length - 1).replace(/\r$/, '')
      if (!line.trim()) continue
      const document = JSON.parse(line) as Document
      index.add(document)
      await index.flush()
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
  } catch (error) {
    await rows.discard()
    throw error
  } finally {
    setEntityLinker()
  }
  // The state is saved last: a build killed before it is redone in full next time.
  const section = initiativesSection(listed, LISTED)
  let commitments = state.freshIndex(section)
  const rebuilt = commitments === undefined
  if (commitments === undefined) {
    commitments = index.commitments
    const writer = new AtomicLineWriter(path.join(dir, 'index.html'))
    try {
      await writeIndexPage(writer, index.facts(), section)
      await writer.close()
    } catch (error) {
      await writer.abort()
      await rows.discard()
      throw error
    }
    state.indexBuilt(commitments)
  } else await rows.discard()
  const removed = await state.finish()
  pages.removed = removed.documents
  initiatives.removed = removed.initiatives
  return { dir, documents: index.documents, commitments, withoutSource, pages, initiatives, index: rebuilt }
}
