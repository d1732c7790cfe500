/**
 * What makes a block a heading (SPEC §3): a wholly emphasised short
 * paragraph (with an optional `I.` or `1.`), a one-item ordered list of
 * bold text, an ALL-CAPS bold run-in ending in a colon; and a numbered
 * paragraph, which is a list item instead.
 */
import type { Element, ElementContent } from 'hast'
import type { Position } from '../../schema/document.js'
import { isBlank, isBold, isElement, isWhollyEmphasised, textOf } from '../../text/hast.js'
import { wordCount } from '../../text/normalize.js'

/** At most this many words make an emphasised paragraph a heading (SPEC §3). */
const MAX_HEADING_WORDS = 20
const NUMBERING = /^\s*(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]\s*$/

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
