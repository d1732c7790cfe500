/**
 * Boxes that sit inside an article body and are never commitments (SPEC
 * §4, issue 12): "Related Products", "Associated Links", "See also",
 * "Tags", share and print rows — most often a heading or a line followed by
 * a list of links. Whole pages lose such boxes by their class names (main
 * content); scraped markdown and feed fragments keep only the words, so
 * this stage reads the words. The titles are data (`html/page.json`).
 */
import type { ElementContent } from 'hast'
import { textWeight } from '../../html/boilerplate.js'
import page from '../../html/page.json' with { type: 'json' }
import { isElement, textOf } from '../../text/hast.js'
import { wordCount } from '../../text/normalize.js'
import type { Block } from '../data.js'

const fold = (value: string) => value.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim()
const TITLES = new Set(page.boxes.titles.map(fold))

/** Whether a heading's or a line's whole text is a box title ("Related Products", "Tags:"). */
export function isBoxTitle(text: string): boolean {
  return TITLES.has(fold(text).replace(/\s*:$/, ''))
}

/** Mostly link text, or a few words (a date, "Press Statement") as box entries carry. */
function linkish(nodes: readonly ElementContent[], text?: string): boolean {
  let chars = 0
  let linked = 0
  for (const node of nodes) {
    const weight = textWeight(node)
    chars += weight.chars
    linked += weight.linked
  }
  return chars === 0 || linked / chars > 0.5 || wordCount(text ?? textOf(nodes)) <= 6
}

function linkishBlock(block: Block): boolean {
  if (block.kind === 'paragraph') return linkish(block.nodes, block.text)
  if (block.kind !== 'list') return false
  return block.node.children.every((li) => !isElement(li, 'li') || linkish(li.children))
}

/** "Tags: Japan, Trade" with the tags as links: a box in one line. */
function boxLine(nodes: readonly ElementContent[], text: string): boolean {
  const colon = text.indexOf(':')
  return colon > 0 && isBoxTitle(text.slice(0, colon)) && linkish(nodes, text)
}

/**
 * The blocks without the boxes, headings renumbered in order. A box under
 * a heading runs to the next heading of the same or a higher level; a box
 * under a plain line runs while link lists and link lines follow.
 */
export function dropBoxes(blocks: readonly Block[]): Block[] {
  const out: Block[] = []
  let box: { level: number; linksOnly: boolean } | undefined
  let index = 0
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (box && (box.linksOnly || block.level <= box.level)) box = undefined
      if (isBoxTitle(block.text)) box = { level: block.level, linksOnly: false }
      if (box) continue
      out.push({ ...block, index: index++ })
      continue
    }
    if (box?.linksOnly && !linkishBlock(block)) box = undefined
    if (box) continue
    if (block.kind === 'paragraph') {
      if (isBoxTitle(block.text)) {
        box = { level: 0, linksOnly: true }
        continue
      }
      if (boxLine(block.nodes, block.text)) continue
    }
    out.push(block)
  }
  return out
}
