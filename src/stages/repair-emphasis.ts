/**
 * Repairs a habit of the scraped markdown family that CommonMark reads as
 * literal asterisks: whitespace (often a NBSP) just inside a `**` run, as in
 * `**PROMOTING HEALTH\u00a0**` or `**<u>Title:</u>  **The text`. Moving the
 * whitespace outside the delimiter keeps the text the same length, so every
 * position still points at the source file. A `**` pair around nothing but
 * punctuation (`Conservation**: **The`) is blanked out for the same reason.
 */
const LIST_START = /^\s{0,12}(?:[-*+]|\d{1,3}[.)])\s+/
const WS = /[ \u00a0]/

export function repairEmphasis(markdown: string): string {
  if (!markdown.includes('**')) return markdown
  const chars = markdown.split('')
  let open = -1
  let lineStart = 0
  const reset = () => {
    open = -1
  }
  for (let i = 0; i <= markdown.length; i++) {
    if (i < markdown.length && markdown[i] !== '\n') continue
    const line = markdown.slice(lineStart, i)
    if (line.trim() === '' || LIST_START.test(line) || /^\s{0,3}#/.test(line)) reset()
    scanLine(chars, lineStart, i, () => open, (v) => (open = v))
    lineStart = i + 1
  }
  return chars.join('')
}

function scanLine(chars: string[], from: number, to: number, getOpen: () => number, setOpen: (v: number) => void) {
  for (let i = from; i < to - 1; i++) {
    if (chars[i] !== '*' || chars[i + 1] !== '*') continue
    // Only runs of exactly two, not escaped.
    if (chars[i - 1] === '*' || chars[i + 2] === '*' || chars[i - 1] === '\\') {
      while (chars[i + 1] === '*') i++
      continue
    }
    const open = getOpen()
    if (open < 0) {
      // Opener followed by whitespace: `** Text` → ` **Text`.
      let j = i + 2
      while (j < to && WS.test(chars[j]!)) j++
      if (j > i + 2 && j < to && chars[j] !== '*') {
        const ws = chars.slice(i + 2, j)
        chars.splice(i, j - i, ...ws, '*', '*')
        i = i + ws.length
      }
      setOpen(i)
    } else {
      // Closer preceded by whitespace: `Text  **` → `Text**  `.
      let j = i
      while (j > open + 2 && WS.test(chars[j - 1]!)) j--
      if (j < i) {
        const ws = chars.slice(j, i)
        chars.splice(j, i + 2 - j, '*', '*', ...ws)
        i = j
      }
      const inner = chars.slice(open + 2, i).join('')
      if (!/[\p{L}\p{N}<]/u.test(inner)) {
        chars[open] = chars[open + 1] = ' '
        chars[i] = chars[i + 1] = ' '
      }
      setOpen(-1)
      i++
    }
  }
}
