/** Add `by` to a count kept in a map (names, words, types across an archive). */
export const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by)
