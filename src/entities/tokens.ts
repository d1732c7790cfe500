/**
 * Words of a commitment's text with their offsets, and the shapes the
 * entity rules read in them: acronyms, model numbers, name-like words.
 * Each test is linear in the word.
 */
import { wordTokens } from '../text/tokens.js'
import { COUNT, isCue, NOT_ENTITIES } from './words.js'

/** A word with its offsets: the one tokenizer's `wordTokens` (src/text/tokens.ts). */
export type Token = ReturnType<typeof wordTokens>[number]
export { wordTokens as tokenize }

/**
 * Capitals, digits and `&.-` only, opening with a capital or digit, with a
 * capital after the first character and no `&` after the last capital,
 * holding two capitals or a capital beside a digit (ISRO, R&D, INDUS-X, C3F).
 * Written without backtracking patterns: linear in the word.
 */
export function isAcronym(w: string): boolean {
  if (!/^[\p{Lu}\d][\p{Lu}\d&.-]*$/u.test(w)) return false
  let capitals = 0
  let lastCapital = -1
  for (let i = 0; i < w.length; i++) {
    if (/\p{Lu}/u.test(w[i]!)) {
      capitals++
      if (i > 0) lastCapital = i
    }
  }
  if (lastCapital < 0 || w.indexOf('&', lastCapital) >= 0) return false
  return capitals >= 2 || /\p{Lu}\d|\d\p{Lu}/u.test(w)
}
/** A common acronym that ends a run without naming anything ("U.S. LNG"); not a numeral ("Artemis II") nor a cue ("Awareness MOU"). */
export const commonAcronym = (w: string) => NOT_ENTITIES.has(w) && isAcronym(w) && !/^[IVX]+$/.test(w) && !isCue(w)
/** A model number: MQ-9B, F414-INS6, H-1B; a capital with digits and a hyphen. */
export const isModel = (w: string) => /^\p{Lu}{1,4}-?\d+[\p{L}\d-]*$/u.test(w) || (w.includes('-') && /\d/.test(w) && /\p{Lu}/u.test(w))
/** Capitalised, ALL CAPS, alphanumeric with a letter (3rdiTech, 114ai, iCET), or a particle and a capital (d’Ivoire). */
export const isNameLike = (w: string) => (/^\p{Lu}/u.test(w) || /^\d+\p{L}/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w) || /^\p{Ll}['’]\p{Lu}/u.test(w)) && !COUNT.test(w)
/** Without a lexicon: a sentence-initial -ing or -ed word is a verb ("Launching", "Welcomed"). */
export const ordinary = (word: string) => /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(word)
