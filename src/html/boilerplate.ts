/**
 * What on a web page is never content (SPEC §4): navigation, headers,
 * footers, "related" boxes, share bars. The rules are data (`page.json`);
 * this module applies them to hast.
 */
import type { Element, ElementContent, Nodes, Parents } from 'hast'
import page from './page.json' with { type: 'json' }

const TAGS = new Set(page.boilerplate.tags)
const ROLES = new Set(page.boilerplate.roles)
const TOKENS = new Set(page.boilerplate.tokens)

function tokensOf(value: unknown): string[] {
  const words = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []
  return words.flatMap((word) => word.toLowerCase().split(/[\s_-]+/)).filter(Boolean)
}

/** Whether an element is boilerplate by its name, role, class or id. */
export function isBoilerplate(node: Element): boolean {
  if (TAGS.has(node.tagName)) return true
  const role = node.properties.role
  if (typeof role === 'string' && ROLES.has(role.toLowerCase())) return true
  if (node.properties.hidden !== undefined && node.properties.hidden !== false) return true
  if (node.properties.ariaHidden === 'true') return true
  return [...tokensOf(node.properties.className), ...tokensOf(node.properties.id)].some((token) => TOKENS.has(token))
}

/** Remove boilerplate below `parent` (not `parent` itself), in place. */
export function stripBoilerplate(parent: Parents): void {
  parent.children = parent.children.filter((child) => child.type !== 'element' || !isBoilerplate(child)) as typeof parent.children
  for (const child of parent.children) if (child.type === 'element') stripBoilerplate(child)
}

/** Characters of visible text, and how many of them are link text. */
export function textWeight(node: Nodes, inLink = false): { chars: number; linked: number } {
  if (node.type === 'text') {
    const chars = node.value.replace(/\s+/g, '').length
    return { chars, linked: inLink ? chars : 0 }
  }
  if (node.type !== 'element' && node.type !== 'root') return { chars: 0, linked: 0 }
  const link = inLink || (node.type === 'element' && node.tagName === 'a')
  let chars = 0
  let linked = 0
  for (const child of node.children) {
    const weight = textWeight(child, link)
    chars += weight.chars
    linked += weight.linked
  }
  return { chars, linked }
}

/** Text that is not link text: what an article has and a menu lacks. */
export function contentScore(node: Nodes): number {
  const { chars, linked } = textWeight(node)
  return chars - linked
}

/**
 * A list whose every item is mostly link text is a menu, even without a
 * telling class (used only on pages of unknown sites).
 */
export function isLinkList(node: Element): boolean {
  if (node.tagName !== 'ul' && node.tagName !== 'ol') return false
  const items = node.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li')
  if (items.length < 2) return false
  return items.every((item) => {
    const { chars, linked } = textWeight(item)
    return chars === 0 || linked / chars > 0.5
  })
}

/** Remove menu-like lists below `parent`, in place. */
export function stripLinkLists(parent: Parents): void {
  parent.children = parent.children.filter((child) => child.type !== 'element' || !isLinkList(child)) as ElementContent[]
  for (const child of parent.children) if (child.type === 'element') stripLinkLists(child)
}
