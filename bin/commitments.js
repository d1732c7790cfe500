#!/usr/bin/env node
// The `commitments` command. It runs the build in dist/ (made by `npm install`);
// when that is missing (an install with --ignore-scripts), it runs the
// TypeScript sources through jiti instead of failing or rebuilding.
import fs from 'node:fs'

const built = new URL('../dist/cli.js', import.meta.url)
if (fs.existsSync(built)) {
  await import(built.href)
} else {
  const { createJiti } = await import('jiti')
  await createJiti(import.meta.url).import(new URL('../src/cli.ts', import.meta.url).pathname)
}
