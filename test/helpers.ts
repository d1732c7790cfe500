import { spawn, spawnSync, type ChildProcess, type SpawnSyncOptions } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import Database from 'better-sqlite3'
import { afterAll, expect } from 'vitest'
import { fileURLToPath } from 'node:url'
import { extract, resolveConfig, type Document } from '../src/index.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const config = resolveConfig({}, root)

/** The command as a user runs it (`bin/commitments.js`, the built `dist/`), from the project folder unless `cwd` says otherwise. */
export const cli = path.join(root, 'bin', 'commitments.js')
export const runCli = (args: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', ...options, cwd: options.cwd ?? root }) as { status: number | null; stdout: string; stderr: string }
/** The CLI in a child process that runs alongside others (two loaders at once): its exit code and stderr. */
export function runCliAsync(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

/** Extract a markdown snippet (front matter added when missing). */
export async function md(body: string, title = 'FACT SHEET: Test'): Promise<Document> {
  const text = body.startsWith('---') ? body : `---\ntitle: '${title}'\ndate: '2025-01-06'\n---\n\n${body}`
  const { document, file } = await extract(text, { path: 'test.md', config })
  if (!document) throw new Error(`no document: ${file.messages.map(String).join('\n')}`)
  return document
}

/** The bundled fixtures' expected Documents, in the order of their folders. */
export const fixtureDocuments = (): Document[] =>
  fs
    .readdirSync(path.join(root, 'fixtures'))
    .sort()
    .map((dir) => path.join(root, 'fixtures', dir, 'expected.json'))
    .filter((file) => fs.existsSync(file))
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Document)

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

/**
 * Whether a commitment's position covers its text (issue 18 #9): the
 * letters and digits of its text, in order, are letters and digits of the
 * source between start and end, once the source's tags are taken out and
 * its numeric character references decoded (or as written, for tags in a
 * code span); the source may hold more (link targets, escapes, markup),
 * never fewer. An empty span covers nothing.
 */
export function coversText(source: string, position: { start: { offset: number }; end: { offset: number } }, text: string): boolean {
  if (position.end.offset <= position.start.offset) return false
  const raw = source.slice(position.start.offset, position.end.offset)
  const visible = raw
    .replace(/<\/?(?:br|p|li|ul|ol|div|h[1-6]|td|th|tr|table|blockquote|section|article)\b[^>]*>/gi, ' ')
    .replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi, '')
    .replace(/&#(x[0-9a-f]+|\d+);/gi, (whole, n: string) => {
      const code = n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n)
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole
    })
  const letters = (value: string) => (value.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]/gu) ?? []).join('')
  const wanted = letters(text)
  return [visible, raw].some((value) => {
    const have = letters(value)
    let k = 0
    for (const char of wanted) {
      k = have.indexOf(char, k)
      if (k < 0) return false
      k++
    }
    return true
  })
}

export const POSTGRES = process.env.COMMITMENTS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Throwaway PostgreSQL schemas for one test file, dropped after it: call at the top level. */
export function throwawaySchemas(prefix: string): () => string {
  const schemas: string[] = []
  afterAll(async () => {
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
    await client.end()
  })
  return () => {
    const name = `${prefix}_${process.pid}_${schemas.length}_${Date.now().toString(36)}`
    schemas.push(name)
    return `${POSTGRES}?schema=${name}`
  }
}

/** FTS5 compares its index with the content table (rank 1) and throws on any difference. */
export function expectFtsInStep(file: string): void {
  const db = new Database(file)
  expect(() => db.prepare("INSERT INTO commitments_fts (commitments_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
  expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all()).toEqual(['commitments_fts_delete', 'commitments_fts_insert'])
  db.close()
}
