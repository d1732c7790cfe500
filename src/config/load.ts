/**
 * Loads `pipeline.config.ts`. Node 20 cannot `import()` TypeScript, so the
 * file goes through jiti, as c12 and ESLint do; the result is checked with
 * zod and problems are reported as messages on the config file. jiti is
 * loaded only for a TypeScript config, and through its one-file CommonJS
 * build (a third of the start-up time of its ESM entry): `.mjs`/`.js`
 * configs are imported natively.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { createJiti as CreateJiti } from 'jiti'
import { VFile } from 'vfile'
import * as z from 'zod'
import { PipelineConfig, type PipelineConfigInput, type ResolvedConfig } from './schema.js'

export const CONFIG_NAMES = ['pipeline.config.ts', 'pipeline.config.mjs', 'pipeline.config.js']

/** Raised when a config file cannot be loaded; `file` carries the messages. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file: VFile
  ) {
    super(message)
  }
}

/** Validate a config object, filling defaults (root: where relative paths start). */
export function resolveConfig(input: PipelineConfigInput = {}, root = process.cwd(), from?: string): ResolvedConfig {
  const result = PipelineConfig.safeParse(input)
  if (!result.success) {
    const file = new VFile({ path: from ?? 'config' })
    for (const issue of result.error.issues) {
      const where = issue.path.join('.') || '(root)'
      const msg = file.message(`Unexpected value at \`${where}\`: ${issue.message}`, { ruleId: 'config', source: 'commitments' })
      msg.fatal = true
    }
    throw new ConfigError(`Invalid config ${from ?? ''}\n${z.prettifyError(result.error)}`, file)
  }
  return { ...result.data, root }
}

/**
 * import(), or the one bin/commitments.js lends: the one-file CLI runs as a
 * vm script, where Node 20 serves no import() of its own.
 */
const importModule = (url: string): Promise<unknown> => {
  const lent = (globalThis as Record<symbol, unknown>)[Symbol.for('commitments.import')] as ((url: string) => Promise<unknown>) | undefined
  return lent ? lent(url) : import(url)
}

/**
 * Find and load the config: an explicit path, else the first of
 * `CONFIG_NAMES` in `cwd`, else the defaults.
 */
export async function loadConfig(explicit?: string, cwd = process.cwd()): Promise<ResolvedConfig> {
  const file = explicit
    ? path.resolve(cwd, explicit)
    : CONFIG_NAMES.map((name) => path.join(cwd, name)).find((p) => fs.existsSync(p))
  if (!file) return resolveConfig({}, cwd)
  if (!fs.existsSync(file)) {
    const vfile = new VFile({ path: file })
    const msg = vfile.message('Cannot find config file', { ruleId: 'config', source: 'commitments' })
    msg.fatal = true
    throw new ConfigError(`Cannot find config file ${file}`, vfile)
  }
  let loaded: unknown
  try {
    if (/\.[cm]?ts$/.test(file)) {
      const { createJiti } = createRequire(import.meta.url)('jiti') as { createJiti: typeof CreateJiti }
      const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false })
      loaded = await jiti.import(file, { default: true })
    } else {
      // The file's mtime in the URL: a config changed since the last load (tests, watch) is read again.
      const module = (await importModule(`${pathToFileURL(file).href}?mtime=${fs.statSync(file).mtimeMs}`)) as { default?: unknown }
      loaded = module.default ?? module
    }
  } catch (error) {
    const vfile = new VFile({ path: file })
    const msg = vfile.message(`Cannot load config: ${(error as Error).message}`, { ruleId: 'config', source: 'commitments' })
    msg.fatal = true
    throw new ConfigError(`Cannot load config ${file}: ${(error as Error).message}`, vfile)
  }
  return resolveConfig((loaded ?? {}) as PipelineConfigInput, path.dirname(file), file)
}
