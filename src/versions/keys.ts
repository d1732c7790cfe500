/**
 * Initiative keys across an archive (SPEC §12). Names that differ only in
 * case, punctuation, a leading article or a trailing "(ABBR)" normalise to
 * one string; an abbreviation defined in any release joins its short and
 * long forms, and a long name ending in a known long form ("U.S.-India
 * initiative on Critical and Emerging Technology" → "initiative on …")
 * joins it too. Groups are kept in a union-find over normalised names: the
 * key of a group is its shortest multi-word name.
 */
export const normaliseName = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .replace(/[’']s$/u, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|a|an) /u, '')

export class NameGroups {
  private readonly parent = new Map<string, string>()

  add(name: string): string {
    if (!this.parent.has(name)) this.parent.set(name, name)
    return name
  }

  find(name: string): string {
    let root = this.add(name)
    while (this.parent.get(root) !== root) root = this.parent.get(root)!
    // Path compression keeps later finds short.
    let at = name
    while (at !== root) {
      const next = this.parent.get(at)!
      this.parent.set(at, root)
      at = next
    }
    return root
  }

  union(a: string, b: string): void {
    if (!a || !b) return
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent.set(rb, ra)
  }

  names(): string[] {
    return [...this.parent.keys()]
  }

  /** A long name joins the known name of at least three words it ends with. */
  joinSuffixes(): void {
    const known = new Set(this.names())
    for (const name of known) {
      const words = name.split(' ')
      for (let i = 1; i <= words.length - 3; i++) {
        const tail = words.slice(i).join(' ')
        if (known.has(tail)) {
          this.union(tail, name)
          break
        }
      }
    }
  }

  /** Each group's key: its shortest name of two words or more (else its shortest), ties alphabetical. */
  keys(): Map<string, string> {
    const best = new Map<string, string>()
    const better = (a: string, b: string) => {
      const multi = (s: string) => (s.includes(' ') ? 0 : 1)
      return multi(a) - multi(b) || a.length - b.length || (a < b ? -1 : 1)
    }
    for (const name of this.names()) {
      const root = this.find(name)
      const current = best.get(root)
      if (current === undefined || better(name, current) < 0) best.set(root, name)
    }
    const keys = new Map<string, string>()
    for (const name of this.names()) keys.set(name, best.get(this.find(name))!)
    return keys
  }
}
