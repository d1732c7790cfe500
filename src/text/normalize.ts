/**
 * Visible-text normalisation (SPEC §4): NBSP and narrow NBSP read as spaces,
 * zero-width characters removed, runs of whitespace collapsed, trimmed.
 */
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a\u3000]+/g
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g

/** Normalise visible text as SPEC §4 defines it. */
export function normalizeText(value: string): string {
  return value.replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim()
}

/** Count the words of a normalised text (runs with a letter or digit). */
export function wordCount(value: string): number {
  return value.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-&/]*/gu)?.length ?? 0
}
