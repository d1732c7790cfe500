/**
 * A sentence splitter with exact offsets (SPEC §4 item 3): a sentence ends
 * at `.`, `!` or `?` (with any closing quote or bracket) followed by white
 * space and the start of a new sentence — not after an abbreviation or an
 * initial. A semicolon does not end a sentence. The abbreviations are data
 * (`lexicon/sentence-abbreviations.json`). `scripts/compare-splitters.ts`
 * measures it against `Intl.Segmenter` and compromise on the corpus.
 */
import data from '../lexicon/sentence-abbreviations.json' with { type: 'json' }

/** A sentence as a span of the text it was split from. */
export interface Span {
  start: number
  end: number
}

const NEVER = new Set(data.words)
const INITIALISMS = new Set(data.initialisms)
const STARTERS = new Set(data.sentenceStarters)

/** Sentence-final punctuation, closing quotes/brackets, white space, then what may open a sentence. */
const BOUNDARY = /[.!?]+(["”’'»)\]]*)(\s+)(?=["“‘'«(\[]?[\p{Lu}\p{N}])/gu

/** Whether the period at `dot` belongs to an abbreviation or initial rather than ending the sentence. */
function abbreviationAt(text: string, dot: number, next: number): boolean {
  let from = dot
  while (from > 0 && !/[\s"“‘'(\[]/.test(text[from - 1]!)) from--
  // "Brazil-U.S. Partnership": the abbreviation is the last part of a hyphenated word.
  const word = text.slice(from, dot).split(/[-\u2013/]/).pop()!
  if (/^\p{Lu}$/u.test(word)) return true
  const lower = word.toLowerCase()
  if (NEVER.has(lower)) return true
  if (INITIALISMS.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
    const following = /^[\p{L}]+/u.exec(text.slice(next).replace(/^["“‘'«(\[]/, ''))?.[0].toLowerCase()
    return following === undefined || !STARTERS.has(following)
  }
  return false
}

/** The sentences of a normalised text, as spans without surrounding white space. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = []
  let start = text.search(/\S/)
  if (start < 0) return out
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuation = match.index
    const closers = match[1]!.length
    const end = punctuation + match[0].length - match[2]!.length
    const next = end + match[2]!.length
    const run = match[0].length - closers - match[2]!.length
    if (run === 1 && text[punctuation] === '.' && abbreviationAt(text, punctuation, next)) continue
    if (end > start) out.push({ start, end })
    start = next
  }
  const last = text.trimEnd().length
  if (last > start) out.push({ start, end: last })
  return out
}
