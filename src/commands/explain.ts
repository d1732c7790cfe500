/**
 * `commitments explain FILE|-`: extract a release (or each record of an
 * archive) and print every decision with its rule, for a person to read.
 * Writes nothing to disk; messages go to stderr as extract prints them.
 */
import fs from 'node:fs'
import { EXIT, readFailure, usageError } from '../errors.js'
import { configOrReport, type Values } from './shared.js'

export async function explain(values: Values, positionals: string[]): Promise<number> {
  if (positionals.length !== 1) throw usageError(`Unexpected ${positionals.length === 0 ? 'no input' : `${positionals.length} inputs`}, expected one file (or - for stdin); see \`commitments explain --help\``)
  const input = positionals[0]!
  if (input !== '-' && fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
    throw usageError(`Unexpected folder \`${input}\`, expected one release file; \`commitments extract ${input}\` reads a folder`)
  }
  const config = await configOrReport(values.config as string | undefined)
  if (!config) return EXIT.usage
  const [{ processFile, readDocuments }, { readBytes, unreadable }, { explainDocument }, { formatMessages }] = await Promise.all([
    import('../pipeline.js'),
    import('../stages/input/read.js'),
    import('../explain/explain.js'),
    import('../report/diagnostics.js')
  ])
  let file
  try {
    const bytes = input === '-' ? fs.readFileSync(0) : fs.readFileSync(input)
    file = readBytes(new Uint8Array(bytes), input === '-' ? 'stdin' : input)
  } catch (error) {
    file = unreadable(input, readFailure(error))
  }
  let failed = 0
  const files = readDocuments(file)
  for (const [i, one] of files.entries()) {
    const document = await processFile(one, config)
    if (document) process.stdout.write(`${i > 0 ? '\n' : ''}${explainDocument(document)}`)
    else failed++
  }
  const report = formatMessages(files.filter((one) => one.messages.length > 0))
  if (report) process.stderr.write(report + '\n')
  return failed > 0 ? EXIT.failed : EXIT.ok
}
