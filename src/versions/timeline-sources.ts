/**
 * Timelines of Documents that are not in a folder's documents.jsonl: a
 * database's, read back from its rows (SPEC §12: across every Document of
 * a database, which shards of one archive load from several folders). The
 * Documents are read twice, names learned then events collected, and the
 * timelines handed out one event at a time, as `timelines` rows are made.
 */
import type { TimelineEntry } from './timeline-types.js'
import { TimelineBuilder, type TimelineSource } from './timelines.js'

/** `read` starts a new pass over the same Documents, in the same order; `spill`: a folder for a large archive's events. */
export async function* timelineEntriesOf(read: () => AsyncIterable<TimelineSource>, spill?: string): AsyncGenerator<TimelineEntry> {
  const builder = new TimelineBuilder({ spill })
  for await (const source of read()) builder.learn(source)
  builder.prepare()
  for await (const source of read()) builder.collect(source)
  for (const { head, events } of builder.parts()) {
    let ordinal = 0
    for (const event of events) yield { timeline: head, ordinal: ordinal++, event }
  }
}
