/**
 * `DIR/timelines.jsonl`: one line per initiative or organization key, from
 * the folder's `documents.jsonl` read as a stream (SPEC §12): twice, or
 * once when the run has already shown every Document to `learn`.
 */
import path from 'node:path'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter } from '../sinks/atomic.js'
import { jsonLines } from './folder.js'
import { TimelineBuilder, type Timeline } from './timelines.js'

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
 * `DIR/timelines.jsonl`, written as the timelines are made, one at a time
 * (their events may wait on disk: TimelineBuilder's `spill`); returns how
 * many. Read it back with `readTimelines` or, one at a time, `jsonLines`.
 */
export async function writeTimelines(out: string, learned?: TimelineBuilder): Promise<number> {
  const builder = await collected(path.join(out, 'documents.jsonl'), learned ?? new TimelineBuilder({ spill: out }), learned !== undefined)
  const writer = new AtomicLineWriter(path.join(out, 'timelines.jsonl'))
  let count = 0
  try {
    for (const timeline of builder.timelines()) {
      await writer.write(JSON.stringify(timeline))
      count++
    }
    await writer.close()
  } catch (error) {
    await writer.abort()
    throw error
  }
  return count
}

export async function readTimelines(out: string): Promise<Timeline[]> {
  const list: Timeline[] = []
  for await (const t of jsonLines<Timeline>(path.join(out, 'timelines.jsonl'))) list.push(t)
  return list
}
