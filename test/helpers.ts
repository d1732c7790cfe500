import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { extract, resolveConfig, type Document } from '../src/index.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const config = resolveConfig({}, root)

/** Extract a markdown snippet (front matter added when missing). */
export async function md(body: string, title = 'FACT SHEET: Test'): Promise<Document> {
  const text = body.startsWith('---') ? body : `---\ntitle: '${title}'\ndate: '2025-01-06'\n---\n\n${body}`
  const { document, file } = await extract(text, { path: 'test.md', config })
  if (!document) throw new Error(`no document: ${file.messages.map(String).join('\n')}`)
  return document
}

/** The bundled fixtures' inputs (markdown and HTML), sorted. */
export const fixtureInputs = (): string[] =>
  fs
    .readdirSync(path.join(root, 'fixtures'))
    .sort()
    .flatMap((dir) => ['input.md', 'input.html'].map((f) => path.join(root, 'fixtures', dir, f)))
    .filter((f) => fs.existsSync(f))

/** Wait until a running `extract` has finished `count` inputs (its manifest's lines), or has exited. */
export async function manifestReaches(child: ChildProcess, manifest: string, count: number): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const done = fs.existsSync(manifest) ? fs.readFileSync(manifest, 'utf8').split('\n').length - 1 : 0
    if (done >= count || child.exitCode !== null) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A fresh temporary folder. */
export const tmp = (prefix = 'commitments-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix))

/** The objects of a JSON Lines file (Documents, errors, manifest entries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readJsonl = (file: string): any[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
