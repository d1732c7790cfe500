/**
 * Stage: actors (SPEC §5). Gives an actor its `canonical` name where it is
 * one country (its ISO code, from the entity found in the actor's span) or
 * a first-person plural, which stands for the document's parties: the
 * countries its title names, else those of its first sentence, as codes
 * joined by `+` (`US+IN`). With fewer than two countries named, "we" has no
 * canonical: a single name does not say who "we" are.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { countryCode } from '../../entities/countries.js'
import { splitSentences } from '../../sentences/split.js'
import { hasFatal } from '../guard.js'

const FIRST_PLURAL = /^(?:we|our|us)\b/i
const PARTY_TYPES = new Set(['country', 'organization', 'person', 'initiative'])

/** Longest country name tried, in words ("the Republic of Korea"). */
const MAX_NAME_WORDS = 5

/**
 * The countries a title or sentence names, as ISO codes in order, each
 * once: the longest country name or demonym at each word ("United States –
 * Italy Joint Leaders' Statement" → US, IT). Read by name rather than by
 * the entity rules, which cannot tell names apart in a Title Case title.
 */
export function countriesNamed(text: string, extra?: Map<string, string>): string[] {
  const words = text.split(/[\s\u2013\u2014:,;()"“”]+|-(?=\p{Lu})|['’]s\b/u).filter(Boolean)
  const codes: string[] = []
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(MAX_NAME_WORDS, words.length - i); n >= 1; n--) {
      const code = countryCode(words.slice(i, i + n).join(' '), extra)
      if (code) {
        if (!codes.includes(code)) codes.push(code)
        i += n - 1
        break
      }
    }
  }
  return codes
}

export default function actors() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    let parties: string | null | undefined
    const documentParties = (): string | null => {
      if (parties !== undefined) return parties
      let codes = countriesNamed(file.data.meta?.title ?? '')
      if (codes.length < 2) {
        const first = (file.data.blocks ?? []).find((block) => block.kind === 'paragraph')
        const text = first && first.kind === 'paragraph' ? first.text : ''
        const sentence = splitSentences(text)[0]
        codes = sentence ? countriesNamed(text.slice(sentence.start, sentence.end)) : []
      }
      parties = codes.length >= 2 ? codes.join('+') : null
      return parties
    }
    for (const item of file.data.classified ?? []) {
      const actor = item.actor
      if (!actor) continue
      if (FIRST_PLURAL.test(actor.text)) {
        const codes = documentParties()
        if (codes) actor.canonical = codes
        continue
      }
      const inside = (item.entities ?? []).filter((e) => e.start >= actor.start && e.end <= actor.end && PARTY_TYPES.has(e.type))
      if (inside.length === 1 && inside[0]!.type === 'country' && inside[0]!.canonical) actor.canonical = inside[0]!.canonical
    }
  }
}
