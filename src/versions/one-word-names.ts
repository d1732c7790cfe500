/**
 * Which one-word names may make a timeline key (SPEC §12). A one-word name
 * matches every text that writes it, so one mention cut short by the
 * entity rules ("Training" of "International Military Education and
 * Training (IMET)", "President" of "the President's Plan…") would gather
 * every sentence with that word: 720 events for "President" in the
 * corpus, tens of thousands in an archive, each on one initiative page.
 *
 * The archive's own texts decide: where a commitment writes the word alone
 * (not inside a longer entity's name), the entity rules must call it an
 * initiative or organization at least half the time ("NATO", "Quad",
 * "USAID" nearly always; "President" 31 times of 834, "Technology" once of
 * 37). A short form the archive defines for a longer capitalised name
 * ("QIST" for "Quantum Information Science and Technology") is a name
 * however it is written. A form without a capital or a digit is a common
 * word, never a name alone.
 */
import type { Entity } from '../schema/document.js'
import { asWritten, oneWordForms } from './name-matcher.js'
import { bump } from './tally.js'

const NAME_SHAPED = /[\p{Lu}\p{N}]/u
/** Anything but ASCII, typographic quotes and dashes, and the no-break space (which NFKC makes a space). */
const NOT_PLAIN = /[^\x00-\x7F\u2018-\u201F\u2013\u2014\u00A0]/

export class OneWordNames {
  /** Name-shaped words as written, counted where a commitment writes them outside a multi-word entity. */
  private readonly alone = new Map<string, number>()
  /** Normalised short forms of abbreviations whose long form is a capitalised name of two words or more. */
  private readonly defined = new Set<string>()

  /** Count one commitment's words: `text` as the matcher reads it (label and text), `entities` its mentions. */
  learn(text: string, entities: Array<Pick<Entity, 'text'>>): void {
    const counts = new Map<string, number>()
    nameShapedWords(text, (word) => bump(counts, word))
    const inEntity: string[] = []
    const keep = (word: string) => inEntity.push(word)
    for (const entity of entities) {
      inEntity.length = 0
      if (nameShapedWords(entity.text, keep) > 1) for (const word of inEntity) if (counts.has(word)) bump(counts, word, -1)
    }
    for (const [word, n] of counts) if (n > 0) bump(this.alone, word, n)
  }

  define(short: string, long: string): void {
    if (/\p{Lu}/u.test(long) && asWritten(long).length > 1) this.defined.add(short)
  }

  /** Whether the one-word name `name`, written as `spellings` and typed an initiative or organization `typed` times, makes no key. */
  unfit(name: string, spellings: Iterable<string>, typed: number): boolean {
    if (this.defined.has(name)) return false
    const words = oneWordForms(spellings)
    if (![...words].some((word) => NAME_SHAPED.test(word))) return true
    let alone = 0
    for (const word of words) alone += this.alone.get(word) ?? 0
    return alone > 2 * typed
  }
}

/**
 * The words of `asWritten(text)` with a capital or a digit, handed to
 * `each`; returns how many words it has in all. This runs on every commitment of an archive: a text of ASCII and
 * typographic quotes and dashes (which NFKC leaves alone and which are no
 * letters) is scanned by character codes, about five times faster than
 * the Unicode regular expression; any other text takes that expression.
 * test/timelines.test.ts compares the two on every fixture text.
 */
export function nameShapedWords(text: string, each: (word: string) => void): number {
  if (NOT_PLAIN.test(text)) {
    const words = asWritten(text)
    for (const word of words) if (NAME_SHAPED.test(word)) each(word)
    return words.length
  }
  let words = 0
  let word = ''
  let from = -1
  let shaped = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    // A period is dropped, as asWritten drops it: "U.S." is "US".
    if (c === 46) {
      if (from >= 0) word += text.slice(from, i)
      from = -1
      continue
    }
    const digitOrCapital = (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
    if (digitOrCapital || (c >= 97 && c <= 122)) {
      if (from < 0) from = i
      shaped ||= digitOrCapital
      continue
    }
    if (from >= 0) word += text.slice(from, i)
    from = -1
    if (word) {
      words++
      if (shaped) each(word)
    }
    word = ''
    shaped = false
  }
  return words
}
