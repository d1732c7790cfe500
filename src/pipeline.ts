/**
 * The pipeline, composed in one place. Two ways in, one way on:
 *
 *   markdown: remark-parse → front matter → remark-rehype → rehype-raw → break positions → source points ┐
 *   HTML:     rehype-parse → source points → page metadata → main content ───────────────────────────────┤
 *                                                                                                        ↓
 *   record metadata → sections → items → action → topics → entities → actors → dates → amounts → assemble → validate
 *
 * Both ways end in the same hast, so everything after parsing is shared.
 */
import fs from 'node:fs'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeRaw from 'rehype-raw'
import { unified, type Preset } from 'unified'
import type { VFile } from 'vfile'
import { resolveConfig } from './config/load.js'
import { readFailure } from './errors.js'
import type { ResolvedConfig } from './config/schema.js'
import type { Document } from './schema/document.js'
import action from './stages/annotate/action.js'
import actors from './stages/annotate/actors.js'
import assemble from './stages/output/assemble.js'
import breakPositions from './stages/parse/break-positions.js'
import amounts from './stages/annotate/amounts.js'
import dates from './stages/annotate/dates.js'
import entities from './stages/annotate/entities.js'
import frontMatter, { openingRule } from './stages/parse/front-matter.js'
import { hasFatal } from './stages/guard.js'
import { startClock, withinLimits } from './limits/check.js'
import items from './stages/structure/items.js'
import { listItem } from './stages/parse/list-item.js'
import { readBytes, readText, unreadable, type Format } from './stages/input/read.js'
import recordMeta from './stages/structure/record-meta.js'
import { splitRecords } from './stages/input/records.js'
import { repairEmphasis } from './stages/parse/repair-emphasis.js'
import sections from './stages/structure/sections.js'
import sourcePoints from './stages/parse/source-points.js'
import topics from './stages/annotate/topics.js'
import validate from './stages/output/validate.js'
import { replaceUnsafe, unsafeWarning } from './text/unsafe.js'
import { location } from 'vfile-location'

/** The stages after parsing, shared by every input format. */
export const extraction: Preset = { plugins: [recordMeta, sections, items, action, topics, entities, actors, dates, amounts, assemble, validate] }

/** The markdown chain: remark parses, remark-rehype + rehype-raw turn it into hast with inline HTML understood. */
export function markdownProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(frontMatter)
    .use(remarkRehype, { allowDangerousHtml: true, handlers: { listItem } })
    .use(rehypeRaw)
    .use(breakPositions)
    .use(sourcePoints)
    .use(extraction)
}

/**
 * The HTML chain: a whole page or a fragment, cut down to its article body.
 * Loaded on first use, so a markdown run does not pay for the HTML parser
 * and the selector engine.
 */
export async function htmlProcessor() {
  const [{ default: rehypeParse }, { default: pageMeta }, { default: mainContent }] = await Promise.all([
    import('rehype-parse'),
    import('./stages/parse/page-meta.js'),
    import('./stages/parse/main-content.js')
  ])
  return unified().use(rehypeParse).use(sourcePoints).use(pageMeta).use(mainContent).use(extraction)
}

let markdown: ReturnType<typeof markdownProcessor> | undefined
let html: Awaited<ReturnType<typeof htmlProcessor>> | undefined

/**
 * Run the pipeline on a file made by `readBytes`/`readText`. Never throws
 * for bad input: a failure becomes a fatal message on the file (as
 * unified-engine does), and `file.data.document` is set only on success.
 */
