/**
 * Stage: items (SPEC §4). Turns blocks into commitments: every list item at
 * any depth (its own text, without nested lists), labelled paragraphs
 * (`**Space.** The United States will…`, `Title Case Title: text`), and the
 * sentences of narrative paragraphs as candidates, which the action stage
 * keeps when a party is their subject. Block quotes and table rows are not
 * commitments.
 */
import type { Element, ElementContent, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Link, Position } from '../../schema/document.js'
import { splitSentences } from '../../sentences/split.js'
import { visibleText } from '../../sentences/visible.js'
import { isBlank, isBold, isElement, isItalic, positionOf, textOf } from '../../text/hast.js'
import { wordCount } from '../../text/normalize.js'
import { isTitleCase } from '../../text/title-case.js'
import type { Item } from '../data.js'
import { hasFatal } from '../guard.js'

/** Separators between a label and its text: `.`, `:`, `,`, `;`, dashes. */
const SEPARATOR_END = /[\s.:,;\u2013\u2014-]+$/
const SEPARATOR_START = /^[\s.:,;\u2013\u2014-]+/
/** A short title before a colon (SPEC §4): at most 8 words. */
const MAX_TITLE_WORDS = 8

export default function items() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const minWords = file.data.config?.minWords ?? 3
    const out: Item[] = []
    let key = 0
    let section: { index: number; text: string | null } = { index: -1, text: null }

    const maxCharacters = file.data.config?.limits.itemCharacters ?? Infinity
    const add = (item: Omit<Item, 'key' | 'sectionIndex' | 'section'>): number | undefined => {
      const characters = item.text.length + (item.label?.length ?? 0)
      if (characters > maxCharacters) {
        file.message(`Unexpected item of ${characters} characters, expected at most ${maxCharacters} (limits.itemCharacters in pipeline.config.ts): not kept`, {
          place: item.position,
          ruleId: 'long-item',
          source: 'commitments'
        })
        return undefined
      }
      if (wordCount(item.text) < minWords) {
        // A short sentence ("We agree.") is narrative, not a dropped item.
        if (item.unit === 'sentence') return undefined
        // The item is short in words, not always in characters: the message quotes at most 80.
        const quoted = item.text.length > 80 ? `${item.text.slice(0, 79)}…` : item.text
        const message = file.message(`Unexpected short item \`${quoted}\`, expected at least ${minWords} words`, {
          place: item.position,
          ruleId: 'short-item',
          source: 'commitments'
        })
        message.fatal = false
        return undefined
      }
      const full: Item = { key: key++, sectionIndex: section.index, section: section.text, ...item }
      out.push(full)
      return full.key
    }

    const list = (node: Element, parentKey: number | undefined, parentText: string | undefined) => {
      for (const li of node.children) {
        if (!isElement(li, 'li')) continue
        const own = li.children.filter((child) => !isElement(child, 'ul', 'ol'))
        const nested = li.children.filter((child): child is Element => isElement(child, 'ul', 'ol'))
        const content = own.filter((n) => !isBlank(n))
        // From the marker to the end of the item's own text, nested lists excluded.
        const whole = positionOf([li])
        const end = positionOf(content, whole)?.end
        let thisKey: number | undefined
        let text: string | undefined
        if (content.length > 0 && whole && end) {
          const labelled = splitLabel(leadRun(own), textOf(own))
          text = labelled.text
          const item: Omit<Item, 'key' | 'sectionIndex' | 'section'> = {
            unit: 'item',
            text: labelled.text,
            links: links(own, file.data.meta?.url),
            position: { start: whole.start, end }
          }
          if (labelled.label) item.label = labelled.label
          if (parentKey !== undefined) item.parentKey = parentKey
          if (parentText && /:$/.test(parentText)) item.context = parentText
          thisKey = add(item)
        }
        for (const child of nested) list(child, thisKey ?? parentKey, text ?? parentText)
      }
    }

    const source = String(file.value)
    let place: ReturnType<typeof location> | undefined
    const point = (offset: number) => {
      place ??= location(source)
      const p = place.toPoint(offset)
      return { line: p?.line ?? 1, column: p?.column ?? 1, offset }
    }
    /** The sentences of a narrative paragraph, each with its span in the source. */
    const sentences = (nodes: ElementContent[]): Array<Omit<Item, 'key' | 'sectionIndex' | 'section'>> => {
      const visible = visibleText(nodes, source)
      const paragraphLinks = links(nodes, file.data.meta?.url)
      return splitSentences(visible.text).map(({ start, end }) => {
        const text = visible.text.slice(start, end)
        const last = visible.offsets[end - 1]!
        const position: Position = { start: point(visible.offsets[start]!), end: point(last + sourceLength(source, last)) }
        return { unit: 'sentence', text, links: paragraphLinks.filter((link) => link.text && text.includes(link.text)), position }
      })
    }

    for (const block of file.data.blocks ?? []) {
      if (block.kind === 'heading') {
        section = { index: block.index, text: block.text }
      } else if (block.kind === 'list') {
        list(block.node, undefined, undefined)
      } else {
        // A labelled paragraph is a commitment; an ALL-CAPS run-in keeps
        // its heading text (without the colon) as its label.
        const labelled = splitLabel(block.nodes, block.text)
        if (!labelled.label) {
          if (!block.quote) for (const sentence of sentences(block.nodes)) add(sentence)
          continue
        }
        add({
          unit: 'paragraph',
          label: block.runInLabel ?? labelled.label,
          text: labelled.text,
          links: links(block.nodes, file.data.meta?.url),
          position: block.position
        })
      }
    }
    file.data.items = out
  }
}

