/**
 * The index's commitment rows as the JSON of its data block, escaped for
 * the page (`jsonForScript`), without the brackets: in memory for a small
 * report, or in a temporary file beside the report for an archive's, so
 * that building it holds no more than a few thousand rows (at 150,000
 * commitments the rows were some 120 MB of live heap, and about 700 MB of
 * heap by the time V8 collected them). Escaping a row alone escapes it as
 * in the whole: the escape maps each character by itself.
 */
import fs from 'node:fs'
import path from 'node:path'
import { drained, tempName } from '../sinks/atomic.js'
import { jsonForScript } from './escape.js'

/** [document, class, verb, section, label, text, topics, entities, unit (-1: none), actor (-1: none), commitment id]; verbs and sections by number, as they repeat. */
export type CommitmentRow = [number, number, number, number, string, string, number[], number[], number, number, string]

/** Rows per piece, in memory; bytes per write, spilled. */
const ROWS_PER_PIECE = 2000
const WRITE_AFTER = 1 << 20

export interface IndexRows {
  push(row: CommitmentRow): void
  /** Let the rows pushed so far go to disk (a spilled store); call between Documents. */
  flush(): Promise<void>
  /** The rows' JSON, comma-joined, in pieces; then the store is done with (a spilled one's file removed). */
  pieces(): AsyncGenerator<string | Buffer>
  /** Give up: a spilled store's file removed. */
  discard(): Promise<void>
}

export class MemoryRows implements IndexRows {
  readonly rows: CommitmentRow[] = []
  push(row: CommitmentRow): void {
    this.rows.push(row)
  }
  async flush(): Promise<void> {}
  async *pieces(): AsyncGenerator<string> {
    for (let i = 0; i < this.rows.length; i += ROWS_PER_PIECE) yield (i > 0 ? ',' : '') + jsonForScript(this.rows.slice(i, i + ROWS_PER_PIECE)).slice(1, -1)
  }
  async discard(): Promise<void> {}
}

/** Rows in a temporary file of `dir` (a killed build's is removed by the next: `removeStaleTemps`). */
export class SpilledRows implements IndexRows {
  private readonly file: string
  private readonly stream: fs.WriteStream
  private pending = ''
  private count = 0
  private failure: Error | undefined

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true })
    this.file = tempName(path.join(dir, 'index-rows'))
    this.stream = fs.createWriteStream(this.file)
    this.stream.on('error', (error) => (this.failure ??= error))
  }

  push(row: CommitmentRow): void {
    this.pending += (this.count++ > 0 ? ',' : '') + jsonForScript(row)
  }

  async flush(force = false): Promise<void> {
    if (this.failure) throw this.failure
    if (this.pending.length < WRITE_AFTER && !force) return
    const ok = this.stream.write(this.pending)
    this.pending = ''
    if (!ok) await drained(this.stream)
    if (this.failure) throw this.failure
  }

  async *pieces(): AsyncGenerator<Buffer> {
    await this.flush(true)
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
    try {
      for await (const chunk of fs.createReadStream(this.file, { highWaterMark: WRITE_AFTER }) as AsyncIterable<Buffer>) yield chunk
    } finally {
      await fs.promises.rm(this.file, { force: true })
    }
  }

  async discard(): Promise<void> {
    this.stream.destroy()
    await fs.promises.rm(this.file, { force: true })
  }
}
