/**
 * Where Documents go besides the JSON files: a database, a CSV file. The
 * batch hands every Document (new or reused) to every sink, in input order.
 */
import type { Document } from '../schema/document.js'
import type { TimelineEntry } from '../versions/timeline-types.js'

/**
 * What a database did with a Document: a new release, the same content
 * stored again (a newer pipeline), nothing, or a new version of a release
 * it held (the earlier one kept, SPEC §11).
 */
export type WriteOutcome = 'inserted' | 'replaced' | 'unchanged' | 'versioned' | 'written'

export interface DocumentSink {
  /** A short name for reports: `sqlite:output/commitments.db`, `postgres`, `csv`. */
  readonly name: string
  /** `json`: the Document's compact JSON, when the caller already has it. */
  write(document: Document, json?: string): Promise<WriteOutcome>
  /**
   * Store again a Document this run already wrote, in place of what was
   * written (the end of a run retyping names it learned later). Without
   * it, `write` is called: a database replaces a Document by its id.
   */
  replace?(document: Document, json?: string): Promise<void>
  /** Commit what is written so far (before documents.jsonl is published). */
  flush?(): Promise<void>
  /**
   * Replace the initiative timelines (databases only) with `entries`, the
   * folder's, read one event at a time (`timeline-reader.ts`). When the
   * database holds Documents the folder does not list (`others.listed`:
   * other shards', other folders'), they are built from everything it
   * holds instead (SPEC §12), `others.spill` taking a large archive's events.
   */
  timelines?(entries: AsyncIterable<TimelineEntry> | Iterable<TimelineEntry>, others?: { listed: (id: string) => boolean; spill?: string }): Promise<void>
  /** Finish: commit, flush, rename into place. */
  close(): Promise<void>
  /** Give up after an error: nothing half-written is left behind. */
  abort(): Promise<void>
}
