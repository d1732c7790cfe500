/**
 * `DIR/timelines.jsonl`: one line per initiative or organization key, from
 * the folder's `documents.jsonl` read as a stream (SPEC §12): twice, or
 * once when the run has already shown every Document to `learn`.
 */
import path from 'node:path'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter } from '../sinks/atomic.js'
import { jsonLines } from './folder.js'
import type { Timeline, TimelineParts } from './timeline-types.js'
import { TimelineBuilder } from './timelines.js'

/** Events per write: a few hundred make a write of some 100 KB. */
const EVENTS_PER_WRITE = 256

/** A builder that has read the folder's Documents twice (once, when `learned` already saw them as the run wrote them). */
async function collected(documentsJsonl: string, builder: TimelineBuilder, learned: boolean): Promise<TimelineBuilder> {
  if (!learned) for await (const document of jsonLines<Document>(documentsJsonl)) builder.learn(document)
  builder.prepare()
  for await (const document of jsonLines<Document>(documentsJsonl)) builder.collect(document)
  return builder
}

export async function buildTimelines(documentsJsonl: string, learned?: TimelineBuilder): Promise<Timeline[]> {
  return (await collected(documentsJsonl, learned ?? new TimelineBuilder(), learned !== undefined)).build()
}

/**
 * `DIR/timelines.jsonl`, written as the timelines are made, one at a time,
 * each line in pieces (their events may wait on disk: TimelineBuilder's
 * `spill`); returns how many. Read it back with `readTimelines` or, one
 * event at a time, `timelineEntries` (timeline-reader.ts).
 */
export async function writeTimelines(out: string, learned?: TimelineBuilder): Promise<number> {
  const builder = await collected(path.join(out, 'documents.jsonl'), learned ?? new TimelineBuilder({ spill: out }), learned !== undefined)
  const writer = new AtomicLineWriter(path.join(out, 'timelines.jsonl'))
  let count = 0
  try {
    for (const timeline of builder.parts()) {
      await writeTimeline(writer, timeline)
      count++
    }
    await writer.close()
  } catch (error) {
    await writer.abort()
    throw error
  }
  return count
}

/**
 * One timeline's line, `JSON.stringify(timeline)` to the byte, written in
 * pieces: its head up to `"events":[`, its events a few hundred at a time
 * as they come, then `]}` (the largest key's line is 22 MB at 5,000 releases).
 */
export async function writeTimeline(writer: AtomicLineWriter, { head, events }: TimelineParts): Promise<void> {
  // Events last, as in a Timeline: the head's JSON ends `"events":[]}`.
  let piece = JSON.stringify({ ...head, events: [] }).slice(0, -2)
  let pending = 0
  let comma = ''
  for (const event of events) {
    piece += comma + JSON.stringify(event)
    comma = ','
    if (++pending >= EVENTS_PER_WRITE) {
      await writer.writeBytes(piece)
      piece = ''
      pending = 0
    }
  }
  await writer.writeBytes(piece + ']}\n')
}

export async function readTimelines(out: string): Promise<Timeline[]> {
  const list: Timeline[] = []
  for await (const t of jsonLines<Timeline>(path.join(out, 'timelines.jsonl'))) list.push(t)
  return list
}