export async function processFile(file: VFile, config: ResolvedConfig = resolveConfig()): Promise<Document | undefined> {
  file.data.config = config
  if (hasFatal(file)) return undefined
  try {
    const record = file.data.record
    if (file.data.format === 'record' && !record) {
      const message = file.message('Unexpected records file, expected one release: read it with `readDocuments`', { ruleId: 'format', source: 'commitments' })
      message.fatal = true
      return undefined
    }
    const isHtml = file.data.format === 'html' || record?.field === 'html'
    // The parsers skip a leading BOM without counting it: a second one (the read dropped the first) would shift every position.
    const safe = replaceUnsafe(String(file.value).replace(/^\ufeff+/, ''))
    file.value = safe.text
    if (safe.count > 0) {
      file.message(unsafeWarning(safe.count, 'the text'), { place: location(file).toPoint(safe.first), ruleId: 'unsafe-character', source: 'commitments' })
    }
    if (!withinLimits(file, safe.text, isHtml, config.limits)) return undefined
    startClock(file, config.limits)
    if (isHtml) {
      html ??= (await htmlProcessor()).freeze()
      await html.run(html.parse(file), file)
    } else {
      markdown ??= markdownProcessor().freeze()
      file.value = openingRule(repairEmphasis(String(file.value)))
      await markdown.run(markdown.parse(file), file)
    }
  } catch (error) {
    // The limits keep nesting within any thread's stack; what still overflows it is named, not a crash.
    const overflow = error instanceof RangeError && /call stack/i.test(error.message)
    const reason = overflow ? `Unexpected nesting too deep to read (the stack overflowed), expected at most ${config.limits.depth} levels` : `Cannot process file: ${(error as Error).message}`
    const message = file.message(reason, { ruleId: overflow ? 'too-deep' : 'crash', source: 'commitments' })
    message.fatal = true
    return undefined
  }
  return hasFatal(file) ? undefined : file.data.document
}

/**
 * The releases a file holds: itself, or one per record of an archive.
 * Never throws: a bad record is a fatal message on its own VFile.
 */
export function readDocuments(file: VFile): VFile[] {
  if (hasFatal(file)) return [file]
  return file.data.format === 'record' ? splitRecords(file) : [file]
}

/** What `extract` reads: the text of a release, or `{ path }` to read a file. */
export type ExtractInput = string | { path: string }
export interface ExtractOptions {
  /** The file name the text came from (messages name it; its extension picks the format). */
  path?: string
  format?: Format
  /** Default: the built-in defaults (`resolveConfig()`); `loadConfig()` reads `pipeline.config.ts`. */
  config?: ResolvedConfig
}

/** A one-line string naming a file (`release.md`, an existing path): almost surely not the text of a release. */
const looksLikePath = (text: string) =>
  text.length > 0 && text.length < 4096 && !/[\r\n]/.test(text) && (/^[^\s<>]+\.(?:md|markdown|html?|jsonl|ndjson|txt)$/i.test(text.trim()) || fs.existsSync(text))

/** The VFile for an input: the text itself, or the file at `{ path }` (a missing or bad file is a fatal message on it). */
async function inputFile(input: ExtractInput, options: ExtractOptions): Promise<VFile> {
  if (typeof input === 'string') {
    if (looksLikePath(input)) {
      throw new TypeError(`extract() takes the text of a release; \`${input}\` looks like a file path: pass { path: ${JSON.stringify(input)} } to read the file`)
    }
    return readText(input, options.path, options.format)
  }
  if (input && typeof input === 'object' && typeof input.path === 'string') {
    try {
      return readBytes(new Uint8Array(await fs.promises.readFile(input.path)), input.path)
    } catch (error) {
      return unreadable(input.path, readFailure(error))
    }
  }
  throw new TypeError('extract() takes the text of a release (a string) or { path } of a file')
}

/**
 * Extract one Document from the text of a release, or from `{ path }`.
 * Resolves to `{ document, file }`: the Document, undefined when the
 * release failed, and the VFile with every message (warnings, and the
 * fatal ones that say why it failed). Never rejects for bad input; a path
 * string passed as text is refused (TypeError).
 */
export async function extract(input: ExtractInput, options: ExtractOptions = {}): Promise<{ document: Document | undefined; file: VFile }> {
  const file = await inputFile(input, options)
  const document = await processFile(file, options.config)
  return { document, file }
}

/** Every Document of a text or file that may hold many records (a `.jsonl` archive), each as `extract` gives it. */
export async function extractAll(input: ExtractInput, options: ExtractOptions = {}): Promise<Array<{ document: Document | undefined; file: VFile }>> {
  const results = []
  for (const file of readDocuments(await inputFile(input, options))) {
    results.push({ document: await processFile(file, options.config), file })
  }
  return results
}
