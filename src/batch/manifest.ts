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

/** A 32-bit hash of a path (FNV-1a): what the manifest keeps in memory of each input this run added. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return hash | 0
}

/** The entries of manifest text, each line parsed; a torn line skipped. */
function* parsed(text: string): Generator<ManifestEntry> {
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as ManifestEntry
      if (entry && typeof entry.path === 'string') yield entry
    } catch {
      // A line torn by a killed run: that input is simply done again.
    }
  }
}

export class Manifest {
  readonly file: string
  /** The entries the file held when opened: what a re-run reuses. */
  private readonly entries = new Map<string, ManifestEntry>()
  /**
   * Hashes of the paths this run added: their entries are on disk only
   * (some 250 bytes each in memory, 1.2 MB over 5,000 releases, were
   * most of what a run held per release). A hash found is read back.
   */
  private readonly added = new Set<number>()
  /** The file ends mid-line (a killed run): the next append starts a line of its own. */
  private torn = false

  constructor(readonly dir: string) {
    this.file = path.join(dir, 'manifest.jsonl')
    if (!fs.existsSync(this.file)) return
    const text = fs.readFileSync(this.file, 'utf8')
    this.torn = text.length > 0 && !text.endsWith('\n')
    for (const entry of parsed(text)) this.entries.set(entry.path, entry)
  }

  /** The entry to reuse for this input, if it is unchanged and complete on disk. */
  reusable(input: string, sha256: string, version: string): ManifestEntry | undefined {
    const entry = this.entries.get(input) ?? (this.added.has(hashOf(input)) ? this.lastOnDisk(input) : undefined)
    if (!entry || entry.sha256 !== sha256 || entry.version !== version || entry.failures > 0) return undefined
    const complete = entry.documents.every((id) => fs.existsSync(path.join(this.dir, 'documents', `${id}.json`)))
    return complete ? entry : undefined
  }

  private lastOnDisk(input: string): ManifestEntry | undefined {
    let last: ManifestEntry | undefined
    for (const entry of parsed(fs.readFileSync(this.file, 'utf8'))) if (entry.path === input) last = entry
    return last
  }

  /** Record an input as done, durably, before the next one is written. */
  append(entry: ManifestEntry): void {
    if (this.entries.has(entry.path)) this.entries.set(entry.path, entry)
    else this.added.add(hashOf(entry.path))
    fs.mkdirSync(this.dir, { recursive: true })
    fs.appendFileSync(this.file, (this.torn ? '\n' : '') + JSON.stringify(entry) + '\n')
    this.torn = false
  }

  /** Rewrite the manifest with one line per input, its last, in the order inputs first came (the appends repeat inputs run again). */
  async compact(): Promise<void> {
    // Read back: the file holds what was opened and every append since.
    const last = new Map<string, string>()
    if (fs.existsSync(this.file)) for (const entry of parsed(fs.readFileSync(this.file, 'utf8'))) last.set(entry.path, JSON.stringify(entry))
    const lines = [...last.values()]
    await writeFileAtomic(this.file, lines.length > 0 ? lines.join('\n') + '\n' : '')
  }
}
