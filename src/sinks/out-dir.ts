/**
 * The output folder, made with its parents when missing and checked
 * writable before any work, so a read-only, unwritable or blocked `--out`
 * is one line (exit 3) rather than a failure half-way.
 */
import fs from 'node:fs'
import path from 'node:path'
import { errnoCode, outputError } from '../errors.js'

export async function prepareOut(out: string): Promise<void> {
  try {
    await fs.promises.mkdir(out, { recursive: true })
    await fs.promises.access(out, fs.constants.W_OK)
  } catch (error) {
    throw outputError(await cause(error, out), out)
  }
}

/**
 * Node's recursive mkdir says ENOENT where the folder to make it in is
 * read-only or unwritable: ask that folder, the nearest that exists.
 */
async function cause(error: unknown, out: string): Promise<unknown> {
  if (errnoCode(error) !== 'ENOENT') return error
  let dir = path.dirname(out)
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir)
  try {
    await fs.promises.access(dir, fs.constants.W_OK)
  } catch (denied) {
    return denied
  }
  return error
}
