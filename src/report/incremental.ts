/**
 * Incremental builds: `report/.pages.json` records, for each document page,
 * a hash of what it was built from (the Document's JSON line, the pipeline
 * version that reads its source again, and the report's own version). A
 * page whose hash is unchanged and whose file is there is kept as it is;
 * pages of Documents no longer in `documents.jsonl` are removed. So a
 * resumed archive run rebuilds only the pages of what changed.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../sinks/atomic.js'

/** Bump when the page builders change what they write. */
export const REPORT_VERSION = '2'

export class PageState {
  private readonly file: string
  private readonly before: Record<string, string>
  private readonly after: Record<string, string> = {}

  constructor(private readonly dir: string, private readonly version: string) {
    this.file = path.join(dir, '.pages.json')
    let before: Record<string, string> = {}
    try {
      before = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>
    } catch {
      // No state (first build, or written by an older version): every page is built.
    }
    this.before = before
  }

  /** The key of a page built from `input` (the Document's JSON). */
  key(input: string): string {
    return createHash('sha256').update(`${REPORT_VERSION}\n${this.version}\n${input}`).digest('hex')
  }

  /** Whether the page of `id` is current for `key`; either way it is recorded as current after this build. */
  fresh(id: string, key: string): boolean {
    this.after[id] = key
    return this.before[id] === key && fs.existsSync(this.pagePath(id))
  }

  pagePath(id: string): string {
    return path.join(this.dir, 'documents', `${id}.html`)
  }

  /** Remove the pages of Documents that are gone, and save the state. Returns how many were removed. */
  async finish(): Promise<number> {
    let removed = 0
    for (const id of Object.keys(this.before)) {
      if (id in this.after) continue
      await fs.promises.rm(this.pagePath(id), { force: true })
      removed++
    }
    await writeFileAtomic(this.file, JSON.stringify(this.after) + '\n')
    return removed
  }
}
