/**
 * One input of a batch, start to finish: bytes in, its releases out (one,
 * or one per record of an archive), each with its Document or its fatal
 * messages. The same function runs in a worker thread or in the main
 * thread; its result is plain data, so it crosses threads as it is.
 */
import type { ResolvedConfig } from '../config/schema.js'
import { processFile, readDocuments } from '../pipeline.js'
import type { Document } from '../schema/document.js'
import { readBytes } from '../stages/input/read.js'
import { messageData, type MessageData } from './messages.js'

export interface ReleaseResult {
  /** The VFile path: the input's, or `archive.jsonl#L<line>` for a record. */
  path: string
  document: Document | undefined
  /** The Document as compact and as pretty JSON, made where the work is (a worker thread). */
  json?: string
  pretty?: string
  messages: MessageData[]
}

export interface InputResult {
  name: string
  sha256: string
  releases: ReleaseResult[]
}

export async function runJob(name: string, bytes: Uint8Array, cwd: string, config: ResolvedConfig): Promise<InputResult> {
  const input = readBytes(bytes, name, cwd)
  const releases: ReleaseResult[] = []
  for (const file of readDocuments(input)) {
    const document = await processFile(file, config)
    const release: ReleaseResult = { path: file.path, document, messages: file.messages.map(messageData) }
    if (document) {
      release.json = JSON.stringify(document)
      release.pretty = JSON.stringify(document, null, 2) + '\n'
    }
    releases.push(release)
  }
  return { name, sha256: input.data.sha256 ?? '', releases }
}
