/**
 * The package's version, read from its package.json. This module sits at the
 * top of src/ so that `../package.json` is the package's from dist/ as tsc
 * writes it and from the one-file bundle (dist/commitments.js) alike.
 */
import fs from 'node:fs'

let version: string | undefined
export function packageVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  return version
}
