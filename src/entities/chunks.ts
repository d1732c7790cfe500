/**
 * How a commitment's words become runs of names (SPEC §6): maximal runs of
 * name-like words joined by connectors, never across punctuation; a title
 * at the start of a run or inside it; and two names joined by "and".
 */
import { isAcronym, isNameLike, type Token } from './tokens.js'
import { COMPANY_SUFFIXES, CONNECTORS, INSIDE_CUES, isCue, NAME_PARTICLES, ORG_CUES, PLACE_CUES, TITLES } from './words.js'

/** Runs of name-like tokens, joined by connectors, never across punctuation. */
export function chunks(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = []
  let i = 0
  while (i < tokens.length) {
    if (!isNameLike(tokens[i]!.text)) {
      i++
      continue
    }
    const run = [tokens[i]!]
    let j = i + 1
    while (j < tokens.length) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start)
      // An abbreviation inside a name stays part of it: "Defense Acceleration Ecosystem (INDUS-X) Summit".
      if (/^ \($/.test(gap) && isAcronym(tokens[j]!.text) && j + 1 < tokens.length && text.slice(tokens[j]!.end, tokens[j + 1]!.start) === ') ' && isNameLike(tokens[j + 1]!.text) && INSIDE_CUES.has(tokens[j + 1]!.text)) {
        run.push(tokens[j]!, tokens[j + 1]!)
        j += 2
        continue
      }
      // "U.S.-India Strategic Trade Dialogue": a hyphen after "U.S." joins the next name (a bare pair is split again below).
      if (/^[-–]$/.test(gap) && /\.$/.test(tokens[j - 1]!.text) && isNameLike(tokens[j]!.text)) {
        run.push(tokens[j]!)
        j++
        continue
      }
      if (!/^[ \u00a0]+$/.test(gap)) break
      const word = tokens[j]!.text
      // A possessive ends a name: "ROK’s ASEAN policy" is two.
      if (/['’]s$/.test(tokens[j - 1]!.text)) break
      if (isNameLike(word)) {
        run.push(tokens[j]!)
        j++
        continue
      }
      // A connector joins only when a name-like word follows it ("Department of Commerce").
      if (CONNECTORS.has(word) && j + 1 < tokens.length && /^[ \u00a0]+$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) {
        const next = tokens[j + 1]!.text
        const afterThe = next === 'the' && j + 2 < tokens.length ? tokens[j + 2]!.text : next
        if (isNameLike(afterThe)) {
          run.push(tokens[j]!)
          j++
          continue
        }
      }
      break
    }
    out.push(run)
    i = j
  }
  return out
}

/** A title at the start of a run: how many tokens it takes. */
export function titleLength(run: Token[]): number {
  for (const title of TITLES) {
    if (title.length < run.length && title.every((w, k) => run[k]!.text === w)) return title.length
  }
  return 0
}

/**
 * "Baton Rouge Mayor Sharon Weston Broome", "U.S. Secretary of Energy Jennifer
 * Granholm": where a title (and its office, "of Energy") sits inside a run
 * and is followed by one to three capitalised words, the words after it are a
 * person and those before it a name of their own. Returns [before, person].
 */
export function splitAtTitle(run: Token[], places: Set<string>): [Token[], Token[], Token[]] | undefined {
  for (let k = 0; k < run.length - 1; k++) {
    const title = TITLES.find((t) => t.length < run.length - k && t.every((w, i) => run[k + i]!.text === w))
    if (!title) continue
    // What follows "and" is a name of its own ("… Jennifer Granholm and Baton Rouge Mayor …").
    let rest = run.slice(k + title.length)
    const and = rest.findIndex((t) => t.text === 'and' || t.text === '&')
    const after = and >= 0 ? rest.slice(and + 1) : []
    if (and >= 0) rest = rest.slice(0, and)
    // The office: "Secretary of Energy Jennifer Granholm" → the last two words are the person.
    if (rest[0]?.text === 'of') rest = rest.length >= 4 ? rest.slice(-2) : rest.length === 3 ? rest.slice(-1) : []
    const personLike = (t: Token) => (/^\p{Lu}\p{Ll}/u.test(t.text) && !isCue(t.text) && !PLACE_CUES.has(t.text)) || NAME_PARTICLES.has(t.text)
    const place = places.has(rest.map((t) => t.text).join(' ').toLowerCase())
    if (rest.length >= 1 && rest.length <= 3 && rest.every(personLike) && !place) return [run.slice(0, k), rest, after]
  }
  return undefined
}

/** Two names joined by "and" when each is a name on its own: "Ultra Maritime and Bharat Dynamics Limited", "African Development Bank and Africa Finance Corporation". */
export function bothNames(left: Token[], right: Token[]): boolean {
  const l = left.at(-1)?.text ?? ''
  const r = right.at(-1)?.text ?? ''
  if (ORG_CUES.has(l) && ORG_CUES.has(r) && left.length >= 2) return true
  const named = (side: Token[]) => side.length >= 2 && side.every((t) => isNameLike(t.text))
  return COMPANY_SUFFIXES.has(r) && named(left) && named(right.slice(0, -1))
}
