/**
 * documents.jsonl holds one line per release: when a run listed a release
 * twice (a later version in the same run, or the end of the run retyping
 * its names), only its last line is kept.
 *
 * The file is read and written as a stream of byte lines, so memory stays
 * flat whatever the archive's size (the file is about 50 KB per release).
 * The run knows which Document each line it wrote holds, in order, so no
 * line is decoded or parsed: reading 15 MB of JSON back to find each
 * line's id took about 0.4 s of CPU over 300 releases. A file that does not
 * have one line per id known (which the run does not write) has each
 * line's id read from its JSON instead.
 */
import { AtomicLineWriter } from '../sinks/atomic.js'
import { byteLines } from '../sinks/byte-lines.js'

/** Rewrite `file` keeping, for the ids in `stale`, only their last line; `ids[i]` is the id of line i. */
export async function keepLast(file: string, ids: readonly string[], stale: ReadonlySet<string>): Promise<void> {
  if (await rewrite(file, ids, stale)) return
  const read: string[] = []
  for await (const line of byteLines(file)) read.push((JSON.parse(line.toString('utf8')) as { id: string }).id)
  await rewrite(file, read, stale)
}

/** The rewrite, in one pass over the file; false, the file left as it was, when `ids` is not one id per line. */
async function rewrite(file: string, ids: readonly string[], stale: ReadonlySet<string>): Promise<boolean> {
  const last = new Map<string, number>()
  ids.forEach((id, i) => {
    if (stale.has(id)) last.set(id, i)
  })
  const writer = new AtomicLineWriter(file)
  try {
    let i = 0
    let more = false
    for await (const line of byteLines(file)) {
      if ((more = i === ids.length)) break
      const id = ids[i]!
      if (!stale.has(id) || last.get(id) === i) await writer.writeBytes(line)
      i++
    }
    if (!more && i === ids.length) {
      await writer.close()
      return true
    }
    await writer.abort()
    return false
  } catch (error) {
    await writer.abort()
    throw error
  }
}
