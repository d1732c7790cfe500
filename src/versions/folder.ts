/**
 * Versions in an output folder (SPEC §11). The current version of each
 * release is `documents/<id>.json`; every earlier one is kept, written once
 * and never changed, as `versions/<id>/<n>.json`. `versions.jsonl` lists
 * every version (id, version, sha256, modifiedAt, seenAt) and
 * `revisions.jsonl` what changed between consecutive ones. Both are
 * appended to as versions arrive, like the manifest, so a run killed
 * mid-way keeps what it recorded; a torn last line is ignored and a
 * repeated one counts once. A folder made before versions existed gets its
 * `documents/*.json` as version 1.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Document } from '../schema/document.js'
import { writeFileAtomic } from '../sinks/atomic.js'
import { byteLines } from '../sinks/byte-lines.js'
import { isEmpty, revision, type Revision } from './revision.js'

export interface VersionEntry {
  id: string
  version: number
  sha256: string
  modifiedAt: string | null
  seenAt: string
}

/** What the folder did with a Document: a first or later version, the current content again, or an earlier content again (kept as it is). */
export type Accepted = { kind: 'new'; version: number; revision?: Revision } | { kind: 'same'; version: number } | { kind: 'earlier'; version: number; current: number }

/** The objects of a JSON Lines file, a torn or empty line skipped. */
export async function* jsonLines<T>(file: string): AsyncGenerator<T> {
  if (!fs.existsSync(file)) return
  for await (const line of byteLines(file)) {
    try {
      yield JSON.parse(line.toString('utf8')) as T
    } catch {
      // A line torn by a killed run.
    }
  }
}

export const documentFile = (out: string, id: string) => path.join(out, 'documents', `${id}.json`)
export const versionFile = (out: string, id: string, version: number) => path.join(out, 'versions', id, `${version}.json`)

/** A release's versions as held in memory, `1:SHA256 2:SHA256` (oldest first), as objects. */
const held = (list: string | undefined) =>
  (list?.split(' ') ?? []).map((v) => ({ version: Number(v.slice(0, v.indexOf(':'))), sha256: v.slice(v.indexOf(':') + 1) }))

/** Whether a file ends mid-line: a killed run's torn last line. */
function endsMidLine(file: string): boolean {
  const { size } = fs.statSync(file)
  if (size === 0) return false
  const last = Buffer.alloc(1)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, last, 0, 1, size - 1)
  } finally {
    fs.closeSync(fd)
  }
  return last[0] !== 10
}

/** `versions.jsonl` as a map of release id to its versions, oldest first, each version once (its first line): as written, appends repeated. */
export async function readVersions(out: string): Promise<Map<string, VersionEntry[]>> {
  const versions = new Map<string, VersionEntry[]>()
  for await (const entry of jsonLines<VersionEntry>(path.join(out, 'versions.jsonl'))) {
    const list = versions.get(entry.id)
    if (!list) versions.set(entry.id, [entry])
    else if (!list.some((v) => v.version === entry.version)) list.push(entry)
  }
  for (const list of versions.values()) list.sort((a, b) => a.version - b.version)
  return versions
}

export class FolderVersions {
  /**
   * Every version of every release in the folder, as its number and hash:
   * all `accept` compares. The rest of an entry (dates) is on disk only,
   * in versions.jsonl (`readVersions`): as objects, an archive's entries
   * were some 300 bytes a release held to the end of a run.
   */
  private readonly versions = new Map<string, string>()
  private readonly index: string
  private readonly revisions: string
  /** The index ends mid-line (a killed run): the next append starts a line of its own. */
  private torn = false

  private constructor(readonly out: string) {
    this.index = path.join(out, 'versions.jsonl')
    this.revisions = path.join(out, 'revisions.jsonl')
  }

  /** `readOnly` for readers (diff, report): a folder from before versions is adopted in memory only. */
  static async open(out: string, options: { readOnly?: boolean } = {}): Promise<FolderVersions> {
    const folder = new FolderVersions(out)
    if (fs.existsSync(folder.index)) {
      for await (const entry of jsonLines<VersionEntry>(folder.index)) folder.remember(entry)
      folder.torn = endsMidLine(folder.index)
    } else {
      await folder.adopt(options.readOnly === true)
    }
    return folder
  }

