/**
 * The resume manifest, `DIR/manifest.jsonl`: one line per input done, with
 * its path, content hash, the pipeline version that read it, and the ids
 * of the Documents it gave. Lines are appended as inputs finish, so a run
 * killed mid-way leaves a record of what is complete; a torn last line is
 * ignored. A re-run skips an input whose path, hash and version match and
 * whose Documents are all on disk.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/schema.js'
import { SCHEMA_VERSION } from '../schema/version.js'
import { writeFileAtomic } from '../sinks/atomic.js'
import { packageVersion } from '../version.js'

export interface ManifestEntry {
  path: string
  sha256: string
  version: string
  documents: string[]
  failures: number
}

/** JSON with keys sorted at every level: the same config hashes the same however it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The package version and a hash of what in the config changes results (lexicons, topics, minWords). */
export function pipelineVersion(config: ResolvedConfig): string {
  const { root: _root, inputs: _inputs, out: _out, concurrency: _concurrency, workers: _workers, maxBytes: _maxBytes, ...relevant } = config
  // The schema version too: a Document of an older contract is extracted again, never listed beside newer ones.
  return `${packageVersion()}+s${SCHEMA_VERSION}+${createHash('sha256').update(canonical(relevant)).digest('hex').slice(0, 8)}`
}

export class Manifest {
  readonly file: string
  private readonly entries = new Map<string, ManifestEntry>()

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'manifest.jsonl')
    if (!fs.existsSync(this.file)) return
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      try {
        const entry = JSON.parse(line) as ManifestEntry
        if (entry && typeof entry.path === 'string') this.entries.set(entry.path, entry)
      } catch {
        // A line torn by a killed run: that input is simply done again.
      }
    }
  }

  /** The entry to reuse for this input, if it is unchanged and complete on disk. */
  reusable(input: string, sha256: string, version: string): ManifestEntry | undefined {
    const entry = this.entries.get(input)
    if (!entry || entry.sha256 !== sha256 || entry.version !== version || entry.failures > 0) return undefined
    const complete = entry.documents.every((id) => fs.existsSync(path.join(this.dir, 'documents', `${id}.json`)))
    return complete ? entry : undefined
  }

  /** Record an input as done, durably, before the next one is written. */
  append(entry: ManifestEntry): void {
    this.entries.set(entry.path, entry)
    fs.mkdirSync(this.dir, { recursive: true })
    fs.appendFileSync(this.file, JSON.stringify(entry) + '\n')
  }

  /** Rewrite the manifest with one line per input (the appends repeat inputs run again). */
  async compact(): Promise<void> {
    const lines = [...this.entries.values()].map((entry) => JSON.stringify(entry))
    await writeFileAtomic(this.file, lines.length > 0 ? lines.join('\n') + '\n' : '')
  }
}
