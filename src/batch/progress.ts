/**
 * Progress of a batch on stderr: a bar with rate and ETA on a terminal,
 * a plain line every few seconds otherwise (CI logs), nothing with
 * `--quiet`.
 */
export interface ProgressOptions {
  total: number
  stream?: NodeJS.WriteStream
  quiet?: boolean
  /** Seconds between plain lines when not on a terminal. */
  every?: number
}

const duration = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '?'
  const s = Math.round(seconds)
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`
}

export class Progress {
  private done = 0
  private readonly started = performance.now()
  private last = 0
  private readonly stream: NodeJS.WriteStream
  private readonly tty: boolean

  constructor(private readonly options: ProgressOptions) {
    this.stream = options.stream ?? process.stderr
    this.tty = Boolean(this.stream.isTTY)
  }

  tick(count = 1): void {
    this.done += count
    if (this.options.quiet) return
    const now = performance.now()
    const gap = this.tty ? 100 : (this.options.every ?? 5) * 1000
    if (now - this.last < gap && this.done < this.options.total) return
    this.last = now
    this.stream.write(this.tty ? `\r${this.line()}\u001b[K` : `${this.line()}\n`)
  }

  /** The bar's line: done/total, rate, ETA. */
  line(): string {
    const elapsed = (performance.now() - this.started) / 1000
    const rate = elapsed > 0 ? this.done / elapsed : 0
    const total = Math.max(this.options.total, 1)
    const eta = rate > 0 ? (this.options.total - this.done) / rate : Infinity
    const text = `${this.done}/${this.options.total} inputs  ${rate.toFixed(1)}/s  ETA ${duration(eta)}`
    if (!this.tty) return `extract: ${text}`
    const width = 24
    const filled = Math.round((this.done / total) * width)
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`
  }

  end(): void {
    if (!this.options.quiet && this.tty) this.stream.write('\r\u001b[K')
  }
}
