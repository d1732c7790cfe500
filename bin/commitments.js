#!/usr/bin/env node
// The `commitments` command. It runs the build in dist/ (made by `npm install`);
// when that is missing (an install with --ignore-scripts) or older than a
// source file (an edit without `npm run build`), it runs the TypeScript
// sources through jiti instead, so the command never runs stale code.
import fs from 'node:fs'

const built = new URL('../dist/cli.js', import.meta.url)
const sources = new URL('../src/', import.meta.url)

function newestSource(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = new URL(entry.name + (entry.isDirectory() ? '/' : ''), dir)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const fresh = fs.existsSync(built) && (!fs.existsSync(sources) || fs.statSync(built).mtimeMs >= newestSource(sources))
if (fresh) {
  await import(built.href)
} else {
  const { createJiti } = await import('jiti')
  await createJiti(import.meta.url).import(new URL('../src/cli.ts', import.meta.url).pathname)
}
