/**
 * A pool of worker threads for the CPU work of a batch (parsing and the
 * language rules), one per core by default. The main thread keeps the
 * reading and writing. Built for `dist/`; when the project runs from its
 * TypeScript sources (tests, jiti), the workers load them through jiti.
 */
import fs from 'node:fs'
import v8 from 'node:v8'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/schema.js'
import type { InputResult } from './job.js'

interface Pending {
  resolve: (result: InputResult) => void
  reject: (error: Error) => void
}

function spawn(config: ResolvedConfig, cwd: string): Worker {
  const built = new URL('./worker.js', import.meta.url)
  const workerData = { config, cwd }
  if (fs.existsSync(fileURLToPath(built))) return new Worker(built, { workerData })
  const source = fileURLToPath(new URL('./worker.ts', import.meta.url))
  // An eval'd worker resolves bare names from the process's cwd: give jiti's own address.
  const jiti = import.meta.resolve('jiti')
  const boot = `import(${JSON.stringify(jiti)}).then(({ createJiti }) => createJiti(${JSON.stringify(source)}).import(${JSON.stringify(source)}))`
  return new Worker(boot, { eval: true, workerData })
}

/**
 * V8 lets a busy isolate's heap grow to about twice what it keeps alive
 * before collecting; with a worker per core that doubled the peak RSS of a
 * batch. A slower growth (measured: +50% per step) keeps a 2-worker batch
 * near 330 MB instead of 540 MB, for about 10% more time.
 * A young generation twice the default (semi-spaces of 32 MB) halves the
 * scavenges of the parsers' and the tagger's short-lived objects: a
 * 2-worker batch takes about 7% less time and CPU, for about 60 MB more
 * peak RSS, the same at any archive size (bench/README.md). The flags hold
 * for isolates made after they are set: the workers.
 */
const WORKER_HEAP = '--heap-growing-percent=50 --max-semi-space-size=32'

export class WorkerPool {
  private readonly idle: Worker[] = []
  private readonly queue: Array<{ id: number; name: string; bytes: Uint8Array }> = []
  private readonly pending = new Map<number, Pending>()
  private readonly busy = new Map<Worker, number>()
  private readonly workers: Worker[] = []
  private next = 0
  private closing = false

  constructor(
    size: number,
    private readonly config: ResolvedConfig,
    private readonly cwd: string
  ) {
    v8.setFlagsFromString(WORKER_HEAP)
    for (let i = 0; i < size; i++) this.add()
  }

  private add(): void {
    const worker = spawn(this.config, this.cwd)
    worker.on('message', (message: { id: number; result?: InputResult; error?: string }) => {
      const pending = this.pending.get(message.id)
      this.pending.delete(message.id)
      this.busy.delete(worker)
      this.idle.push(worker)
      if (message.error !== undefined) pending?.reject(new Error(message.error))
      else pending?.resolve(message.result!)
      this.dispatch()
    })
    worker.on('error', (error) => {
      // A crashed worker (out of memory on a pathological file) fails the
      // task it held and is replaced; the batch reports it and goes on.
      const id = this.busy.get(worker)
      this.busy.delete(worker)
      this.workers.splice(this.workers.indexOf(worker), 1)
      if (id !== undefined) {
        this.pending.get(id)?.reject(error)
        this.pending.delete(id)
      }
      if (!this.closing) {
        this.add()
        this.dispatch()
      }
    })
    this.workers.push(worker)
    this.idle.push(worker)
  }

  run(name: string, bytes: Uint8Array): Promise<InputResult> {
    const id = this.next++
    return new Promise<InputResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.queue.push({ id, name, bytes })
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!
      const task = this.queue.shift()!
      this.busy.set(worker, task.id)
      // The bytes move to the worker rather than being copied.
      const buffer = task.bytes.buffer.byteLength === task.bytes.byteLength ? [task.bytes.buffer as ArrayBuffer] : []
      worker.postMessage(task, buffer)
    }
  }

  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.workers.map((worker) => worker.terminate()))
  }
}
