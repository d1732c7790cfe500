/**
 * Stage: sections (SPEC §3). Walks the body in reading order and turns it
 * into blocks — headings, paragraphs as a person sees them, lists — and the
 * document's section list. Headings are `h1`–`h6`, wholly emphasised short
 * paragraphs (`**<u>Title</u>**`, `I. <span style="text-decoration:
 * underline">…</span>`), and ALL-CAPS bold run-ins ending in a colon.
 */
import type { ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import type { Position } from '../../schema/document.js'
import { isBlank, positionOf, textOf } from '../../text/hast.js'
import type { Block, HeadingBlock, ParagraphBlock } from '../data.js'
import { dropBoxes } from './boxes.js'
import { capsRunIn, emphasisHeading, listHeading, numberedParagraph } from './headings.js'
import { isPhrasing, splitParagraph } from './paragraphs.js'
import { hasFatal } from '../guard.js'

/** Never content: navigation, boilerplate, code, media. */
const SKIPPED = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'head', 'pre', 'table', 'hr', 'img', 'svg', 'iframe', 'button', 'select'])
const LISTS = new Set(['ul', 'ol'])
const HEADING = /^h([1-6])$/


/** The unified plugin. */
export default function sections() {
  return (tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const title = file.data.meta?.titleFromBody ? null : (file.data.meta?.title ?? null)
    const blocks: Block[] = []
    const state = { realLevel: 1, index: 0, titleSkipped: false, quote: 0 }

    // Emphasised headings sit one level below the nearest `#`/`h*` heading.
    const pseudoLevel = () => Math.min(6, state.realLevel + 1)

    const pushHeading = (text: string, level: number, position: Position | undefined) => {
      if (!position) return
      // The title is never a section (SPEC §3): skip a heading repeating it.
      if (!state.titleSkipped && title && sameText(text, title)) {
        state.titleSkipped = true
        return
      }
      blocks.push({ kind: 'heading', index: state.index++, text, level, position })
    }

    const paragraph = (nodes: ElementContent[], fallback?: Position) => {
      for (const part of splitParagraph(nodes)) {
        const position = positionOf(part, fallback)
        if (!position) continue
        const emphasised = emphasisHeading(part)
        if (emphasised) {
          pushHeading(emphasised, pseudoLevel(), position)
          continue
        }
        const numbered = numberedParagraph(part, position)
        if (numbered) {
          blocks.push({ kind: 'list', node: numbered })
          continue
        }
        const runIn = capsRunIn(part)
        if (runIn) pushHeading(runIn, pseudoLevel(), position)
        const block: ParagraphBlock = { kind: 'paragraph', nodes: part, text: textOf(part), position }
        if (runIn) block.runInLabel = runIn
        if (state.quote > 0) block.quote = true
        blocks.push(block)
      }
    }

    const walk = (children: readonly RootContent[]) => {
      let inline: ElementContent[] = []
      const flush = () => {
        if (inline.some((node) => !isBlank(node))) paragraph(inline)
        inline = []
      }
      for (let i = 0; i < children.length; i++) {
        const node = children[i]!
        if (node.type === 'text' || (node.type === 'element' && isPhrasing(node))) {
          inline.push(node)
          continue
        }
        if (node.type !== 'element') continue
        flush()
        const heading = HEADING.exec(node.tagName)
        if (heading) {
          const level = Number(heading[1])
          const text = textOf(node)
          if (text) {
            pushHeading(text, level, positionOf([node]))
            state.realLevel = level
          }
        } else if (node.tagName === 'p') {
          paragraph(node.children, positionOf([node]))
        } else if (LISTS.has(node.tagName)) {
          const heading = listHeading(node, introducesList(children, i))
          if (heading) pushHeading(heading, pseudoLevel(), positionOf([node]))
          else blocks.push({ kind: 'list', node })
        } else if (!SKIPPED.has(node.tagName)) {
          // Containers (div, section, blockquote, …) are read as if their
          // content stood in their place; a block quote's paragraphs are marked.
          const quote = node.tagName === 'blockquote' ? 1 : 0
          state.quote += quote
          walk(node.children)
          state.quote -= quote
        }
      }
      flush()
    }

    walk(tree.children)
    file.data.blocks = dropBoxes(blocks)
    file.data.sections = file.data.blocks
      .filter((block): block is HeadingBlock => block.kind === 'heading')
      .map((block) => ({ index: block.index, heading: block.text, level: block.level, position: block.position }))
  }
}

/** Whether the next element after `children[index]` is a list. */
function introducesList(children: readonly RootContent[], index: number): boolean {
  for (let k = index + 1; k < children.length; k++) {
    const node = children[k]!
    if (node.type === 'element') return LISTS.has(node.tagName)
    if (node.type === 'text' && node.value.trim() !== '') return false
  }
  return false
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return norm(a) === norm(b)
}
