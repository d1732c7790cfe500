/**
 * Abbreviations defined in a document, "Long Form (SF)", found the way
 * Schwartz and Hearst (2003) do: the short form in parentheses has 2–10
 * characters with a capital letter; the long form is the shortest run of
 * the preceding words (at most min(|SF| + 5, 2|SF|)) whose characters hold
 * the short form's letters in order, its first letter starting a word.
 */
export interface Abbreviation {
  short: string
  long: string
}

/** The Schwartz–Hearst match: the long form's tail that spells the short form, or undefined. */
export function bestLongForm(short: string, candidate: string): string | undefined {
  const s = short.toLowerCase()
  const l = candidate.toLowerCase()
  let si = s.length - 1
  let li = l.length - 1
  while (si >= 0) {
    const c = s[si]!
    if (!/[\p{L}\p{N}]/u.test(c)) {
      si--
      continue
    }
    // The short form's first character must start a word of the long form.
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1]!)))) li--
    if (li < 0) return undefined
    li--
    si--
  }
  const start = candidate.lastIndexOf(' ', li) + 1
  return candidate.slice(start)
}

/** Characters before a parenthesis that a long form may reach (20 words of up to 20 characters). */
const WINDOW = 420

export function findAbbreviations(texts: string[]): Abbreviation[] {
  const found = new Map<string, string>()
  for (const text of texts) {
    for (const m of text.matchAll(/\(([^()]{2,10})\)/g)) {
      const short = m[1]!.trim()
      if (!/\p{Lu}/u.test(short) || /\s.*\s/.test(short) || !/^[\p{L}\p{N}]/u.test(short)) continue
      const max = Math.min(short.replace(/[^\p{L}\p{N}]/gu, '').length + 5, short.length * 2)
      // Only the words a long form can take (and the fallback's seven names) are read: linear in the text.
      const before = text.slice(Math.max(0, m.index - WINDOW), m.index).trimEnd()
      const words = before.split(/\s+/)
      if (m.index > WINDOW) words.shift()
      const candidate = words.slice(-max).join(' ')
      // Not an acronym of the words before it ("Defense Acceleration Ecosystem (INDUS-X)"): the capitalised name right before it.
      const long = bestLongForm(short, candidate) ?? (!/^\p{Lu}/u.test(words.at(-1) ?? '') ? undefined : /((?:\p{Lu}[\p{L}\p{N}.'’-]*\s+(?:(?:of|and|for|the)\s+)*){1,7}\p{Lu}[\p{L}\p{N}.'’-]*)$/u.exec(before)?.[1])
      if (!long || long.length <= short.length || long.split(' ').length > max + 2) continue
      const cleaned = long.replace(/^(?:the|a|an)\s+/i, '').replace(/['’]s$/, '')
      if (!found.has(short)) found.set(short, cleaned)
    }
  }
  return [...found].map(([short, long]) => ({ short, long }))
}
