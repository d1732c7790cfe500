/**
 * Title Case, as releases write their short titles ("Mobilizing Finance at
 * Scale", "Open Radio Access Networks (Open RAN)"): every word capitalised
 * or a number, but the small words after the first.
 */
import data from '../lexicon/function-words.json' with { type: 'json' }

const SMALL_WORDS = new Set(data.titleSmallWords)

/** Whether `phrase` is Title Case and at most `maxWords` words long. */
export function isTitleCase(phrase: string, maxWords: number): boolean {
  const words = phrase
    .split(/\s+/)
    .map((raw) => raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
  if (words.length === 0 || words.length > maxWords) return false
  let capitalised = 0
  for (const [i, word] of words.entries()) {
    if (/^[\p{Lu}\p{N}]/u.test(word)) capitalised++
    else if (i === 0 || !SMALL_WORDS.has(word.toLowerCase())) return false
  }
  return capitalised > 0
}
