/**
 * Which keys a text names (SPEC §12): multi-word names on normalised words,
 * in one walk of a trie per word; a one-word name ("iCET", "TRUST",
 * "AUKUS") only as written, so "trust" in a sentence is not TRUST.
 */

interface Trie {
  next: Map<string, Trie>
  key?: string
}

/** Words as written, periods dropped first as normaliseName does ("U.S." → "US"). */
export const asWritten = (text: string) => text.normalize('NFKC').replace(/\./g, '').match(/[\p{L}\p{N}]+/gu) ?? []

/** The one-word forms of a name's spellings, as written ("U.S." → "US"; "U.S.-India" is two words, no form). */
export function oneWordForms(spellings: Iterable<string>): Set<string> {
  const forms = new Set<string>()
  for (const written of spellings) {
    const tokens = asWritten(written)
    if (tokens.length === 1) forms.add(tokens[0]!)
  }
  return forms
}

export class NameMatcher {
  private readonly multi: Trie = { next: new Map() }
  private readonly single = new Map<string, string>()

  /** A normalised name of `key`, and (for a one-word name) its spellings as written. */
  add(name: string, key: string, spellings: Iterable<string>): void {
    const tokens = name.split(' ')
    if (tokens.length >= 2) {
      let node = this.multi
      for (const token of tokens) {
        let child = node.next.get(token)
        if (!child) node.next.set(token, (child = { next: new Map() }))
        node = child
      }
      node.key = key
      return
    }
    for (const form of oneWordForms(spellings)) this.single.set(form, key)
  }

  /** The keys a text names. */
  named(text: string): Set<string> {
    const found = new Set<string>()
    const written = asWritten(text)
    const tokens = written.map((t) => t.toLowerCase())
    for (let i = 0; i < tokens.length; i++) {
      let node = this.multi.next.get(tokens[i]!)
      for (let j = i + 1; node; j++) {
        if (node.key) found.add(node.key)
        node = j < tokens.length ? node.next.get(tokens[j]!) : undefined
      }
    }
    for (const token of written) {
      const key = this.single.get(token)
      if (key) found.add(key)
    }
    return found
  }
}
