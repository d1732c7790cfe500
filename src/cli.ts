#!/usr/bin/env node
/**
 * The `commitments` command: argv → config → run → report → exit code.
 *
 *   commitments extract [inputs…] [--out DIR] [--config FILE] [--force] [--shard i/n] [--workers N] [--db URL|FILE] [--no-db] [--csv] [--quiet]
 *   commitments report [--out DIR] [--config FILE]
 *   commitments schema
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { runExtract } from './batch/run.js'
import { parseShard, type Shard } from './batch/shard.js'
import { ConfigError, loadConfig } from './config/load.js'
import type { ResolvedConfig } from './config/schema.js'
import { formatMessages } from './report/diagnostics.js'
import { documentJsonSchema } from './schema/document.js'

const USAGE = `Usage:
  commitments extract [inputs…] [--out DIR] [--config FILE] [--force] [--shard i/n] [--workers N] [--db URL|FILE] [--no-db] [--csv] [--quiet]
      Extract commitments from releases (files, folders, globs, .jsonl archives, - for stdin).
      Without inputs, reads the inputs named in pipeline.config.ts.
      Writes DIR/documents.jsonl, DIR/documents/<id>.json, DIR/errors.jsonl and
      DIR/manifest.jsonl (default DIR: output). Inputs the manifest shows
      unchanged are not read again unless --force; --shard i/n takes only
      the i-th of n shares of the inputs. Documents also go to a database:
      DIR/commitments.db (SQLite) unless --no-db, or --db postgres://… or
      --db FILE; --csv adds DIR/commitments.csv (one row per commitment).
  commitments report [--out DIR] [--config FILE]
      Build a static site of DIR/documents.jsonl in DIR/report/ (open DIR/report/index.html).
  commitments diff OLD NEW [--json] [--out DIR]
      What changed between two releases (files, or versions stored in DIR as ID@N).
  commitments schema
      Print the JSON Schema of the output Document.
`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'schema') {
    process.stdout.write(JSON.stringify(documentJsonSchema(), null, 2) + '\n')
    return 0
  }
  if (command === 'report') return report(rest)
  if (command === 'diff') return (await import('./versions/diff-command.js')).diffCommand(rest)
  if (command !== 'extract') {
    process.stderr.write(command && command !== '--help' && command !== '-h' ? `Unknown command \`${command}\`\n\n${USAGE}` : USAGE)
    return command === '--help' || command === '-h' ? 0 : 2
  }
  let values: { out?: string; config?: string; quiet?: boolean; force?: boolean; shard?: string; workers?: string; db?: string; 'no-db'?: boolean; csv?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        quiet: { type: 'boolean', short: 'q' },
        force: { type: 'boolean', short: 'f' },
        shard: { type: 'string' },
        workers: { type: 'string' },
        db: { type: 'string' },
        'no-db': { type: 'boolean' },
        csv: { type: 'boolean' }
      }
    }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  let shard: Shard | undefined
  let workers: number | undefined
  try {
    if (values.shard !== undefined) shard = parseShard(values.shard)
    if (values.workers !== undefined) {
      workers = Number(values.workers)
      if (!Number.isInteger(workers) || workers < 0) throw new Error(`Unexpected workers \`${values.workers}\`, expected a whole number ≥ 0`)
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const config = await configOrReport(values.config)
  if (!config) return 2
  const inputs = positionals.length > 0 ? positionals : config.inputs
  const out = values.out ?? config.out
  const db = values['no-db'] ? false : values.db
  const summary = await runExtract({ inputs, out, config, force: values.force === true, shard, workers, db, csv: values.csv === true, progress: { quiet: values.quiet === true } })
  for (const skip of summary.skipped) process.stderr.write(`${skip.input}: skipped (${skip.reason})\n`)
  const withMessages = summary.files.filter((file) => file.messages.length > 0)
  if (withMessages.length > 0) {
    const report = formatMessages(withMessages, { quiet: values.quiet === true })
    if (report) process.stderr.write(report + '\n')
  }
  if (!values.quiet) {
    process.stderr.write(
      `${summary.documents} documents, ${summary.commitments} commitments, ${summary.withoutCommitments} without commitments, ${summary.warnings} warnings, ${summary.failures} failed` +
        `${summary.unchanged > 0 ? `, ${summary.unchanged} inputs unchanged (reused; --force to redo)` : ''} in ${summary.seconds.toFixed(1)} s → ${out}/documents.jsonl\n` +
        (summary.versions > 0 ? `${summary.versions} new versions of releases already in ${out} (revisions.jsonl); ${summary.releases} releases in the folder\n` : '') +
        (summary.database
          ? `${summary.database.name}: ${summary.database.inserted} inserted, ${summary.database.replaced} replaced, ${summary.database.versioned} new versions, ${summary.database.unchanged} unchanged\n`
          : '')
    )
  }
  return summary.failures > 0 || (summary.inputs === 0 && summary.skipped.length > 0) ? 1 : 0
}

/** The config, or undefined after printing what is wrong with it as a message on the config file. */
async function configOrReport(file: string | undefined): Promise<ResolvedConfig | undefined> {
  try {
    return await loadConfig(file)
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(formatMessages([error.file]) + '\n')
      return undefined
    }
    throw error
  }
}

async function report(args: string[]): Promise<number> {
  let values: { out?: string; config?: string }
  try {
    ;({ values } = parseArgs({ args, options: { out: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' } } }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const config = await configOrReport(values.config)
  if (!config) return 2
  const out = values.out ?? config.out
  if (!fs.existsSync(path.join(out, 'documents.jsonl'))) {
    process.stderr.write(`${out}/documents.jsonl: no such file; run \`commitments extract --out ${out}\` first\n`)
    return 1
  }
  const { buildReport } = await import('./report/build.js')
  const summary = await buildReport({ out, config })
  process.stderr.write(`${summary.documents} documents, ${summary.commitments} commitments → ${path.join(out, 'report', 'index.html')}\n`)
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A refusal the user can act on (another run holds the output folder) is a message, not a stack.
    const code = (error as { exitCode?: unknown }).exitCode
    process.stderr.write(`commitments: ${typeof code === 'number' ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`)
    process.exitCode = typeof code === 'number' ? code : 70
  }
)
