/**
 * Atomic writes: write a temporary file beside the target, then rename, so
 * a reader (or a run killed mid-way) never sees half a file.
 */
import fs from 'node:fs'
import path from 'node:path'

let counter = 0
export const tempName = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${counter++}.tmp`)

/** Folders this process has made: a batch writes thousands of files into one, and asks once. */
const made = new Set<string>()

export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(target)
  if (!made.has(dir)) {
    await fs.promises.mkdir(dir, { recursive: true })
    made.add(dir)
  }
  const temp = tempName(target)
  try {
    await fs.promises.writeFile(temp, data)
    await fs.promises.rename(temp, target)
  } catch (error) {
    await fs.promises.rm(temp, { force: true })
    // The folder was removed since it was made (a test's cleanup, a user): make it again, once.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && made.delete(dir)) return writeFileAtomic(target, data)
    throw error
  }
}

/** Wait until a stream takes more writes, or has failed. */
export const drained = (stream: NodeJS.WritableStream) =>
  new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done)
      stream.off('error', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('error', done)
  })

/** Where lines go: a file renamed into place at the end, or standard output. */
export interface LineWriter {
  write(line: string): Promise<void>
  close(): Promise<void>
  abort(): Promise<void>
}

/** A file written line by line to a temporary path and renamed into place on `close()`. */
export class AtomicLineWriter implements LineWriter {
  private readonly temp: string
  private readonly stream: fs.WriteStream
  /** A write error (disk full, file system gone read-only): the next call throws it rather than the process dying. */
  private failure: Error | undefined

  constructor(readonly target: string) {
    fs.mkdirSync(path.dirname(target), { recursive: true })
    this.temp = tempName(target)
    this.stream = fs.createWriteStream(this.temp)
    this.stream.on('error', (error) => (this.failure ??= error))
  }

  async write(line: string): Promise<void> {
    return this.writeBytes(line + '\n')
  }

  /** Lines already encoded, newlines included (a file's lines copied as they are). */
  async writeBytes(lines: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure
    if (!this.stream.write(lines)) {
      await drained(this.stream)
      if (this.failure) throw this.failure
    }
  }

  /** Finish and rename into place; `rewrite` may first make the finished temporary file anew (it gets its path). */
  async close(rewrite?: (temp: string) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure
    await new Promise<void>((resolve, reject) => this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
    if (this.failure) throw this.failure
    await rewrite?.(this.temp)
    await fs.promises.rename(this.temp, this.target)
  }

  async abort(): Promise<void> {
    this.stream.destroy()
    await fs.promises.rm(this.temp, { force: true })
  }
}

/** Whether a process is still running (a temp file of a live run is not stale). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Remove temporary files a killed run left in `dir` (never a finished file). */
export async function removeStaleTemps(dir: string): Promise<number> {
  let removed = 0
  let names: string[]
  try {
    names = await fs.promises.readdir(dir)
  } catch {
    return 0
  }
  for (const name of names) {
    const match = /^\..+\.(\d+)\.\d+\.tmp$/.exec(name)
    if (!match || alive(Number(match[1]))) continue
    await fs.promises.rm(path.join(dir, name), { force: true })
    removed++
  }
  return removed
}
