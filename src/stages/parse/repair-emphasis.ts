/**
 * Repairs a habit of the scraped markdown family that CommonMark reads as
 * literal asterisks: whitespace (often a NBSP) just inside an emphasis run,
 * as in `**PROMOTING HEALTH\u00a0**`, `**<u>Title:</u>  **The text` or
 * `*Digital Economy:\u00a0 *DFC helped…`. Moving the whitespace outside the
 * delimiter keeps the text the same length, so every position still points
 * at the source file. A pair around nothing but punctuation
 * (`Conservation**: **The`, `Atlantic**,** which`) becomes word joiners
 * (U+2060), which the visible text drops (SPEC §4), for the same reason.
 * Not U+200B: CSS, and so hast-util-to-text, drops a line break next to
 * one, gluing `:**` + newline + `Text` into `:Text`.
 */
const LIST_START = /^\s{0,12}(?:[-*+]|\d{1,3}[.)])\s+/
const HEADING = /^\s{0,3}#/
const WS = /[ \u00a0]/
const INVISIBLE = '\u2060'
/** Whitespace a closer may be moved past, a hard break's newline included. */
const CLOSER_WS = /[ \u00a0\t\n]/

interface State {
  /** Index of the pending opener per delimiter length (1 or 2), -1 for none. */
  open: [number, number, number]
  /** After a `***` run the pairing is unknowable: the block is left as written. */
  unsafe: boolean
}

export function repairEmphasis(markdown: string): string {
  if (!markdown.includes('*')) return markdown
  // A line that resets the pairing starts a block; a pair never spans two, so each block is
  // repaired alone, and only a block with a '*' to scan is taken apart into characters.
  const out: string[] = []
  let block: Array<[from: number, to: number]> = []
  let blockStart = 0
  const repairBlock = (end: number) => {
    const text = markdown.slice(blockStart, end)
    if (block.length === 0) {
      out.push(text)
      return
    }
    const chars = text.split('')
    const state: State = { open: [-1, -1, -1], unsafe: false }
    for (const [from, to] of block) scanLine(chars, from - blockStart, to - blockStart, state)
    out.push(chars.join(''))
  }
  let lineStart = 0
  // The next '*' at or after lineStart: lines before it need only the block-start check.
  let star = markdown.indexOf('*')
  while (lineStart <= markdown.length) {
    let i = markdown.indexOf('\n', lineStart)
    if (i < 0) i = markdown.length
    const line = markdown.slice(lineStart, i)
    const marker = LIST_START.exec(line)
    if (line.trim() === '' || marker || HEADING.test(line)) {
      repairBlock(lineStart)
      block = []
      blockStart = lineStart
    }
    if (star >= 0 && star < lineStart) star = markdown.indexOf('*', lineStart)
    if (star >= 0 && star < i) block.push([lineStart + (marker ? marker[0].length : 0), i])
    lineStart = i + 1
  }
  repairBlock(markdown.length)
  return out.join('')
}

function scanLine(chars: string[], from: number, to: number, state: State) {
  for (let i = from; i < to; i++) {
    if (state.unsafe) return
    if (chars[i] !== '*') continue
    if (chars[i - 1] === '\\') continue
    let length = 1
    while (chars[i + length] === '*') length++
    if (length > 2) {
      state.unsafe = true
      return
    }
    const size = length as 1 | 2
    const open = state.open[size]
    if (open < 0) {
      // Opener followed by whitespace: `** Text` → ` **Text`.
      let j = i + size
      while (j < to && WS.test(chars[j]!)) j++
      if (j > i + size && j < to && chars[j] !== '*') {
        const ws = chars.slice(i + size, j)
        chars.splice(i, j - i, ...ws, ...'*'.repeat(size))
        i += ws.length
      }
      state.open[size] = i
      i += size - 1
    } else {
      // Closer preceded by whitespace: `Text  **` → `Text**  `.
      let j = i
      while (j > open + size && CLOSER_WS.test(chars[j - 1]!)) j--
      if (j < i) {
        const ws = chars.slice(j, i)
        chars.splice(j, i + size - j, ...'*'.repeat(size), ...ws)
        i = j
      }
      const inner = chars.slice(open + size, i).join('')
      if (!/[\p{L}\p{N}<]/u.test(inner)) {
        for (let k = 0; k < size; k++) chars[open + k] = chars[i + k] = INVISIBLE
      }
      state.open[size] = -1
      i += size - 1
    }
  }
}

