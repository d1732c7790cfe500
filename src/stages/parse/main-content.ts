/**
 * Stage: main content (SPEC §2, HTML). Finds the article body of a saved
 * page and makes it the whole tree, so that the later stages — the same
 * ones markdown goes through — never see navigation, footers, "related"
 * boxes or share bars.
 *
 * 1. A known site's container (`page.json`, kept as data) wins.
 * 2. A fragment (feed content: no `<html>`/`<body>` written) is all body.
 * 3. Otherwise, from `main`/`article`/`body`, go down into the child that
 *    holds nearly all of the non-link text, as long as nothing left behind
 *    is a paragraph of its own. Unlike readability-style extractors this
 *    keeps lists whole: they are what we extract.
 *
 * Boilerplate below the chosen element is removed in every case.
 */
import type { Element, Root } from 'hast'
import { select, selectAll } from 'hast-util-select'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { contentScore, isBoilerplate, stripBoilerplate, stripLinkLists } from '../../html/boilerplate.js'
import page from '../../html/page.json' with { type: 'json' }
import { hasFatal } from '../guard.js'

/** A child holding at least this share of the non-link text is the body. */
const DOMINANT = 0.8
/** Left-behind text blocks of at least this many words are content: stop going down. */
const PARAGRAPH_WORDS = 20

export default function mainContent() {
  return (tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const { node, how } = findBody(tree)
    // The fallback stripped the whole body before choosing; the others strip their choice.
    if (how === 'fallback') stripLinkLists(node)
    else stripBoilerplate(node)
    file.data.bodyFoundBy = how
    tree.children = node.type === 'root' ? node.children : [node]
  }
}

export type BodyFoundBy = 'container' | 'fragment' | 'fallback'

export function findBody(tree: Root): { node: Element | Root; how: BodyFoundBy } {
  for (const { selector } of page.containers) {
    const found = selectAll(selector, tree).find((node) => !insideBoilerplate(tree, node) && contentScore(node) > 0)
    if (found) return { node: found, how: 'container' }
  }
  const html = select('html', tree)
  const body = select('body', tree)
  // rehype-parse adds `html`/`body` to a fragment without a position.
  if (!html?.position && !body?.position) return { node: body ?? tree, how: 'fragment' }
  const start = (body ?? tree) as Element | Root
  stripBoilerplate(start)
  const mains = selectAll('main, [role=main]', start)
  const articles = selectAll('article', start)
  let node: Element | Root = mains[0] ?? (articles.length === 1 ? articles[0]! : start)
  for (;;) {
    const next = dominantChild(node)
    if (!next) break
    node = next
  }
  return { node, how: 'fallback' }
}

/** The child holding nearly all the content, when nothing else counts. */
function dominantChild(node: Element | Root): Element | undefined {
  const total = contentScore(node)
  if (total === 0) return undefined
  const children = (node.children as Root['children']).filter((child): child is Element => child.type === 'element')
  let best: Element | undefined
  let bestScore = 0
  for (const child of children) {
    const score = contentScore(child)
    if (score > bestScore) {
      best = child
      bestScore = score
    }
  }
  if (!best || bestScore < DOMINANT * total) return undefined
  // Going down must not leave a paragraph of the article behind.
  const leftBehind = node.children.filter((child) => child !== best)
  if (leftBehind.some((child) => longestBlockWords(child) >= PARAGRAPH_WORDS)) return undefined
  return best
}

const TEXT_BLOCKS = new Set(['p', 'li', 'dd', 'dt', 'blockquote', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption'])

/** Words in the longest paragraph-like block of non-link text below a node. */
function longestBlockWords(node: Root['children'][number]): number {
  if (node.type === 'text') return words(node.value)
  if (node.type !== 'element') return 0
  if (TEXT_BLOCKS.has(node.tagName)) return nonLinkWords(node)
  let own = 0
  let longest = 0
  for (const child of node.children) {
    if (child.type === 'text') own += words(child.value)
    else longest = Math.max(longest, longestBlockWords(child))
  }
  return Math.max(own, longest)
}

function nonLinkWords(node: Element): number {
  let count = 0
  visit(node, (child) => {
    if (child !== node && child.type === 'element' && child.tagName === 'a') return SKIP
    if (child.type === 'text') count += words(child.value)
    return undefined
  })
  return count
}

const words = (value: string) => value.split(/\s+/).filter(Boolean).length

function insideBoilerplate(tree: Root, target: Element): boolean {
  const path: Element[] = []
  const visit = (node: Root | Element): boolean => {
    for (const child of node.children) {
      if (child.type !== 'element') continue
      if (child === target) return true
      path.push(child)
      if (visit(child)) return true
      path.pop()
    }
    return false
  }
  visit(tree)
  return path.some(isBoilerplate)
}
