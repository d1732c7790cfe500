#!/usr/bin/env node
// The `commitments` command. It runs the CLI bundled in one file
// (dist/commitments.cjs, made by `npm install` or `npm run build`:
// scripts/bundle.mjs), compiled with V8's code cache (dist/commitments.cache,
// written by the first run that finds none or finds it stale, for example
// after a Node upgrade). When the bundle is missing (an install with
// --ignore-scripts) or older than a source file (an edit without
// `npm run build`), it runs the TypeScript sources through jiti instead, so
// the command never runs stale code.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

const bundle = fileURLToPath(new URL('../dist/commitments.cjs', import.meta.url))
const cache = fileURLToPath(new URL('../dist/commitments.cache', import.meta.url))
const sources = fileURLToPath(new URL('../src/', import.meta.url))

function newestSource(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

/** Best effort: an install the user cannot write to runs without the cache, as fast as Node alone. */
function writeCache(script) {
  const temporary = `${cache}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temporary, script.createCachedData())
    fs.renameSync(temporary, cache)
  } catch {
    fs.rmSync(temporary, { force: true })
  }
}

/** Node's own CommonJS wrapper, with the cache V8 checks against the source and its flags. */
function runBundle() {
  const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '')
  let cachedData
  try {
    cachedData = fs.readFileSync(cache)
  } catch {}
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData })
  // A vm script has no import() of its own on Node 20 (without a flag, or with a code cache): the one the
  // bundle makes at run time, of an .mjs or .js config, is lent from here (src/config/load.ts).
  globalThis[Symbol.for('commitments.import')] = (url) => import(url)
  // Written at exit, so that it holds the functions this run compiled, not only the top level.
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script))
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle))
}

if (fs.existsSync(bundle) && (!fs.existsSync(sources) || fs.statSync(bundle).mtimeMs >= newestSource(sources))) {
  runBundle()
} else {
  const { createJiti } = await import('jiti')
  await createJiti(import.meta.url).import(new URL('../src/cli.ts', import.meta.url).pathname)
}
