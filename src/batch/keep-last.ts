/**
 * documents.jsonl holds one line per release: when a run listed a release
 * twice (a later version in the same run, or the end of the run retyping
 * its names), only its last line is kept.
 *
 * The run knows which Document each line it wrote holds, in order, so the
 * file is cut as bytes, no line decoded or parsed: reading 15 MB of JSON
 * back to find each line's id took about 0.4 s of CPU over 300 releases.
 * A file that does not have one line per id known (which the run does not
 * write) has each line's id read from its JSON instead.
 */
import fs from 'node:fs'
import { writeFileAtomic } from '../sinks/atomic.js'

/** Rewrite `file` keeping, for the ids in `stale`, only their last line; `ids[i]` is the id of line i. */
export async function keepLast(file: string, ids: readonly string[], stale: ReadonlySet<string>): Promise<void> {
  const bytes = await fs.promises.readFile(file)
  // Each line with its newline; a blank line is no line, as for a reader of JSON Lines.
  const lines: Buffer[] = []
  for (let from = 0; from < bytes.length; ) {
    const end = bytes.indexOf(10, from)
    const to = end === -1 ? bytes.length : end
    if (to > from) lines.push(end === -1 ? Buffer.concat([bytes.subarray(from), NEWLINE]) : bytes.subarray(from, to + 1))
    from = to + 1
  }
  const lineIds = lines.length === ids.length ? ids : lines.map((line) => (JSON.parse(line.toString('utf8')) as { id: string }).id)
  const last = new Map<string, number>()
  lineIds.forEach((id, i) => {
    if (stale.has(id)) last.set(id, i)
  })
  await writeFileAtomic(file, Buffer.concat(lines.filter((_, i) => !stale.has(lineIds[i]!) || last.get(lineIds[i]!) === i)))
}

const NEWLINE = Buffer.from('\n')
