/**
 * Messages as plain data, so they cross from a worker thread to the main
 * thread, and back into VFiles for the reporters there. Kept apart from the
 * pipeline so the main thread of a pooled run does not load it.
 */
import type { Point, Position } from 'unist'
import { VFile } from 'vfile'

/** A vfile message as data. */
export interface MessageData {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  fatal: boolean | null | undefined
  place: { start: { line: number; column: number; offset?: number }; end?: { line: number; column: number; offset?: number } } | undefined
}

export function messageData(message: VFile['messages'][number]): MessageData {
  const place = message.place
  const point = (p: { line: number; column: number; offset?: number | undefined }) => (p.offset === undefined ? { line: p.line, column: p.column } : { line: p.line, column: p.column, offset: p.offset })
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    place: place ? ('start' in place ? { start: point(place.start), end: point(place.end) } : { start: point(place) }) : undefined
  }
}

/** A VFile again, for reporters that read VFiles (`formatMessages`). */
export function toVFile(release: { path: string; messages: MessageData[] }, cwd: string): VFile {
  const file = new VFile({ path: release.path, cwd })
  for (const data of release.messages) {
    const place = data.place?.end ? (data.place as Position) : (data.place?.start as Point | undefined)
    const message = file.message(data.reason, { place, ruleId: data.ruleId, source: data.source })
    message.fatal = data.fatal
  }
  return file
}
