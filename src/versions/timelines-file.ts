/**
 * `DIR/timelines.jsonl`: one line per initiative or organization key, from
 * the folder's `documents.jsonl` read twice as a stream (SPEC §12).
 */
import path from 'node:path'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter } from '../sinks/atomic.js'
import { jsonLines } from './folder.js'
import { TimelineBuilder, type Timeline } from './timelines.js'

export async function buildTimelines(documentsJsonl: string): Promise<Timeline[]> {
  const builder = new TimelineBuilder()
  for await (const document of jsonLines<Document>(documentsJsonl)) builder.learn(document)
  builder.prepare()
  for await (const document of jsonLines<Document>(documentsJsonl)) builder.collect(document)
  return builder.build()
}

export async function writeTimelines(out: string): Promise<Timeline[]> {
  const timelines = await buildTimelines(path.join(out, 'documents.jsonl'))
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
