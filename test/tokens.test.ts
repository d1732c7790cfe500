/**
 * The one tokenizer: words and punctuation for the action rules, words
 * with the periods that belong to them for the entity rules.
 */
import { describe, expect, it } from 'vitest'
import { firstSentence, tokenize, wordTokens } from '../src/text/tokens.js'

describe('tokens', () => {
  it('keeps initials and inner punctuation in one word, punctuation apart', () => {
    expect(tokenize('The U.S.-India R&D plan, Biden-Harris’s.').map((t) => t.text)).toEqual(['The', 'U.S.', '-', 'India', 'R&D', 'plan', ',', 'Biden-Harris’s', '.'])
  })

  it('keeps the period of initials and name abbreviations, not a sentence’s', () => {
    expect(wordTokens('Acme Inc. and J. Smith of the U.S. met Gen. Lee in St. Louis.').map((t) => t.text)).toEqual(['Acme', 'Inc.', 'and', 'J.', 'Smith', 'of', 'the', 'U.S.', 'met', 'Gen', 'Lee', 'in', 'St.', 'Louis'])
  })

  it('ends the first sentence after a word, not after an abbreviation or initial', () => {
    const words = (text: string) => firstSentence(text).map((t) => t.text).join(' ')
    expect(words('Donald J. Trump met Dr. Lee on Jan. 5, etc. and more. Then left.')).toBe('Donald J . Trump met Dr . Lee on Jan . 5 , etc . and more .')
  })
})
