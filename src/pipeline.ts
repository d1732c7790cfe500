/**
 * The pipeline, composed in one place: read → front matter → parse →
 * sections → items → action → topics → assemble → validate.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import rehypeRaw from 'rehype-raw'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { resolveConfig } from './config/load.js'
import type { ResolvedConfig } from './config/schema.js'
import type { Document } from './schema/document.js'
import action from './stages/action.js'
import assemble from './stages/assemble.js'
import frontMatter from './stages/front-matter.js'
import { hasFatal } from './stages/guard.js'
import items from './stages/items.js'
import { readText, type Format } from './stages/read.js'
import { repairEmphasis } from './stages/repair-emphasis.js'
import sections from './stages/sections.js'
import topics from './stages/topics.js'
import validate from './stages/validate.js'

/** The markdown chain: remark parses, remark-rehype + rehype-raw turn it into hast with inline HTML understood. */
export function markdownProcessor() {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml'])
    .use(frontMatter)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(sections)
    .use(items)
    .use(action)
    .use(topics)
    .use(assemble)
    .use(validate)
}

let processor: ReturnType<typeof markdownProcessor> | undefined

/**
 * Run the pipeline on a file made by `readBytes`/`readText`. Never throws
 * for bad input: a failure becomes a fatal message on the file (as
 * unified-engine does), and `file.data.document` is set only on success.
 */
export async function processFile(file: VFile, config: ResolvedConfig = resolveConfig()): Promise<Document | undefined> {
  file.data.config = config
  if (hasFatal(file)) return undefined
  try {
    if (file.data.format === 'html' || file.data.format === 'record') {
      const message = file.message(`Unexpected ${file.data.format} input, expected markdown (HTML and records are not read yet)`, {
        ruleId: 'format',
        source: 'commitments'
      })
      message.fatal = true
      return undefined
    }
    processor ??= markdownProcessor().freeze()
    file.value = repairEmphasis(String(file.value))
    const tree = processor.parse(file)
    await processor.run(tree, file)
  } catch (error) {
    const message = file.message(`Cannot process file: ${(error as Error).message}`, { ruleId: 'crash', source: 'commitments' })
    message.fatal = true
    return undefined
  }
  return hasFatal(file) ? undefined : file.data.document
}

/** Extract one Document from text (tests and library use). */
export async function extract(text: string, options: { path?: string; format?: Format; config?: ResolvedConfig } = {}): Promise<{ document: Document | undefined; file: VFile }> {
  const file = readText(text, options.path, options.format)
  const document = await processFile(file, options.config)
  return { document, file }
}
