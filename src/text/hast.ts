/**
 * Small hast helpers shared by the structural stages: what counts as
 * emphasis, visible text of a run of nodes, and positions of a run.
 */
import type { Element, ElementContent, Nodes, Root } from 'hast'
import { toText } from 'hast-util-to-text'
import type { Position } from '../schema/document.js'
import { isBlankText, normalizeText } from './normalize.js'

export function isElement(node: Nodes | undefined, ...names: string[]): node is Element {
  return node !== undefined && node.type === 'element' && (names.length === 0 || names.includes(node.tagName))
}

function style(node: Element): string {
  const value = node.properties?.style
  return typeof value === 'string' ? value.toLowerCase() : ''
}

/** Bold: `strong`, `b`, or a span styled `font-weight: bold|600+`. */
export function isBold(node: Nodes | undefined): boolean {
  if (!isElement(node)) return false
  if (node.tagName === 'strong' || node.tagName === 'b') return true
  return /font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(style(node))
}

/** Underlined: `u`, `ins`, or a span styled `text-decoration: underline`. */
export function isUnderline(node: Nodes | undefined): boolean {
  if (!isElement(node)) return false
  if (node.tagName === 'u' || node.tagName === 'ins') return true
  return /text-decoration[^;]*underline/.test(style(node))
}

export function isItalic(node: Nodes | undefined): boolean {
  if (!isElement(node)) return false
  if (node.tagName === 'em' || node.tagName === 'i') return true
  return /font-style\s*:\s*italic/.test(style(node))
}

/** Whitespace-only text, comments and `<br>`: nothing a reader sees as content. */
export function isBlank(node: Nodes): boolean {
  if (node.type === 'comment') return true
  if (node.type === 'text') return isBlankText(node.value)
  return isElement(node, 'br')
}

/**
 * Whether every visible character of the nodes is bold or underlined
 * (SPEC §3 "wholly emphasised"); neutral wrappers such as `span` or `a`
 * count when all of their content is.
 */
export function isWhollyEmphasised(nodes: readonly ElementContent[]): boolean {
  let seen = false
  for (const node of nodes) {
    if (isBlank(node)) continue
    if (node.type !== 'element') return false
    if (isBold(node) || isUnderline(node)) {
      seen = true
      continue
    }
    if (!['ul', 'ol', 'table', 'p', 'div'].includes(node.tagName) && isWhollyEmphasised(node.children)) {
      seen = true
      continue
    }
    return false
  }
  return seen
}

/** Visible text of a run of nodes, normalised (SPEC §4). */
export function textOf(nodes: readonly ElementContent[] | Element | Root): string {
  const node: Nodes = Array.isArray(nodes)
    ? { type: 'element', tagName: 'div', properties: {}, children: [...(nodes as ElementContent[])] }
    : (nodes as Element | Root)
  return normalizeText(toText(node, { whitespace: 'normal' }))
}

/** First node of a run with a start point, last with an end point. */
export function positionOf(nodes: readonly Nodes[], fallback?: Position): Position | undefined {
  let start: Position['start'] | undefined
  let end: Position['end'] | undefined
  for (const node of nodes) {
    const p = node.position
    if (p?.start && p.start.offset !== undefined) {
      start = { line: p.start.line, column: p.start.column, offset: p.start.offset }
      break
    }
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const p = nodes[i]!.position
    if (p?.end && p.end.offset !== undefined) {
      end = { line: p.end.line, column: p.end.column, offset: p.end.offset }
      break
    }
  }
  if (!start || !end) return fallback
  return { start, end }
}
