/**
 * Stage: sections (SPEC §3). Walks the body in reading order and turns it
 * into blocks — headings, paragraphs as a person sees them, lists — and the
 * document's section list. Headings are `h1`–`h6`, wholly emphasised short
 * paragraphs (`**<u>Title</u>**`, `I. <span style="text-decoration:
 * underline">…</span>`), and ALL-CAPS bold run-ins ending in a colon.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import type { VFile } from 'vfile'
import type { Position } from '../../schema/document.js'
import { isBlank, isBold, isElement, isWhollyEmphasised, positionOf, textOf } from '../../text/hast.js'
import { wordCount } from '../../text/normalize.js'
import type { Block, HeadingBlock, ParagraphBlock } from '../data.js'
import { dropBoxes } from './boxes.js'
import { hasFatal } from '../guard.js'

/** Never content: navigation, boilerplate, code, media. */
const SKIPPED = new Set(['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'template', 'form', 'head', 'pre', 'table', 'hr', 'img', 'svg', 'iframe', 'button', 'select'])
const LISTS = new Set(['ul', 'ol'])
const HEADING = /^h([1-6])$/

/** At most this many words make an emphasised paragraph a heading (SPEC §3). */
const MAX_HEADING_WORDS = 20
const NUMBERING = /^\s*(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s*$/

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
        const block: ParagraphBlock = { kind: 'paragraph', nodes: part, position }
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

const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'ins', 'del', 'strike', 'tt', 'big'
])

/** Inline content (a `span`/`font` counts unless it holds blocks). */
function isPhrasing(node: Element): boolean {
  if (PHRASING.has(node.tagName)) return true
  if (node.tagName === 'span' || node.tagName === 'font') {
    return node.children.every((child) => child.type !== 'element' || isPhrasing(child))
  }
  return false
}

/**
 * Split a paragraph as a person sees it (SPEC §3): at two line breaks in a
 * row, and after a wholly emphasised first line that ends in a line break.
 */
export function splitParagraph(nodes: readonly ElementContent[]): ElementContent[][] {
  // Lines: runs of nodes separated by top-level `<br>`s.
  const lines: ElementContent[][] = [[]]
  for (const node of hoistBreaks(nodes)) {
    if (isElement(node, 'br')) lines.push([])
    else lines[lines.length - 1]!.push(node)
  }
  const parts: ElementContent[][] = []
  let current: ElementContent[] = []
  let brs = 0
  lines.forEach((line, index) => {
    const blank = line.every(isBlank)
    if (index > 0) {
      if (blank) {
        brs++
        return
      }
      if (brs >= 1 || startsNewParagraph(current)) {
        // `<br><br>` (a blank line between two breaks), or a heading line.
        if (current.some((n) => !isBlank(n))) parts.push(current)
        current = []
      } else {
        current.push({ type: 'element', tagName: 'br', properties: {}, children: [] })
      }
      brs = 0
    }
    current.push(...line)
  })
  if (current.some((n) => !isBlank(n))) parts.push(current)
  return parts
}

/**
 * Line breaks at the edges of an emphasis run belong to the paragraph:
 * `<strong>Heading<br></strong>Text` reads as `<strong>Heading</strong><br>Text`.
 */
function hoistBreaks(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = []
  for (const node of nodes) {
    if (node.type !== 'element' || !isPhrasing(node) || node.tagName === 'br' || node.tagName === 'a') {
      out.push(node)
      continue
    }
    const children = hoistBreaks(node.children)
    let first = 0
    let last = children.length
    while (first < last && isBlank(children[first]!)) first++
    while (last > first && isBlank(children[last - 1]!)) last--
    const before = children.slice(0, first).filter((child) => isElement(child, 'br'))
    const after = children.slice(last).filter((child) => isElement(child, 'br'))
    if (before.length === 0 && after.length === 0) {
      out.push(node)
      continue
    }
    out.push(...before, { ...node, children: children.slice(first, last) }, ...after)
  }
  return out
}

/** `1. We, the Leaders…` as a paragraph of its own. */
const NUMBERED = /^\s*(\d{1,3})[.)][\s\u00a0]+(?=\S)/

