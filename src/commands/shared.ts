/**
 * What the commands share: reading the config (its errors printed as
 * messages on the config file) and turning a bad option value into a usage
 * error.
 */
import type { ResolvedConfig } from '../config/schema.js'
import { CommitmentsError, usageError } from '../errors.js'

export type Values = Record<string, string | boolean | undefined>

/** A usage error for a bad option value (the message of the parser that refused it). */
export function option<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    throw error instanceof CommitmentsError ? error : usageError((error as Error).message)
  }
}

/** The config, or undefined after printing what is wrong with it as messages on the config file. */
export async function configOrReport(file: string | undefined): Promise<ResolvedConfig | undefined> {
  const { ConfigError, loadConfig } = await import('../config/load.js')
  try {
    return await loadConfig(file)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    const { formatMessages } = await import('../report/diagnostics.js')
    process.stderr.write(formatMessages([error.file]) + '\n')
    return undefined
  }
}

