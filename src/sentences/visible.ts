/**
 * The visible text of a run of inline nodes (as `textOf` reads it: SPEC §4
 * normalisation) together with the source offset of each of its
 * characters, so that a sentence cut from the text knows its span in the
 * source file. A text node's value is aligned with its source slice, which
 * may hold what the parser removed: markdown escapes (`\_`), character
 * references (`&amp;`), the indentation of hard-wrapped lines.
 */
import type { ElementContent } from 'hast'

export interface VisibleText {
  text: string
  /** `offsets[i]` is the source offset of `text[i]`. */
  offsets: number[]
}

const SPACE = /[\s\u00a0\u202f\u2007\u2009\u200a\u3000]/
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/
const REFERENCE = /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i

/** Source offsets of each character of a text node's value, or undefined where unknown. */
function align(value: string, source: string, from: number, to: number): Array<number | undefined> {
  const out: Array<number | undefined> = []
  let p = from
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (p >= to) {
      out.push(undefined)
      continue
    }
    if (source[p] === c) {
      out.push(p++)
      continue
    }
    if (source[p] === '&') {
      const reference = REFERENCE.exec(source.slice(p, p + 40))
      if (reference) {
        out.push(p)
        p += reference[0].length
        // A reference may stand for two UTF-16 units (an astral character).
        if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) < 0xdc00 && i + 1 < value.length) out.push(p - 1), i++
        continue
      }
    }
    // An escape, or indentation dropped from a continuation line: skip ahead to the character.
    const found = source.indexOf(c, p)
    if (found >= 0 && found < to && found - p <= 8) {
      out.push(found)
      p = found + 1
    } else out.push(undefined)
  }
  return out
}

/** Visible text and offsets of the nodes; `source` is the file's text. */
export function visibleText(nodes: readonly ElementContent[], source: string): VisibleText {
  const chars: string[] = []
  const raw: Array<number | undefined> = []
  const visit = (node: ElementContent) => {
    if (node.type === 'text') {
      const start = node.position?.start?.offset
      const end = node.position?.end?.offset
      const offsets = start !== undefined && end !== undefined ? align(node.value, source, start, end) : []
      for (let i = 0; i < node.value.length; i++) {
        chars.push(node.value[i]!)
        raw.push(offsets[i])
      }
    } else if (node.type === 'element') {
      if (node.tagName === 'br') {
        chars.push('\n')
        raw.push(undefined)
      } else if (node.tagName !== 'ul' && node.tagName !== 'ol' && node.tagName !== 'script' && node.tagName !== 'style') {
        node.children.forEach(visit)
      }
    }
  }
  nodes.forEach(visit)
  // Fill unknown offsets from the nearest known one before (or after).
  let last: number | undefined
  const filled = raw.map((o) => (o === undefined ? last : (last = o)))
  let next: number | undefined
  for (let i = filled.length - 1; i >= 0; i--) {
    if (filled[i] === undefined) filled[i] = next
    else if (raw[i] !== undefined) next = raw[i]
  }
  // Normalise as `normalizeText` does: zero-width removed, white space collapsed, trimmed.
  let text = ''
  const offsets: number[] = []
  let pendingSpace: number | undefined
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (ZERO_WIDTH.test(c)) continue
    if (SPACE.test(c)) {
      if (text.length > 0 && pendingSpace === undefined) pendingSpace = filled[i] ?? 0
      continue
    }
    if (pendingSpace !== undefined) {
      text += ' '
      offsets.push(pendingSpace)
      pendingSpace = undefined
    }
    text += c
    offsets.push(filled[i] ?? 0)
  }
  return { text, offsets }
}
