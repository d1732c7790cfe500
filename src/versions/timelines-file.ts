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

export async function buildTimelines(documentsJsonl: string, learned?: TimelineBuilder): Promise<Timeline[]> {
  const builder = learned ?? new TimelineBuilder()
  if (!learned) for await (const document of jsonLines<Document>(documentsJsonl)) builder.learn(document)
  builder.prepare()
  for await (const document of jsonLines<Document>(documentsJsonl)) builder.collect(document)
  return builder.build()
}

export async function writeTimelines(out: string, learned?: TimelineBuilder): Promise<Timeline[]> {
  const timelines = await buildTimelines(path.join(out, 'documents.jsonl'), learned)
  const writer = new AtomicLineWriter(path.join(out, 'timelines.jsonl'))
  for (const timeline of timelines) await writer.write(JSON.stringify(timeline))
  await writer.close()
  return timelines
}

export async function readTimelines(out: string): Promise<Timeline[]> {
  const list: Timeline[] = []
  for await (const t of jsonLines<Timeline>(path.join(out, 'timelines.jsonl'))) list.push(t)
  return list
}
