/**
 * Where mentions overlap, the longest wins, then the earliest (dates and
 * amounts alike). Each kept mention marks the characters it covers, so a
 * candidate is checked against its own span only: linear in the text,
 * where comparing it with every kept mention was quadratic ("January 6,
 * 2025" 56,000 times took 29 s). An empty mention is never kept.
 */
export function keepLongest<T extends { start: number; end: number }>(found: T[], length: number): T[] {
  if (found.length < 2) return found.filter((m) => m.end > m.start)
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const taken = new Uint8Array(length)
  const kept: T[] = []
  for (const mention of found) {
    if (mention.end <= mention.start) continue
    let free = true
    for (let i = mention.start; i < mention.end && free; i++) free = taken[i] === 0
    if (!free) continue
    taken.fill(1, mention.start, mention.end)
    kept.push(mention)
  }
  return kept.sort((a, b) => a.start - b.start)
}
