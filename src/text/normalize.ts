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

/**
 * Whether a text normalises to nothing: only whitespace and zero-width
 * characters (`\s` holds every SPACES character). The same answer as
 * `normalizeText(value) === ''` without making the string, for the
 * structural stages that ask it of every text node.
 */
const BLANK = /^[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]*$/

export function isBlankText(value: string): boolean {
  return BLANK.test(value)
}

/** Count the words of a normalised text (runs with a letter or digit). */
export function wordCount(value: string): number {
  return value.match(/[\p{L}\p{N}][\p{L}\p{N}'’.\-&/]*/gu)?.length ?? 0
}
