/**
 * The one tokenizer, with offsets. A word is letters or digits, joined by
 * inner `.'’-&/` ("U.S", "Biden-Harris", "R&D"); the action rules read
 * words and punctuation (`tokenize`), the entity rules words alone with
 * the period that belongs to them (`wordTokens`: "U.S.", "Inc.", "J.").
 */
import abbreviations from '../lexicon/sentence-abbreviations.json' with { type: 'json' }

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

/** A word: letters or digits, joined by inner periods, apostrophes, hyphens, `&` and `/`. */
const WORD = String.raw`[\p{L}\p{N}]+(?:['’.\-&/][\p{L}\p{N}]+)*`

/** Initials with their periods ("U.S.", "e.g."), a word, or one punctuation mark. */
const TOKEN = new RegExp(String.raw`(?:\p{L}\.){2,}|${WORD}|[^\s\p{L}\p{N}]`, 'gu')

/** Words and punctuation, for the action rules. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const match of text.matchAll(TOKEN)) out.push(toToken(match))
  return out
}

function toToken(match: RegExpExecArray | RegExpMatchArray): Token {
  const value = match[0]
  return {
    text: value,
    lower: value.toLowerCase().replace(/’/g, "'"),
    start: match.index!,
    end: match.index! + value.length,
    word: /[\p{L}\p{N}]/u.test(value),
    capitalised: /^\p{Lu}/u.test(value)
  }
}

/** A word with the period after it, and a "-class" after that ("Virginia-class"). */
const NAME_WORD = new RegExp(String.raw`${WORD}\.?(?:-class)?`, 'gu')
const KEPT_IN_NAMES = new Set(abbreviations.keptInNames.map((word) => `${word}.`))

/**
 * Words alone, for the entity rules: initials ("U.S.", "J.") and the
 * abbreviations names end with ("Inc.", "Jr.") keep their period; a
 * sentence's final period does not stay on its word.
 */
export function wordTokens(text: string): Array<Pick<Token, 'text' | 'start' | 'end'>> {
  const out: Array<Pick<Token, 'text' | 'start' | 'end'>> = []
  for (const match of text.matchAll(NAME_WORD)) {
    let word = match[0]
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word) && !KEPT_IN_NAMES.has(word)) word = word.slice(0, -1)
    out.push({ text: word, start: match.index, end: match.index + word.length })
  }
  return out
}

/** Abbreviations whose period does not end a sentence: the sentence splitter's list (`etc` among its initialisms). */
const ABBREVIATIONS = new Set([...abbreviations.words, ...abbreviations.initialisms])

/**
 * The tokens of the first sentence of a text: up to a `.`, `!` or `?`
 * followed by a capitalised word or the end, not after an abbreviation
 * ("Dr.") or an initial ("Donald J. Trump"). The text is tokenized no
 * further than the token after that end: the action rules read only the
 * first sentence, of every commitment and of every clause tried.
 */
export function firstSentence(text: string): Token[] {
  const tokens: Token[] = []
  // The sentence's end, when the token after it decides.
  let end = -1
  const pattern = new RegExp(TOKEN)
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const next = toToken(match)
    if (end >= 0 && (next.capitalised || /^["“‘(]$/.test(next.text))) return tokens
    tokens.push(next)
    end = endsSentence(tokens, tokens.length - 1) ? tokens.length - 1 : -1
  }
  return tokens
}

function endsSentence(tokens: Token[], i: number): boolean {
  const t = tokens[i]!
  if (t.text !== '.' && t.text !== '!' && t.text !== '?') return false
  const prev = tokens[i - 1]
  return !(t.text === '.' && prev && (ABBREVIATIONS.has(prev.lower) || /^\p{Lu}$/u.test(prev.text)))
}
