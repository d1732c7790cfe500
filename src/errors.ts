/**
 * Errors a user can fix: one line that says what is wrong and what to do,
 * and the exit code the CLI gives it (README, "Exit codes"). Library
 * callers get the same errors, with `exitCode` to tell them apart.
 */
import path from 'node:path'

export const EXIT = {
  /** Every input became a Document (or help, version, schema). */
  ok: 0,
  /** Some input failed: missing, unreadable, not a release. Reported, and in errors.jsonl. */
  failed: 1,
  /** Unknown command or option, bad option value, unknown --db scheme, invalid config. */
  usage: 2,
  /** The output folder cannot be written. */
  output: 3,
  /** The database cannot be reached or opened. */
  database: 4,
  /** Another run is writing the same output folder (src/sinks/lock.ts). */
  busy: 75,
  /** A bug: the message asks for a report. */
  internal: 70
} as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export class CommitmentsError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode
  ) {
    super(message)
    this.name = 'CommitmentsError'
  }
}

export const usageError = (message: string) => new CommitmentsError(message, EXIT.usage)

/** Why a file system call failed, in words, and what to do about it, by its errno code. */
const REASONS: Record<string, [reason: string, todo: string]> = {
  EROFS: ['read-only file system', 'choose a writable FLAG folder'],
  EACCES: ['permission denied', 'choose another FLAG folder or fix its permissions'],
  EPERM: ['permission denied', 'choose another FLAG folder or fix its permissions'],
  ENOTDIR: ['a file is in the way of a folder', 'choose another FLAG folder'],
  EEXIST: ['a file is in the way of a folder', 'choose another FLAG folder'],
  EISDIR: ['a folder is in the way of a file', 'choose another FLAG folder'],
  ENOSPC: ['no space left on the device', 'free some space or choose another FLAG folder'],
  EDQUOT: ['disk quota exceeded', 'free some space or choose another FLAG folder'],
  ENOENT: ['a folder on the way is missing', 'check the FLAG path'],
  ENAMETOOLONG: ['name too long', 'choose a shorter FLAG path']
}

/** A file system error's code, if it is one. */
export const errnoCode = (error: unknown): string | undefined => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined
}

/** Why an input could not be read, as the fatal message on it (a missing file is the common case). */
export const readFailure = (error: unknown): string => {
  const code = errnoCode(error)
  return code === 'ENOENT' ? 'Cannot find file: no such file or folder' : `Cannot read file: ${code ?? (error as Error).message}`
}

/** An error writing under the output folder, as one line (exit 3). */
export function outputError(error: unknown, out: string, flag = '--out'): CommitmentsError {
  const code = errnoCode(error)
  // The file that failed when it is under the folder, else the folder (mkdir reports an ancestor).
  const failed = (error as NodeJS.ErrnoException).path
  const where = failed && !path.relative(out, failed).startsWith('..') ? failed : out
  const [reason, todo] = (code && REASONS[code]) || [(error as Error).message.split('\n')[0], `check the ${flag} path`]
  const relative = path.relative(process.cwd(), where)
  const shown = relative && !relative.startsWith('..') ? relative : where
  return new CommitmentsError(`Cannot write ${shown}: ${reason}${code ? ` (${code})` : ''}; ${todo.replace('FLAG', flag)}`, EXIT.output)
}
