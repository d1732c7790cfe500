/**
 * A batch run of `extract`. Inputs are read in the main thread (p-limit
 * bounds the reads in flight), their CPU work goes to a pool of worker
 * threads, and the results are written in input order as they come in:
 *
 * - `documents/<id>.json`, each written to a temporary file and renamed;
 * - `documents.jsonl` and `errors.jsonl`, streamed to temporary files and
 *   renamed at the end, so a reader never sees half of either;
 * - `manifest.jsonl`, one line appended per finished input: what a re-run
 *   skips (unchanged path, hash and pipeline version) and what a run killed
 *   mid-way had completed;
 * - the sinks: a database (SQLite `commitments.db` by default, or
 *   PostgreSQL), one transaction per Document, and `commitments.csv`;
 * - versions (SPEC §11): a release whose content changed keeps its earlier
 *   versions under `versions/`, listed in `versions.jsonl`, with what
 *   changed in `revisions.jsonl` (src/versions/folder.ts).
 *
 * A folder is the union of everything extracted into it: `documents.jsonl`
 * holds the current version of every release in the folder, from this run
 * or an earlier one, each once; `timelines.jsonl` is built from it.
 *
 * At most `window` inputs are between read and written, so memory stays
 * flat whatever the archive's size. One bad input becomes messages on its
 * own results; the batch goes on.
 *
 * Over 250 lines: one run's life — open every output, stream in order,
 * publish in the order that keeps them agreeing (database, then
 * documents.jsonl, then timelines), roll all back on failure — shares its
 * state; split up, that order would be spread over modules.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pLimit from 'p-limit'
import type { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/schema.js'
import { ArchiveNames } from '../entities/archive-names.js'
import type { Document } from '../schema/document.js'
import { resolveConfig } from '../config/load.js'
import { errnoCode, outputError, readFailure } from '../errors.js'
import { AtomicLineWriter, removeStaleTemps, writeFileAtomic, type LineWriter } from '../sinks/atomic.js'
import { lockOutput } from '../sinks/lock.js'
import { openSinks } from '../sinks/open.js'
import { prepareOut } from '../sinks/out-dir.js'
import { StreamLineWriter } from '../sinks/stdout.js'
import type { DocumentSink, WriteOutcome } from '../sinks/sink.js'
import { documentFile, FolderVersions, type Accepted } from '../versions/folder.js'
import { timelineEntries } from '../versions/timeline-reader.js'
import { writeTimelines } from '../versions/timelines-file.js'
import { TimelineBuilder } from '../versions/timelines.js'
import { resolveInputs } from './inputs.js'
import type { InputResult } from './job.js'
import { toVFile, type MessageData } from './messages.js'
import { Manifest, pipelineVersion, type ManifestEntry } from './manifest.js'
import { WorkerPool } from './pool.js'
import { Progress } from './progress.js'
import { inShard, type Shard } from './shard.js'
import { keepLast } from './keep-last.js'

export interface RunOptions {
  /** Files, folders, globs, `-` for stdin. */
  inputs: string[] | string
  /** The output folder, or `-` for Documents as JSON Lines on `stdout` and nothing on disk (default: the config's `out`). */
  out?: string
  /** Default: the built-in defaults (`resolveConfig()`); `loadConfig()` reads `pipeline.config.ts`. */
  config?: ResolvedConfig
  cwd?: string
  /** Reads standard input for `-` (default: process.stdin). */
  stdin?: () => Promise<Uint8Array>
  /** Where `out: '-'` writes (default: process.stdout). */
  stdout?: NodeJS.WritableStream
  /** Called with each release that has messages, in input order. */
  onFile?: (file: VFile) => void
  /** Redo inputs the manifest says are done. */
  force?: boolean
  /** Only this shard's inputs (`--shard i/n`). */
  shard?: Shard
  /** Worker threads (default: the config's, else one per core); 0 keeps the work in the main thread. */
  workers?: number
  /** Progress on stderr (default: none). */
  progress?: { quiet?: boolean; stream?: NodeJS.WriteStream; every?: number }
  /** A postgres:// URL, a SQLite file, or false (default: `out/commitments.db`). */
  db?: string | false
  /** Also write `out/commitments.csv`. */
  csv?: boolean
}

