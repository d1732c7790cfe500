// `npm run build`, after tsc: the CLI and its worker each as one file
// (dist/commitments.cjs, dist/worker.js; bin/commitments.js runs the first).
// Loading one file instead of about 500 modules, and compromise's tagger
// without recomputing its model, is most of a one-release run's start-up:
// see bench/README.md (cold start). The library (dist/index.js) stays as
// tsc wrote it.
//
// compromise's tagger comes with its model computed here, not at each start
// (./compromise-model.mjs).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { fastCompromise } from './compromise-model.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Native, loaded on demand, or a config loader for TypeScript: left to node_modules.
  external: ['better-sqlite3', 'pg', 'jiti', 'playwright-core'],
  plugins: [fastCompromise()],
  logLevel: 'warning'
}

// The CLI as a CommonJS script: bin/commitments.js compiles it with V8's code cache (dist/commitments.cache),
// which an ES module cannot use on Node 20. import.meta becomes the script's own address.
await build({
  ...common,
  entryPoints: [path.join(root, 'dist', 'cli.js')],
  outfile: path.join(root, 'dist', 'commitments.cjs'),
  format: 'cjs',
  define: { 'import.meta.url': '__bundleUrl', 'import.meta.resolve': '__bundleResolve' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href; const __bundleResolve = (name) => require('node:url').pathToFileURL(require.resolve(name)).href;" }
})

// The worker the CLI's pool starts (src/batch/pool.ts: ./worker.js beside it), an ES module.
await build({
  ...common,
  entryPoints: [path.join(root, 'dist', 'batch', 'worker.js')],
  outfile: path.join(root, 'dist', 'worker.js'),
  format: 'esm',
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" }
})

// The code cache is written by the first run that finds none: one here, on a bundled release, so that
// it holds the functions an extraction compiles.
fs.rmSync(path.join(root, 'dist', 'commitments.cache'), { force: true })
const warm = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-bundle-'))
const release = path.join(root, 'fixtures', fs.readdirSync(path.join(root, 'fixtures')).sort().find((d) => fs.existsSync(path.join(root, 'fixtures', d, 'input.md'))), 'input.md')
const run = spawnSync(process.execPath, [path.join(root, 'bin', 'commitments.js'), 'extract', release, '--out', path.join(warm, 'out'), '--quiet'], { cwd: warm, stdio: 'inherit' })
fs.rmSync(warm, { recursive: true, force: true })
if (run.status !== 0) process.exit(run.status ?? 1)