  private remember(entry: VersionEntry): void {
    const list = held(this.versions.get(entry.id))
    if (list.some((v) => v.version === entry.version)) return
    list.push(entry)
    this.versions.set(entry.id, list.sort((a, b) => a.version - b.version).map((v) => `${v.version}:${v.sha256}`).join(' '))
  }

  /** A folder written before versions: its Documents become version 1, seen when their file was written. */
  private async adopt(readOnly: boolean): Promise<void> {
    const dir = path.join(this.out, 'documents')
    if (!fs.existsSync(dir)) return
    const lines: string[] = []
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(dir, name)
      try {
        const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Document
        const entry: VersionEntry = { id: document.id, version: 1, sha256: document.source.sha256, modifiedAt: document.modifiedAt ?? null, seenAt: fs.statSync(file).mtime.toISOString() }
        this.remember(entry)
        lines.push(JSON.stringify(entry))
      } catch {
        // Not a Document: left alone.
      }
    }
    if (lines.length > 0 && !readOnly) await writeFileAtomic(this.index, lines.join('\n') + '\n')
  }

  /** The ids of the releases in the folder, in the order they came. */
  ids(): IterableIterator<string> {
    return this.versions.keys()
  }

  /** A release's current version: its number and hash. */
  current(id: string): { version: number; sha256: string } | undefined {
    return held(this.versions.get(id)).pop()
  }

  /** Store a Document as its release's current version, keeping the one it replaces. */
  async accept(document: Document, pretty = JSON.stringify(document, null, 2) + '\n'): Promise<Accepted> {
    const list = held(this.versions.get(document.id))
    const current = list[list.length - 1]
    const sha256 = document.source.sha256
    if (current?.sha256 === sha256) {
      // The same content, read again (perhaps by a newer pipeline): the current file is refreshed.
      await writeFileAtomic(documentFile(this.out, document.id), pretty)
      return { kind: 'same', version: current.version }
    }
    const earlier = list.find((v) => v.sha256 === sha256)
    if (earlier && current) return { kind: 'earlier', version: earlier.version, current: current.version }
    const entry: VersionEntry = { id: document.id, version: (current?.version ?? 0) + 1, sha256, modifiedAt: document.modifiedAt ?? null, seenAt: new Date().toISOString() }
    let change: Revision | undefined
    if (current) {
      // The version being replaced is copied first, once: a resumed run never overwrites it.
      const kept = versionFile(this.out, document.id, current.version)
      if (!fs.existsSync(kept)) {
        fs.mkdirSync(path.dirname(kept), { recursive: true })
        fs.copyFileSync(documentFile(this.out, document.id), kept)
      }
      const previous = JSON.parse(fs.readFileSync(kept, 'utf8')) as Document
      change = revision(previous, document, { from: current.version, to: entry.version })
      fs.appendFileSync(this.revisions, JSON.stringify({ ...change, seenAt: entry.seenAt }) + '\n')
    }
    await writeFileAtomic(documentFile(this.out, document.id), pretty)
    fs.mkdirSync(this.out, { recursive: true })
    fs.appendFileSync(this.index, (this.torn ? '\n' : '') + JSON.stringify(entry) + '\n')
    this.torn = false
    this.remember(entry)
    return change && !isEmpty(change) ? { kind: 'new', version: entry.version, revision: change } : { kind: 'new', version: entry.version }
  }

  /** Rewrite the index with one line per version (appends may repeat one), read back from it: it holds every version remembered. */
  async compact(): Promise<void> {
    const lines = [...(await readVersions(this.out)).values()].flat().map((entry) => JSON.stringify(entry))
    await writeFileAtomic(this.index, lines.length > 0 ? lines.join('\n') + '\n' : '')
  }

  /** A stored version of a release: `version` undefined for the current one. */
  read(id: string, version?: number): Document | undefined {
    const current = this.current(id)
    const file = version === undefined || version === current?.version ? documentFile(this.out, id) : versionFile(this.out, id, version)
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Document) : undefined
  }
}

/** The revisions of a folder, one per (release, version), in the order they were made. */
export async function readRevisions(out: string): Promise<Array<Revision & { seenAt?: string }>> {
  const byKey = new Map<string, Revision & { seenAt?: string }>()
  for await (const r of jsonLines<Revision & { seenAt?: string }>(path.join(out, 'revisions.jsonl'))) byKey.set(`${r.id}\u0000${r.to.version}`, r)
  return [...byKey.values()]
}
