/**
 * Word tokens with offsets, for the action rules. Abbreviations with inner
 * periods ("U.S.") stay one token; punctuation is its own token.
 */
export interface Token {
  text: string
  lower: string
  start: number
  end: number
  /** Letters or digits (not punctuation). */
  word: boolean
  /** Starts with an uppercase letter. */
  capitalised: boolean
}

const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’.\-&/][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu

export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const value = match[0]
    out.push({
      text: value,
      lower: value.toLowerCase().replace(/’/g, "'"),
      start: match.index,
      end: match.index + value.length,
      word: /[\p{L}\p{N}]/u.test(value),
      capitalised: /^\p{Lu}/u.test(value)
    })
  }
  return out
}

/** Abbreviations whose period does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'gov', 'sen', 'rep', 'lt', 'col', 'co', 'inc', 'ltd', 'jr', 'sr', 'vs', 'etc', 'approx', 'fig'])

/**
 * The tokens of the first sentence: up to a `.`, `!` or `?` followed by a
 * capitalised word or the end, not after an abbreviation ("Dr.") or an
 * initial ("Donald J. Trump").
 */
export function firstSentence(tokens: Token[]): Token[] {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.text !== '.' && t.text !== '!' && t.text !== '?') continue
    const prev = tokens[i - 1]
    if (t.text === '.' && prev && (ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text))) continue
    const next = tokens[i + 1]
    if (!next || next.capitalised || /^["“‘(]$/.test(next.text)) return tokens.slice(0, i + 1)
  }
  return tokens
}
