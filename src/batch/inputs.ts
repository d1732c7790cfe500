/**
 * Resolve the CLI's inputs — files, folders (recursively) and globs — into
 * a sorted, de-duplicated list of files; `-` stands for stdin.
 */
import fs from 'node:fs'
import path from 'node:path'
import { glob } from 'tinyglobby'
import { formatOf } from '../stages/read.js'

export interface ResolvedInputs {
  files: string[]
  /** Inputs that matched nothing, or files of a kind we do not read. */
  skipped: Array<{ input: string; reason: string }>
}

const GLOB = /[*?[\]{}]/

export async function resolveInputs(inputs: string[], cwd = process.cwd()): Promise<ResolvedInputs> {
  const files: string[] = []
  const skipped: ResolvedInputs['skipped'] = []
  for (const input of inputs) {
    if (input === '-') {
      files.push('-')
      continue
    }
    const absolute = path.resolve(cwd, input)
    if (!GLOB.test(input) && fs.existsSync(absolute)) {
      if (fs.statSync(absolute).isDirectory()) {
        const found = await glob('**/*', { cwd: absolute, onlyFiles: true, dot: false })
        for (const f of found.sort()) {
          const full = path.join(absolute, f)
          if (formatOf(full)) files.push(path.relative(cwd, full) || full)
          else skipped.push({ input: path.relative(cwd, full), reason: 'not a format we read' })
        }
      } else files.push(input)
      continue
    }
    if (GLOB.test(input)) {
      const found = (await glob(input, { cwd, onlyFiles: true })).sort()
      if (found.length === 0) skipped.push({ input, reason: 'no file matches' })
      files.push(...found)
      continue
    }
    skipped.push({ input, reason: 'no such file' })
  }
  return { files: [...new Set(files)], skipped }
}
