/**
 * Paragraphs as a person sees them (SPEC §3): a `<p>` split at two line
 * breaks in a row, and after a wholly emphasised first line.
 */
import type { Element, ElementContent } from 'hast'
import { isBlank, isElement } from '../../text/hast.js'
import { emphasisHeading } from './headings.js'

const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp',
  'small', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'ins', 'del', 'strike', 'tt', 'big'
])

/** Inline content (a `span`/`font` counts unless it holds blocks). */
export function isPhrasing(node: Element): boolean {
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

/** A wholly emphasised first line is a heading line of its own. */
function startsNewParagraph(current: ElementContent[]): boolean {
  return current.some((n) => !isBlank(n)) && emphasisHeading(current) !== undefined
}
