/** score.mjs's mention text match (SPEC §10), for the comparison scripts: equal normalised texts, or one holding the other and covering at least half of it. */
export const norm = (s: string) =>
  s.normalize('NFKC').toLowerCase().replace(/[’']s$/u, '').replace(/^the\s+/u, '').replace(/\./g, '').replace(/[^\p{L}\p{N}&+-]+/gu, ' ').trim()

export function textMatch(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)]
  if (!x || !y) return false
  if (x === y) return true
  const [s, l] = x.length <= y.length ? [x, y] : [y, x]
  return l.includes(s) && s.length / l.length >= 0.5
}
