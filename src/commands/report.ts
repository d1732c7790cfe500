/** `commitments report`: the review site of an output folder. */
import fs from 'node:fs'
import path from 'node:path'
import { EXIT, errnoCode, outputError, usageError } from '../errors.js'
import { configOrReport, type Values } from './shared.js'

export async function report(values: Values): Promise<number> {
  const config = await configOrReport(values.config as string | undefined)
  if (!config) return EXIT.usage
  const out = (values.out as string | undefined) ?? config.out
  if (out === '-') throw usageError('Unexpected --out - for report: the site needs an output folder; give the folder an extract wrote')
  if (!fs.existsSync(path.join(out, 'documents.jsonl'))) {
    process.stderr.write(`${out}/documents.jsonl: no such file; run \`commitments extract --out ${out}\` first\n`)
    return EXIT.failed
  }
  const { buildReport } = await import('../report/build.js')
  const summary = await buildReport({ out, config }).catch((error: unknown) => {
    throw errnoCode(error) ? outputError(error, path.resolve(out, 'report')) : error
  })
  process.stderr.write(`${summary.documents} documents, ${summary.commitments} commitments → ${path.join(out, 'report', 'index.html')}\n`)
  return EXIT.ok
}

