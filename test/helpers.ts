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
