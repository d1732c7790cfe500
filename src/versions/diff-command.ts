/**
 * `commitments diff OLD NEW [--json] [--out DIR] [--config FILE]` (SPEC §11):
 * the revision between two releases. Each side is a file — a release
 * (markdown, HTML; extracted now) or a Document `.json` — or a version
 * stored in an output folder, written `ID@N` (version N of release ID) or
 * `ID@current`, looked up in `--out DIR` (default: the config's `out`).
 * Readable on a terminal, coloured when stdout is one (NO_COLOR turns it
 * off, FORCE_COLOR on); `--json` prints the revision as JSON. Exit 0 when
 * nothing changed, 1 when something did, 2 when an operand is wrong — as
 * `diff` does.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from '../config/load.js'
import type { ResolvedConfig } from '../config/schema.js'
import { formatMessages } from '../report/diagnostics.js'
import { Document } from '../schema/document.js'
import { FolderVersions } from './folder.js'
import { isEmpty, revision, type CommitmentRef, type Revision } from './revision.js'

export const DIFF_USAGE = `Usage:
  commitments diff OLD NEW [--json] [--out DIR] [--config FILE]
      Print what changed between two releases: commitments added, removed and
      changed (fields old → new) and metadata. OLD and NEW are files (a release,
      or a Document .json) or versions stored in DIR, written ID@N (version N of
      release ID, as in DIR/versions.jsonl) or ID@current. Exit 0 when nothing
      changed, 1 when something did, 2 on a usage error.
`

class UsageError extends Error {}

const STORED = /^(.+)@(\d+|current)$/

async function operand(spec: string, out: string, config: () => Promise<ResolvedConfig>, folder: () => Promise<FolderVersions>): Promise<{ document: Document; version?: number }> {
  if (fs.existsSync(spec) && fs.statSync(spec).isFile()) {
    const text = fs.readFileSync(spec, 'utf8')
    if (spec.endsWith('.json')) {
      const parsed = Document.safeParse(JSON.parse(text))
      if (!parsed.success) throw new UsageError(`${spec}: not a Document (${parsed.error.issues[0]?.message ?? 'invalid'})`)
      return { document: parsed.data }
    }
    const { extractAll } = await import('../pipeline.js')
    const results = await extractAll(text, { path: spec, config: await config() })
    if (results.length !== 1 || !results[0]!.document) {
      const messages = results.length === 1 ? formatMessages([results[0]!.file]) : `${results.length} releases in it, expected one`
      throw new UsageError(`${spec}: no Document\n${messages}`)
    }
    return { document: results[0]!.document }
  }
  const stored = STORED.exec(spec)
  if (!stored) throw new UsageError(`${spec}: no such file, and not a stored version (ID@N or ID@current in ${out})`)
  const [, id, which] = stored as unknown as [string, string, string]
  const versions = await folder()
  const current = versions.current(id)
  if (!current) throw new UsageError(`${spec}: no release \`${id}\` in ${path.join(out, 'versions.jsonl')}`)
  const version = which === 'current' ? current.version : Number(which)
  const document = versions.read(id, version)
  if (!document) throw new UsageError(`${spec}: release \`${id}\` has versions 1–${current.version} in ${out}, not ${version}`)
  return { document, version }
}

/** Terminal colours, or none. */
function palette(stream: NodeJS.WriteStream) {
  const on = process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : stream.isTTY === true && !process.env.NO_COLOR
  const wrap = (code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text)
  return { red: wrap(31), green: wrap(32), yellow: wrap(33), dim: wrap(2), bold: wrap(1) }
}

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))
const refLine = (c: CommitmentRef) => `[${c.class}] ${c.label ? `${c.label} — ` : ''}${c.text}`

/** The revision as text, one change per line (long texts kept whole: this is what changed). */
export function formatRevision(r: Revision, colour = palette(process.stdout)): string {
  const side = (s: Revision['from']) => `${s.title ?? '(untitled)'}${s.version !== undefined ? `, version ${s.version}` : ''} (sha256 ${s.sha256.slice(0, 12)})`
  const lines = [colour.bold(`--- ${side(r.from)}`), colour.bold(`+++ ${side(r.to)}`)]
  for (const m of r.metadata) lines.push(colour.yellow(`~ ${m.field}: `) + colour.red(show(m.old)) + ' → ' + colour.green(show(m.new)))
  for (const c of r.removed) lines.push(colour.red(`- ${refLine(c)}`))
  for (const c of r.added) lines.push(colour.green(`+ ${refLine(c)}`))
  for (const c of r.changed) {
    lines.push(colour.yellow(`~ ${refLine(c.new)}`))
    for (const f of c.fields) {
      if (f.field === 'text') {
        lines.push(colour.dim('    text:'), colour.red(`    - ${show(f.old)}`), colour.green(`    + ${show(f.new)}`))
      } else lines.push(`    ${f.field}: ` + colour.red(show(f.old)) + ' → ' + colour.green(show(f.new)))
    }
  }
  lines.push(isEmpty(r) ? 'No change.' : `${r.added.length} added, ${r.removed.length} removed, ${r.changed.length} changed, ${r.metadata.length} metadata`)
  return lines.join('\n') + '\n'
}

export async function diffCommand(args: string[]): Promise<number> {
  let values: { json?: boolean; out?: string; config?: string; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, out: { type: 'string', short: 'o' }, config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } } }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${DIFF_USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(DIFF_USAGE)
    return 0
  }
  if (positionals.length !== 2) {
    process.stderr.write(`Expected two releases to compare, got ${positionals.length}\n\n${DIFF_USAGE}`)
    return 2
  }
  let resolved: ResolvedConfig | undefined
  const config = async () => (resolved ??= await loadConfig(values.config))
  const out = values.out ?? (positionals.some((p) => STORED.test(p) && !fs.existsSync(p)) ? (await config()).out : 'output')
  let opened: FolderVersions | undefined
  const folder = async () => (opened ??= await FolderVersions.open(out, { readOnly: true }))
  try {
    const before = await operand(positionals[0]!, out, config, folder)
    const after = await operand(positionals[1]!, out, config, folder)
    const result = revision(before.document, after.document, { from: before.version, to: after.version })
    process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : formatRevision(result))
    return isEmpty(result) ? 0 : 1
  } catch (error) {
    if (error instanceof ConfigError) process.stderr.write(formatMessages([error.file]) + '\n')
    else if (error instanceof UsageError || error instanceof SyntaxError) process.stderr.write(`commitments diff: ${error.message}\n`)
    else throw error
    return 2
  }
}
