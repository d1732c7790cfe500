/**
 * The first sentence of a commitment text as the action rules read it: its
 * tokens, the lexicon, and the questions every rule asks of a token (is it
 * an adverb, what does compromise tag it). Compromise is asked lazily, once
 * per text, and only about the first sentence.
 */
import { lookup, type Lexicon, type VerbForm } from '../lexicon/verbs.js'
import * as words from '../lexicon/function-words.js'
import { tagTerms, type TaggedTerm } from '../nlp/compromise.js'
import { firstSentence, type Token } from '../text/tokens.js'

export class Sentence {
  readonly tokens: Token[]
  /** Index of the first word: only there does a base or past form lead a bullet. */
  readonly firstWord: number
  /** The comma that closes an appositive after a subject ("We, the leaders of …, reaffirm"). */
  appositiveEnd = -1
  private tags: TaggedTerm[] | undefined

  constructor(
    readonly text: string,
    readonly lexicon: Lexicon
  ) {
    this.tokens = firstSentence(text)
    this.firstWord = this.tokens.findIndex((token) => token.word)
  }

  /** The lexicon's readings of a word ("agreed" → agree, past). */
  readings(word: string): VerbForm[] | undefined {
    return lookup(this.lexicon, word)
  }

  tagsOf(token: Token): Set<string> | undefined {
    if (!this.tags) {
      const last = this.tokens[this.tokens.length - 1]
      this.tags = tagTerms(this.text.slice(0, last ? last.end : this.text.length))
    }
    const term = this.tags.find((term) => term.start <= token.start && term.end >= token.end)
    return term?.tags
  }

  taggedAsVerb(token: Token): boolean {
    const tags = this.tagsOf(token)
    return tags === undefined || tags.has('Verb')
  }

  isAdverb(k: number, phrasal = false): boolean {
    const token = this.tokens[k]
    if (!token || !token.word) return false
    if (token.lower === 'no' && this.tokens[k + 1]?.lower === 'longer') return true
    if (words.ADVERBS.has(token.lower)) {
      // "will further strengthen" (adverb) but "Further cooperation" (verb).
      if (token.lower === 'further' || token.lower === 'together') return phrasal || k + 1 < this.tokens.length
      return true
    }
    if (phrasal && token.lower === 'together') return true
    return /ly$/.test(token.lower) && !this.readings(token.lower) && !words.NOT_ADVERBS.has(token.lower)
  }

  skipAdverbs(k: number, phrasal = false): number {
    while (k < this.tokens.length && this.isAdverb(k, phrasal)) k++
    return k
  }

  nextWord(k: number): Token | undefined {
    for (; k < this.tokens.length; k++) if (this.tokens[k]!.word) return this.tokens[k]
    return undefined
  }

  /** The last token of what stands before `j`, skipping adverbs ("We also welcome" → "We"). */
  subjectEnd(j: number): Token | undefined {
    let k = j - 1
    while (k > 0 && this.isAdverb(k)) k--
    return this.tokens[k]
  }
}
