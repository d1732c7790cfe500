/**
 * How deep a release nests and how many list items it holds, read from its
 * text in one pass before any parser sees it. The parsers and every tree
 * walk after them recurse (micromark's containers, hast-util-from-parse5,
 * hast-util-to-text), and micromark's time grows with the square of a
 * list's depth: a 1,000-deep list took minutes and then overflowed the
 * stack. Measured here, such a release is refused at once, the same way in
 * a worker and in the main thread, whatever their stacks.
 *
 * Both counts are upper bounds of what the parsers build (a marker in a
 * code block counts too), so a release under the limits is safe to parse.
 */
export interface Shape {
  /** Deepest nesting: list and quote markers, indentation, and raw HTML elements. */
  depth: number
  /** Offset where `depth` was reached. */
  at: number
  /** List items: markdown list markers and `<li>` tags. */
  items: number
}

/** Elements that never hold others. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', '!doctype'])
/** Elements an opening sibling closes (`<p>a<p>b`, `<li>a<li>b`). */
const SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot'])
/** `[^<>]` keeps the scan linear: a `<` without its `>` costs only up to the next `<`. */
const TAG = /<(\/?)([a-zA-Z!][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g

/**
 * The element nesting of HTML (or of the raw HTML in markdown). The scan
 * stops once `limit` is passed: the release is refused whatever follows.
 */
export function htmlShape(text: string, limit = Infinity): Shape {
  const stack: string[] = []
  const shape: Shape = { depth: 0, at: 0, items: 0 }
  TAG.lastIndex = 0
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[2]!.toLowerCase()
    if (m[1]) {
      const open = stack.lastIndexOf(name)
      if (open >= 0) stack.length = open
      continue
    }
    if (name === 'li') shape.items++
    if (VOID.has(name) || m[3] || name.startsWith('!')) continue
    if (SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop()
    stack.push(name)
    if (stack.length > shape.depth) {
      shape.depth = stack.length
      shape.at = m.index
      if (shape.depth > limit) break
    }
  }
  return shape
}

/** Quote and list markers at the start of a line, one after another (`> - 1. text`). */
const MARKER = /[ \t]*(>|[-*+]|\d{1,9}[.)])(?=[ \t\r\n]|$)/y

/**
 * Container nesting of markdown: per line, the markers it opens with plus
 * its indentation (a nested list is indented at least 2 columns a level),
 * and the nesting of its raw HTML on top.
 */
export function markdownShape(text: string, limit = Infinity): Shape {
  const shape: Shape = { depth: 0, at: 0, items: 0 }
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end < 0) end = text.length
    let columns = 0
    let i = start
    for (; i < end && (text[i] === ' ' || text[i] === '\t'); i++) columns += text[i] === '\t' ? 4 - (columns % 4) : 1
    let markers = 0
    MARKER.lastIndex = i
    for (let m = MARKER.exec(text); m && m.index < end; m = MARKER.exec(text)) {
      markers++
      if (m[1] !== '>') shape.items++
      if (MARKER.lastIndex >= end) break
    }
    const depth = Math.floor(columns / 2) + markers
    if (depth > shape.depth) {
      shape.depth = depth
      shape.at = start
      if (depth > limit) return shape
    }
    start = end + 1
  }
  if (!text.includes('<')) return shape
  const html = htmlShape(text, limit - shape.depth)
  return { depth: shape.depth + html.depth, at: html.depth > 0 ? html.at : shape.at, items: shape.items + html.items }
}
