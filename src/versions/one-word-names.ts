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
import type { Commitment, Entity } from '../schema/document.js'
import { asWritten } from './name-matcher.js'

const NAME_SHAPED = /[\p{Lu}\p{N}]/u

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by)

export class OneWordNames {
  /** Name-shaped words as written, counted where a commitment writes them outside a multi-word entity. */
  private readonly alone = new Map<string, number>()
  /** Normalised short forms of abbreviations whose long form is a capitalised name of two words or more. */
  private readonly defined = new Set<string>()

  /** Count one commitment's words (its label and text, as the matcher reads them). */
  learn(commitment: Pick<Commitment, 'text' | 'label'> & { entities: Array<Pick<Entity, 'text'>> }): void {
    const counts = new Map<string, number>()
    for (const word of asWritten(commitment.label ? `${commitment.label} ${commitment.text}` : commitment.text)) if (NAME_SHAPED.test(word)) bump(counts, word)
    for (const entity of commitment.entities) {
      const words = asWritten(entity.text)
      if (words.length > 1) for (const word of words) if (counts.has(word)) bump(counts, word, -1)
    }
    for (const [word, n] of counts) if (n > 0) bump(this.alone, word, n)
  }

  define(short: string, long: string): void {
    if (/\p{Lu}/u.test(long) && asWritten(long).length > 1) this.defined.add(short)
  }

  /** Whether the one-word name `name`, written as `spellings` and typed an initiative or organization `typed` times, makes no key. */
  unfit(name: string, spellings: Iterable<string>, typed: number): boolean {
    if (this.defined.has(name)) return false
    const words = new Set<string>()
    for (const written of spellings) {
      const tokens = asWritten(written)
      if (tokens.length === 1) words.add(tokens[0]!)
    }
    if (![...words].some((word) => NAME_SHAPED.test(word))) return true
    let alone = 0
    for (const word of words) alone += this.alone.get(word) ?? 0
    return alone > 2 * typed
  }
}
