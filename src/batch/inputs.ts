/**
 * Resolve the CLI's inputs — files, folders (recursively) and globs — into
 * a sorted, de-duplicated list of files; `-` stands for stdin. A file named
 * explicitly stays in the list even when it does not exist, so the batch
 * reports it as failed (errors.jsonl, exit 1) rather than noting a skip.
 * In a folder only files with a release extension are read: a `.txt` there
 * is a note beside the releases, not one (named explicitly, it is sniffed).
 */
import fs from 'node:fs'
import path from 'node:path'
import { formatOf } from '../stages/input/read.js'

/** Whether a file found in a folder is a release: a known extension (never `.txt`). */
const releaseInFolder = (file: string) => path.extname(file).toLowerCase() !== '.txt' && formatOf(file) !== undefined

export interface ResolvedInputs {
  files: string[]
  /** Globs that matched nothing, and files in folders that are not releases (`inFolder`). */
  skipped: Array<{ input: string; reason: string; inFolder?: boolean }>
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
        const { glob } = await import('tinyglobby')
        const found = await glob('**/*', { cwd: absolute, onlyFiles: true, dot: false })
        for (const f of found.sort()) {
          const full = path.join(absolute, f)
          if (releaseInFolder(full)) files.push(path.relative(cwd, full) || full)
          else skipped.push({ input: path.relative(cwd, full), reason: path.extname(f).toLowerCase() === '.txt' ? 'a .txt note in a folder; name it to read it as a release' : 'not a format we read', inFolder: true })
        }
      } else files.push(input)
      continue
    }
    if (GLOB.test(input)) {
      // Loaded when needed: a run on named files does not pay for the glob engine.
      const { glob } = await import('tinyglobby')
      const found = (await glob(input, { cwd, onlyFiles: true })).sort()
      if (found.length === 0) skipped.push({ input, reason: 'no file matches' })
      files.push(...found)
      continue
    }
    files.push(input)
  }
  return { files: [...new Set(files)], skipped }
}
