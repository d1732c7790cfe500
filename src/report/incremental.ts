/**
 * Incremental builds: `report/.pages.json` records, for each document page,
 * a hash of what it was built from (the Document's JSON line, the pipeline
 * version that reads its source again, and the report's own version), and
 * for each initiative page the same of its timeline's line. A page whose
 * hash is unchanged and whose file is there is kept as it is; pages of
 * Documents no longer in `documents.jsonl`, or of keys no longer in
 * `timelines.jsonl`, are removed. The index
 * is rewritten only when some Document changed, came or went. So a resumed
 * archive run rebuilds only the pages of what changed.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../sinks/atomic.js'

/** Bump when the page builders change what they write. */
export const REPORT_VERSION = '2'

interface Saved {
  pages: Record<string, string>
  /** Initiative pages by slug, keyed by their timeline's line the same way. */
  initiatives?: Record<string, string>
  /** The index's key (a hash of every page key, in order) and its commitment count. */
  index?: { key: string; commitments: number }
}

export class PageState {
  private readonly file: string
  private readonly before: Saved
  private readonly after: Saved & { initiatives: Record<string, string> } = { pages: {}, initiatives: {} }
  private readonly all = createHash('sha256')

  constructor(private readonly dir: string, private readonly version: string) {
    this.file = path.join(dir, '.pages.json')
    let before: Saved = { pages: {} }
    try {
      before = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Saved
    } catch {
      // No state (first build): every page is built.
    }
    this.before = before
  }

  /** The key of a page built from `input` (the Document's JSON). */
  key(input: string): string {
    return createHash('sha256').update(`${REPORT_VERSION}\n${this.version}\n${input}`).digest('hex')
  }

  /** Whether the page of `id` is current for `key`; either way it is recorded as current after this build. */
  fresh(id: string, key: string): boolean {
    this.after.pages[id] = key
    this.all.update(`${id} ${key}\n`)
    return this.before.pages[id] === key && fs.existsSync(this.pagePath(id))
  }

  /** Whether the page of the timeline `slug` is current for `key` (its line); either way it is recorded as current. */
  freshInitiative(slug: string, key: string): boolean {
    this.after.initiatives[slug] = key
    return this.before.initiatives?.[slug] === key && fs.existsSync(this.initiativePath(slug))
  }

  initiativePath(slug: string): string {
    return path.join(this.dir, 'initiatives', `${slug}.html`)
  }

  pagePath(id: string): string {
    return path.join(this.dir, 'documents', `${id}.html`)
  }

  /** The commitment count of the index built last time, if it is still current for its pages and `extra` (call after every `fresh`). */
  freshIndex(extra = ''): number | undefined {
    const key = this.all.update(extra).digest('hex')
    const before = this.before.index
    this.after.index = { key, commitments: before?.commitments ?? 0 }
    return before?.key === key && fs.existsSync(path.join(this.dir, 'index.html')) ? before.commitments : undefined
  }

  /** Record the index as built with `commitments`. */
  indexBuilt(commitments: number): void {
    this.after.index!.commitments = commitments
  }

  /** Remove the pages of Documents and timelines that are gone, and save the state. Returns how many of each were removed. */
  async finish(): Promise<{ documents: number; initiatives: number }> {
    const removed = { documents: 0, initiatives: 0 }
    for (const id of Object.keys(this.before.pages)) {
      if (id in this.after.pages) continue
      await fs.promises.rm(this.pagePath(id), { force: true })
      removed.documents++
    }
    for (const slug of Object.keys(this.before.initiatives ?? {})) {
      if (slug in this.after.initiatives) continue
      await fs.promises.rm(this.initiativePath(slug), { force: true })
      removed.initiatives++
    }
    await writeFileAtomic(this.file, JSON.stringify(this.after) + '\n')
    return removed
  }
}
