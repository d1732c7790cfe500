/**
 * `--out -`: Documents as JSON Lines on standard output, for `jq` and
 * database loaders. A reader that stops early (`| head -1`) closes the
 * pipe: the lines after that are dropped quietly, not an error.
 */
import { drained, type LineWriter } from './atomic.js'

export class StreamLineWriter implements LineWriter {
  private closed = false
  private failure: Error | undefined

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.closed = true
      else this.failure ??= error
    })
  }

  async write(line: string): Promise<void> {
    if (this.failure) throw this.failure
    if (this.closed) return
    if (!this.stream.write(line + '\n')) await drained(this.stream)
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure
  }

  async abort(): Promise<void> {}
}
