/**
 * One run at a time per output folder. Two `extract` runs on one `--out`
 * would race on `documents.jsonl`, the manifest and the database's group
 * transactions; the second one is refused with a message naming the first
 * (its pid and start time), which a lock file in the folder records. A lock
 * left by a run that was killed (its pid is gone) is taken over.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { alive } from './atomic.js'

/** A refusal the CLI reports as a message, not a crash (exit 75, "try again later"). */
export class BusyError extends Error {
  readonly exitCode = 75
}

interface Holder {
  pid: number
  host: string
  started: string
}

export const LOCK_NAME = '.commitments.lock'

/** Take the folder's lock; returns its release. Throws `BusyError` when another live run holds it. */
export function lockOutput(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, LOCK_NAME)
  const me: Holder = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me) + '\n', { flag: 'wx' })
      return () => fs.rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error
    }
    let holder: Holder | undefined
    try {
      holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder
    } catch {
      // Torn or vanished: the holder was killed while writing it, or just finished.
    }
    if (holder && (holder.host !== me.host || alive(holder.pid))) {
      throw new BusyError(`Unexpected second run writing ${dir}: run ${holder.pid} on ${holder.host}, started ${holder.started}, is writing it (${file}); wait for it to finish or use another --out`)
    }
    fs.rmSync(file, { force: true })
  }
}