/** How many source characters the visible character at `offset` takes (`&amp;` is five). */
function sourceLength(source: string, offset: number): number {
  if (source[offset] !== '&') return 1
  return /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i.exec(source.slice(offset, offset + 40))?.[0].length ?? 1
}

/** The inline content that opens an item: its first paragraph, or its own inline run. */
function leadRun(own: ElementContent[]): ElementContent[] {
  const first = own.find((n) => !isBlank(n))
  if (isElement(first, 'p', 'div')) return first.children
  return own
}

/**
 * Split a label from the text (SPEC §4): an opening bold run followed by a
 * separator and more text, or a short Title Case (or italic) title and a
 * colon. Without either, the whole text stays and there is no label.
 */
export function splitLabel(nodes: readonly ElementContent[], full: string): { label?: string; text: string } {
  const index = nodes.findIndex((node) => !isBlank(node))
  const first = nodes[index]
  if (isBold(first)) {
    // The bold run: adjacent bold elements with only whitespace between
    // (`**Deliver an** **investigator's toolkit**` is one run).
    let end = index + 1
    for (let k = index + 1; k < nodes.length; k++) {
      const node = nodes[k]!
      if (isBold(node)) end = k + 1
      else if (!isBlank(node) || isElement(node, 'br')) break
    }
    const bold = textOf(nodes.slice(index, end))
    if (bold && full.startsWith(bold)) {
      const label = bold.replace(SEPARATOR_END, '')
      const text = full.slice(bold.length).replace(SEPARATOR_START, '')
      if (label && /[\p{L}\p{N}]/u.test(text)) return { label, text }
    }
  }
  const colon = /^([^:]{1,120}?):\s+(\S.*)$/su.exec(full)
  if (colon) {
    const title = colon[1]!.trim()
    const italicTitle = isItalic(first) && textOf(first as Element).replace(/:$/, '').trim() === title
    if (italicTitle || isTitle(title)) return { label: title, text: colon[2]!.trim() }
  }
  return { text: full }
}

/** At most 8 words of Title Case, with no sentence inside. */
function isTitle(title: string): boolean {
  if (/[.!?;]\s/.test(title) || /[;!?"“”]/.test(title)) return false
  return isTitleCase(title, MAX_TITLE_WORDS)
}

/** Links inside the item, resolved against the document URL when relative. */
function links(nodes: readonly ElementContent[], base: string | undefined): Link[] {
  const out: Link[] = []
  for (const node of nodes) {
    visit(node, 'element', (element) => {
      // A nested list's links belong to its own items.
      if (element.tagName === 'ul' || element.tagName === 'ol') return SKIP
      if (element.tagName === 'a' && typeof element.properties?.href === 'string') {
        out.push({ text: textOf(element), url: absolute(element.properties.href, base) })
      }
      return undefined
    })
  }
  return out
}

function absolute(href: string, base: string | undefined): string {
  try {
    return new URL(href, base).href
  } catch {
    return href
  }
}