/**
 * A numbered paragraph (`<p>1. We, the Leaders…</p>`, or a part of a
 * paragraph split at `<br><br>`) is a list item like any other (SPEC §4),
 * as it is when markdown writes it at the start of a block. The item is
 * made as an `ol` so the items stage reads it the same way.
 */
export function numberedParagraph(nodes: readonly ElementContent[], position: Position): Element | undefined {
  const index = nodes.findIndex((node) => !isBlank(node))
  const first = nodes[index]
  if (first?.type !== 'text') return undefined
  const match = NUMBERED.exec(first.value)
  if (!match) return undefined
  const rest: ElementContent = { type: 'text', value: first.value.slice(match[0].length) }
  const li: Element = { type: 'element', tagName: 'li', properties: {}, children: [rest, ...nodes.slice(index + 1)], position }
  return { type: 'element', tagName: 'ol', properties: { start: Number(match[1]) }, children: [li], position }
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

/** A wholly emphasised first line is a heading line of its own. */
function startsNewParagraph(current: ElementContent[]): boolean {
  return current.some((n) => !isBlank(n)) && emphasisHeading(current) !== undefined
}

/**
 * The heading text of a wholly emphasised short paragraph, if it is one;
 * `stopAllowed` lets it end in a sentence stop (a numbered heading that
 * stands before its list).
 */
export function emphasisHeading(nodes: readonly ElementContent[], stopAllowed = false): string | undefined {
  let rest = nodes.filter((node) => !(node.type === 'text' && node.value.trim() === '') && node.type !== 'comment')
  const first = rest[0]
  // An optional numbering such as `I.` or `1.` may stand before the emphasis.
  if (first?.type === 'text' && NUMBERING.test(first.value)) rest = rest.slice(1)
  if (rest.length === 0 || !isWhollyEmphasised(rest)) return undefined
  const text = textOf([...nodes])
  if (!/\p{L}/u.test(text)) return undefined
  if (wordCount(text) > MAX_HEADING_WORDS) return undefined
  if (!stopAllowed && /[.!?]["”’)]?$/.test(text)) return undefined
  return text
}

/**
 * A list of one item that is wholly emphasised, short and without nested
 * items (`1.  **Improving Access to Financing:**` standing before the list
 * it names, `<ol start="3"><li><strong>Title</strong></li></ol>`) is a
 * heading with its numbering, not a commitment (SPEC §3, issue 12). Before
 * a list it may end in a stop (`1.  **Prioritizing women and girls in
 * relief, response and recovery.**`, then the list of what that means).
 */
export function listHeading(list: Element, beforeList = false): string | undefined {
  const items = list.children.filter((child): child is Element => isElement(child, 'li'))
  if (items.length !== 1) return undefined
  const item = items[0]!
  if (item.children.some((child) => isElement(child, 'ul', 'ol'))) return undefined
  const blocks = item.children.filter((child) => !isBlank(child))
  const inline = blocks.length === 1 && isElement(blocks[0], 'p') ? blocks[0].children : item.children
  const text = emphasisHeading(inline, beforeList)
  if (!text) return undefined
  if (list.tagName !== 'ol') return undefined
  const start = typeof list.properties?.start === 'number' ? list.properties.start : 1
  return `${start}. ${text}`
}

/**
 * An ALL-CAPS bold lead-in ending in a colon (`**TREATING AMERICANS
 * EQUALLY:** Today…`): the lead-in without its colon, if the paragraph opens
 * with one and goes on.
 */
export function capsRunIn(nodes: readonly ElementContent[]): string | undefined {
  const index = nodes.findIndex((node) => !isBlank(node))
  const first = nodes[index]
  if (!isBold(first)) return undefined
  const lead = textOf(first as Element)
  const letters = lead.replace(/[^\p{L}]/gu, '')
  if (letters.length < 2 || letters !== letters.toUpperCase()) return undefined
  const after = textOf(nodes.slice(index + 1))
  const colon = /:$/.test(lead) ? after : after.startsWith(':') ? after.slice(1) : undefined
  if (colon === undefined || !/[\p{L}\p{N}]/u.test(colon)) return undefined
  const heading = lead.replace(/\s*:$/, '').trim()
  return heading || undefined
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  return norm(a) === norm(b)
}
