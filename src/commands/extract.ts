/** `commitments extract`: the batch run, its summary and its messages on stderr. */
import path from 'node:path'
import { EXIT, usageError } from '../errors.js'
import { configOrReport, option, type Values } from './shared.js'

export async function extract(values: Values, positionals: string[]): Promise<number> {
  const quiet = values.quiet === true
  const { parseShard } = await import('../batch/shard.js')
  const shard = values.shard === undefined ? undefined : option(() => parseShard(String(values.shard)))
  const workers = values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw usageError(`Unexpected workers \`${values.workers}\`, expected a whole number ≥ 0`)
  if (values.db !== undefined && values['no-db']) throw usageError('Unexpected --db with --no-db: give one of them')
  // A --db this cannot use is refused before any work.
  if (typeof values.db === 'string') (await import('../sinks/open.js')).parseDb(values.db)
  const config = await configOrReport(values.config as string | undefined)
  if (!config) return EXIT.usage
  const out = (values.out as string | undefined) ?? config.out
  if (out === '-' && values.csv) throw usageError('Unexpected --csv with --out -: the CSV file needs an output folder')
  const { runExtract } = await import('../batch/run.js')
  const summary = await runExtract({
    inputs: positionals.length > 0 ? positionals : config.inputs,
    out,
    config,
    force: values.force === true,
    shard,
    workers,
    db: values['no-db'] ? false : (values.db as string | undefined),
    csv: values.csv === true,
    progress: { quiet }
  })
  reportSkipped(summary.skipped, quiet)
  const withMessages = summary.files.filter((file) => file.messages.length > 0)
  if (withMessages.length > 0) {
    const { formatMessages } = await import('../report/diagnostics.js')
    const report = formatMessages(withMessages, { quiet })
    if (report) process.stderr.write(report + '\n')
  }
  if (!quiet) {
    process.stderr.write(
      `${summary.documents} documents, ${summary.commitments} commitments, ${summary.withoutCommitments} without commitments, ${summary.warnings} warnings, ${summary.failures} failed` +
        `${summary.unchanged > 0 ? `, ${summary.unchanged} inputs unchanged (reused; --force to redo)` : ''} in ${summary.seconds.toFixed(1)} s → ${out === '-' ? 'stdout' : `${out}/documents.jsonl`}\n` +
        (summary.versions > 0 ? `${summary.versions} new versions of releases already in ${out} (revisions.jsonl); ${summary.releases} releases in the folder\n` : '') +
        (summary.database
          ? `${summary.database.name}: ${summary.database.inserted} inserted, ${summary.database.replaced} replaced, ${summary.database.versioned} new versions, ${summary.database.unchanged} unchanged\n`
          : '')
    )
  }
  return summary.failures > 0 || (summary.inputs === 0 && summary.skipped.length > 0) ? EXIT.failed : EXIT.ok
}

/**
 * Globs that matched nothing, one line each; files in folders that are
 * not releases (data, notes) listed when few, else counted by extension.
 */
function reportSkipped(skipped: Array<{ input: string; reason: string; inFolder?: boolean }>, quiet: boolean): void {
  const inFolders = skipped.filter((skip) => skip.inFolder)
  const listed = inFolders.length <= 3 ? skipped : skipped.filter((skip) => !skip.inFolder)
  for (const skip of listed) process.stderr.write(`${skip.input}: skipped (${skip.reason})\n`)
  if (listed.length === skipped.length || quiet) return
  const byExtension = new Map<string, number>()
  for (const skip of inFolders) byExtension.set(path.extname(skip.input) || '(none)', (byExtension.get(path.extname(skip.input) || '(none)') ?? 0) + 1)
  const counts = [...byExtension].sort((a, b) => b[1] - a[1]).map(([extension, count]) => `${count} ${extension}`)
  process.stderr.write(`${inFolders.length} files in input folders skipped, not releases (${counts.join(', ')}); name a file to read it\n`)
}