export interface RunSummary {
  inputs: number
  documents: number
  commitments: number
  warnings: number
  /** Releases that yielded no commitment (each has a `no-commitment` warning saying why). */
  withoutCommitments: number
  failures: number
  /** Inputs the manifest showed unchanged: their Documents were reused, not recomputed. */
  unchanged: number
  /** New versions of releases the folder already held (each with a revision in revisions.jsonl). */
  versions: number
  /** Releases in the folder (documents.jsonl): this run's and earlier runs'. */
  releases: number
  /** Initiative and organization timelines written to timelines.jsonl. */
  timelines: number
  seconds: number
  /** What the database did: Documents inserted, replaced (their release changed) and unchanged. */
  database?: { name: string; inserted: number; replaced: number; unchanged: number; versioned: number }
  /** Releases with messages (warnings or errors), in input order. */
  files: VFile[]
  /** Globs that matched nothing, and files in folders that are not releases (`inFolder`). */
  skipped: Array<{ input: string; reason: string; inFolder?: boolean }>
}

type Outcome = { kind: 'done'; result: InputResult } | { kind: 'reused'; entry: ManifestEntry }

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** An input that failed before the pipeline saw it: one release with one fatal message. */
function failed(name: string, reason: string, ruleId = 'read'): InputResult {
  const message: MessageData = { reason, ruleId, source: 'commitments', fatal: true, place: { start: { line: 1, column: 1 } } }
  return { name, sha256: '', releases: [{ path: name, document: undefined, messages: [message] }] }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export async function runExtract(options: RunOptions): Promise<RunSummary> {
  const started = performance.now()
  const cwd = options.cwd ?? process.cwd()
  const config = options.config ?? resolveConfig({}, cwd)
  const target = options.out ?? config.out
  // `--out -`: JSON Lines on stdout; no folder, so no files, no manifest, no default database.
  const out = target === '-' ? undefined : path.resolve(cwd, target)
  if (out) await prepareOut(out)
  const resolved = await resolveInputs(typeof options.inputs === 'string' ? [options.inputs] : options.inputs, cwd)
  // The output folder may sit inside an input folder: its files are never inputs.
  const inside = (input: string) => out !== undefined && !path.relative(out, path.resolve(cwd, input)).startsWith('..')
  const files = resolved.files.filter((input) => input === '-' || (!inside(input) && inShard(input, options.shard)))
  const version = pipelineVersion(config)
  const manifest = out ? new Manifest(out) : undefined
  const size = files.length < 2 ? 0 : (options.workers ?? config.workers ?? os.availableParallelism())
  const pool = size > 0 ? new WorkerPool(size, config, cwd) : undefined
  const reads = pLimit(config.concurrency)
  const window = Math.max(config.concurrency, size) * 2
  const progress = new Progress({ total: files.length, quiet: options.progress?.quiet ?? true, stream: options.progress?.stream, every: options.progress?.every })

  const summary: RunSummary = { inputs: files.length, documents: 0, commitments: 0, warnings: 0, withoutCommitments: 0, failures: 0, unchanged: 0, versions: 0, releases: 0, timelines: 0, seconds: 0, files: [], skipped: resolved.skipped }
  let unlock: () => void
  try {
    unlock = out ? lockOutput(out) : () => undefined
  } catch (error) {
    await pool?.close()
    throw error
  }
  // What a killed run left half-written is removed; what it finished is kept and reused.
  let lines: LineWriter
  let errors: LineWriter | undefined
  let folder: FolderVersions | undefined
  // Ids written to documents.jsonl in this run, and those a later version in this run made stale there.
  const listed = new Map<string, string>()
  const stale = new Set<string>()
  // The id of each line of documents.jsonl, in order: the stale lines are dropped at the end without reading the file's JSON.
  const lineIds: string[] = []
  const listLine = (id: string, json: string) => {
    lineIds.push(id)
    return lines.write(json)
  }
  // Names and abbreviations of every Document listed, learned as it passes: the timelines then read documents.jsonl once.
  const timelineNames = new TimelineBuilder({ spill: out })
  // Acronyms typed by their long form, learned in input order: they type the same acronyms in later releases (issue 17).
  const archiveNames = new ArchiveNames()
  let sinks: DocumentSink[] = []
  try {
    if (out) {
      await removeStaleTemps(out)
      await removeStaleTemps(path.join(out, 'documents'))
      folder = await FolderVersions.open(out)
      lines = new AtomicLineWriter(path.join(out, 'documents.jsonl'))
      errors = new AtomicLineWriter(path.join(out, 'errors.jsonl'))
    } else lines = new StreamLineWriter(options.stdout)
  } catch (error) {
    await pool?.close()
    throw out && errnoCode(error) ? outputError(error, out) : error
  }
  try {
    sinks = await openSinks({ out, db: options.db, csv: options.csv })
  } catch (error) {
    await lines.abort()
    await errors?.abort()
    await pool?.close()
    unlock()
    throw error
  }
  const database = sinks.find((sink) => !sink.name.startsWith('csv'))
  if (database) summary.database = { name: database.name, inserted: 0, replaced: 0, unchanged: 0, versioned: 0 }

  const start = async (name: string): Promise<Outcome> => {
    const read = await reads(async (): Promise<{ bytes: Uint8Array } | { result: InputResult }> => {
      if (name === '-') return { bytes: await (options.stdin ?? readStdin)() }
      try {
        const full = path.resolve(cwd, name)
        const stat = await fs.promises.stat(full)
        if (stat.size > config.maxBytes) {
          return { result: failed(name, `Unexpected file of ${megabytes(stat.size)}, expected at most ${megabytes(config.maxBytes)} (maxBytes in pipeline.config.ts)`, 'too-large') }
        }
        return { bytes: new Uint8Array(await fs.promises.readFile(full)) }
      } catch (error) {
        return { result: failed(name, readFailure(error)) }
      }
    })
    if ('result' in read) return { kind: 'done', result: read.result }
    const display = name === '-' ? 'stdin' : name
    if (name !== '-' && !options.force) {
      const entry = manifest?.reusable(path.resolve(cwd, name), sha256(read.bytes), version)
      if (entry) return { kind: 'reused', entry }
    }
    try {
      // In a pooled run the main thread never loads the pipeline itself.
      const result = pool ? await pool.run(display, read.bytes) : await (await import('./job.js')).runJob(display, read.bytes, cwd, config)
      return { kind: 'done', result }
    } catch (error) {
      return { kind: 'done', result: failed(display, `Cannot process file: ${(error as Error).message.split('\n')[0]}`, 'crash') }
    }
  }

  /**
   * Store a Document in the sinks. A Document the database refuses (a row
   * it cannot take) fails alone: the reason is returned, and it is not
   * written to the CSV, kept in the folder or listed.
   */
  const storeDocument = async (document: Document, json = JSON.stringify(document)): Promise<string | undefined> => {
    for (const sink of sinks) {
      let outcome: WriteOutcome
      try {
        outcome = await sink.write(document, json)
      } catch (error) {
        if (sink !== database) throw error
        return `Cannot store the document in ${sink.name}: ${(error as Error).message.split('\n')[0]}`
      }
      if (sink === database && summary.database && outcome !== 'written') summary.database[outcome]++
    }
    summary.documents++
    summary.commitments += document.commitments.length
    if (document.commitments.length === 0) summary.withoutCommitments++
    return undefined
  }

  /** List a stored Document in documents.jsonl. */
  const listDocument = async (document: Document, json = JSON.stringify(document)) => {
    if (listed.has(document.id)) stale.add(document.id)
    await listLine(document.id, json)
    timelineNames.learn(document)
    archiveNames.learn(document)
    archiveNames.note(document)
    listed.set(document.id, document.source.path ?? document.id)
  }

  /**
   * Once every input is read, the names the whole run learned retype the
   * releases written before a definition came (src/entities/archive-names.ts):
   * each such Document is read back from the folder, and stored again in
   * its file, the sinks and documents.jsonl (its earlier line dropped at the end).
   */
  const settleArchiveNames = async () => {
    const ids = archiveNames.revisit()
    if (ids.size === 0) return
    for (const sink of sinks) await sink.flush?.()
    for (const id of ids) {
      const file = documentFile(out!, id)
      const document = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Document
      if (!archiveNames.settle(document)) continue
      const json = JSON.stringify(document)
      for (const sink of sinks) await (sink.replace ? sink.replace(document, json) : sink.write(document, json))
      await writeFileAtomic(file, JSON.stringify(document, null, 2) + '\n')
      stale.add(id)
      await listLine(id, json)
    }
  }

  const writeErrors = async (release: { path: string; messages: MessageData[] }) => {
    for (const m of release.messages.filter((m) => m.fatal)) {
      await errors?.write(JSON.stringify({ path: release.path, line: m.place?.start.line ?? 1, column: m.place?.start.column ?? 1, reason: m.reason, ruleId: m.ruleId ?? null }))
    }
  }
  const refusal = (reason: string): MessageData => ({ reason, ruleId: 'database', source: 'commitments', fatal: true, place: undefined })

  const write = async (name: string, outcome: Outcome) => {
    if (outcome.kind === 'reused') {
      let refused = 0
      for (const id of outcome.entry.documents) {
        // Another input of this run may have written this release already (the same source URL).
        if (listed.has(id)) continue
        const document = JSON.parse(await fs.promises.readFile(documentFile(out!, id), 'utf8')) as Document
        const reason = await storeDocument(document)
        // A resumed run reports the warnings of what it reused, as the run that made them did.
        summary.warnings += document.warnings.length
        if (reason) {
          refused++
          await writeErrors({ path: document.source.path ?? name, messages: [refusal(reason)] })
        } else await listDocument(document)
      }
      summary.unchanged++
      if (refused > 0) {
        summary.failures += refused
        manifest?.append({ ...outcome.entry, failures: refused })
      }
      return
    }
    const { result } = outcome
    const ids: string[] = []
    let failures = 0
    for (const release of result.releases) {
      // Retyped by what earlier releases taught: its JSON is made again (only then).
      if (release.document && archiveNames.apply(release.document)) Object.assign(release, { json: JSON.stringify(release.document), pretty: JSON.stringify(release.document, null, 2) + '\n' })
      const refused = release.document ? await storeDocument(release.document, release.json) : undefined
      if (refused) release.messages.push(refusal(refused))
      if (release.document && !refused) {
        const { document } = release
        const earlierPath = listed.get(document.id)
        // With --out -, no folder: every release is new, as its line on stdout.
        const accepted: Accepted = folder ? await folder.accept(document, release.pretty) : { kind: 'new', version: 1 }
        if (accepted.kind === 'new' && accepted.version > 1) summary.versions++
        if (earlierPath !== undefined) {
          // Two inputs of one run with one source URL: never one silently lost (issue 18 #4).
          const what = accepted.kind === 'new' ? `kept as version ${accepted.version}, the earlier one as version ${accepted.version - 1}` : accepted.kind === 'same' ? 'the same content: one Document' : `the content of its version ${accepted.version}; version ${accepted.current} stays current`
          release.messages.push({ reason: `Same release id as \`${earlierPath}\` (same source URL): ${what}`, ruleId: 'versions/same-id', source: 'commitments', fatal: false, place: { start: { line: 1, column: 1 } } })
        }
        // An earlier content read again is kept as it was: documents.jsonl keeps the current version.
        if (accepted.kind !== 'earlier') await listDocument(document, release.json)
        ids.push(document.id)
      } else {
        failures++
        await writeErrors(release)
      }
      summary.warnings += release.messages.filter((m) => !m.fatal).length
      if (release.messages.length > 0) {
        const file = toVFile(release, cwd)
        summary.files.push(file)
        options.onFile?.(file)
      }
    }
    summary.failures += failures
    // Keyed by absolute path, so a re-run from another folder still finds it.
    if (name !== '-') manifest?.append({ path: path.resolve(cwd, name), sha256: result.sha256, version, documents: ids, failures })
  }

  try {
    const pending: Array<Promise<Outcome> | undefined> = []
    let started = 0
    let written = 0
    const fill = () => {
      while (started < files.length && started - written < window) {
        pending[started] = start(files[started]!)
        started++
      }
    }
    fill()
    for (; written < files.length; ) {
      const outcome = await pending[written]!
      pending[written] = undefined
      await write(files[written]!, outcome)
      written++
      progress.tick()
      fill()
    }
    if (out) await settleArchiveNames()
    // The folder is the union of what was extracted into it: releases of earlier runs are listed too.
    for (const id of folder?.ids() ?? []) {
      if (listed.has(id)) continue
      const file = documentFile(out!, id)
      if (!fs.existsSync(file)) continue
      const document = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Document
      await listLine(id, JSON.stringify(document))
      timelineNames.learn(document)
      listed.set(id, id)
    }
    summary.releases = listed.size
    // The database commits what it holds before documents.jsonl is published: a reader never sees a line the database lacks.
    for (const sink of sinks) await sink.flush?.()
    await lines.close()
    if (out && stale.size > 0) await keepLast(path.join(out, 'documents.jsonl'), lineIds, stale)
    await errors?.close()
    if (out && folder) {
      summary.timelines = await writeTimelines(out, timelineNames)
      // Read back one event at a time: an archive's timelines, and its largest timeline, are not held whole.
      // A database that holds more than this folder (shards of one archive, runs from other folders) gets its own.
      const others = { listed: (id: string) => listed.has(id), spill: out }
      for (const sink of sinks) await sink.timelines?.(timelineEntries(path.join(out, 'timelines.jsonl')), others)
    }
    for (const sink of sinks) await sink.close()
    // Both read back from their files: after the timelines, whose build is when a run holds most.
    await folder?.compact()
    await manifest?.compact()
  } catch (error) {
    await lines.abort()
    await errors?.abort()
    for (const sink of sinks) await sink.abort().catch(() => undefined)
    // A write under the output folder that failed (disk full, gone read-only): one line, exit 3.
    const where = (error as NodeJS.ErrnoException).path
    throw out && errnoCode(error) && where && !path.relative(out, where).startsWith('..') ? outputError(error, out) : error
  } finally {
    progress.end()
    await pool?.close()
    unlock()
  }
  summary.seconds = (performance.now() - started) / 1000
  return summary
}

