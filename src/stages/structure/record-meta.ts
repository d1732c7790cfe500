/**
 * Stage: record metadata (SPEC §2). What a `.jsonl` record says of its
 * release (`url`, `title`, `date`) outranks what its content says.
 */
import type { Nodes } from 'hast'
import type { VFile } from 'vfile'
import { hasFatal } from '../guard.js'

export default function recordMeta() {
  return (_tree: Nodes, file: VFile) => {
    const record = file.data.record
    if (hasFatal(file) || !record) return
    const meta = file.data.meta ?? { title: null, date: null, tags: [] }
    file.data.meta = { ...meta, ...record.meta }
  }
}
