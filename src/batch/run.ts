/**
 * A batch run of `extract`: read inputs (p-limit bounds the reads in
 * flight), process each into a Document, write them in input order. One
 * bad file becomes fatal messages on its VFile; the batch goes on.
 */
import fs from 'node:fs'
import path from 'node:path'
import pLimit from 'p-limit'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/schema.js'
import { processFile, readDocuments } from '../pipeline.js'
import { readBytes, unreadable } from '../stages/read.js'
import { JsonSink } from '../sinks/jsonl.js'
import { resolveInputs } from './inputs.js'

export interface RunOptions {
  inputs: string[]
  out: string
  config: ResolvedConfig
  cwd?: string
  /** Reads standard input for `-` (default: process.stdin). */
  stdin?: () => Promise<Uint8Array>
  /** Called with each file once it is done, in input order. */
  onFile?: (file: VFile) => void
}

export interface RunSummary {
  documents: number
  commitments: number
  warnings: number
  failures: number
  files: VFile[]
  skipped: Array<{ input: string; reason: string }>
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function runExtract(options: RunOptions): Promise<RunSummary> {
  const cwd = options.cwd ?? process.cwd()
  const { files, skipped } = await resolveInputs(options.inputs, cwd)
  const limit = pLimit(options.config.concurrency)
  const reads = files.map((name) =>
    limit(async () => {
      if (name === '-') return { name: 'stdin', bytes: await (options.stdin ?? readStdin)() }
      try {
        return { name, bytes: new Uint8Array(await fs.promises.readFile(path.resolve(cwd, name))) }
      } catch (error) {
        return { name, error: error as NodeJS.ErrnoException }
      }
    })
  )
  const sink = new JsonSink(path.resolve(cwd, options.out))
  const summary: RunSummary = { documents: 0, commitments: 0, warnings: 0, failures: 0, files: [], skipped }
  try {
    for (const pending of reads) {
      const read = await pending
      const input =
        'error' in read && read.error
          ? unreadable(read.name, `Cannot read file: ${read.error.code ?? read.error.message}`, undefined, cwd)
          : readBytes(read.bytes!, read.name, cwd)
      // An archive of records is many releases; anything else is one.
      for (const file of readDocuments(input)) {
        const document = await processFile(file, options.config)
        if (document) {
          await sink.write(document)
          summary.documents++
          summary.commitments += document.commitments.length
        } else summary.failures++
        summary.warnings += file.messages.filter((m) => !m.fatal).length
        summary.files.push(file)
        options.onFile?.(file)
      }
    }
    await sink.close()
  } catch (error) {
    await sink.abort()
    throw error
  }
  return summary
}
