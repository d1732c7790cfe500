/**
 * compromise's match of one sweep pattern over one sentence, with the
 * same results, trying fewer starts. Its matcher (`methods.one.match`)
 * copies the rest of the sentence and runs the whole pattern from every
 * word: a fifth of all tagging time and most of what tagging allocates.
 * A pattern whose first token is a plain tag, word, `(a|b)` list or
 * `%switch%` cannot start at a word that token does not match, so only the
 * words it matches are tried, each with the pattern anchored there (`^`)
 * on the rest of the sentence: every test inside the matcher compares
 * positions with the sentence's length from the same start, so the rest of
 * the sentence matches as the whole did.
 *
 * Patterns whose stock result this could not mirror go to the stock
 * matcher whole: a first token of another kind, a `^` anywhere, a `$` on
 * the last token or a `notIf` (their filters drop raw matches the stock
 * loop still skipped past). test/sweep.test.ts compares every match with
 * the stock matcher's, pattern by pattern, and the tags they set.
 */

/** A term as the first token's test reads it (compromise's `doesMatch`). */
export interface Term {
  id: unknown
  text: string
  normal: string
  machine?: string | null
  root?: string
  implicit?: string
  alias?: string[]
  switch?: string
  tags: Set<string>
}
interface Reg {
  [key: string]: unknown
  choices?: Reg[][]
}
/** A pointer as compromise makes them: sentence, start, end, start id, end id. */
type Pointer = unknown[] & { 1: number; 2: number }
export type Match = (
  document: Term[][],
  todo: { regs: Reg[]; group?: unknown; notIf?: unknown }
) => { ptrs: Pointer[]; byGroup: Record<string, Pointer[]> }
export interface Pattern {
  regs: Reg[]
  group?: unknown
  notIf?: unknown
}

interface Plan {
  /** Can the pattern start at this term? */
  first: (term: Term) => boolean
  anchored: { regs: Reg[] }
  /** compromise's group name as its `getGroup` reads it ('' for none). */
  group: string
  /** Tokens neither optional nor negative: no match starts closer to the end. */
  minLength: number
}

/** Keys a first token may have and still be tested here; `optional`, `negative`, `start`, `end`, `fuzzy`, `use`… may not. */
const PLAIN = new Set(['tag', 'word', 'fastOr', 'operator', 'pos', 'switch', 'group', 'groupStart', 'groupEnd', 'greedy', 'min', 'max'])

const hasStart = (regs: Reg[]): boolean => regs.some((reg) => reg['start'] === true || (reg.choices?.some(hasStart) ?? false))

/** compromise's `doesMatch` for the one kind of test `reg` has, or undefined when it has another. */
function firstTest(reg: Reg): ((term: Term) => boolean) | undefined {
  const kinds = ['tag', 'word', 'fastOr', 'switch'].filter((key) => reg[key] !== undefined)
  if (kinds.length !== 1) return undefined
  for (const [key, value] of Object.entries(reg)) if (value !== undefined && value !== false && !PLAIN.has(key)) return undefined
  if (reg['operator'] !== undefined && kinds[0] !== 'fastOr') return undefined
  const tag = reg['tag'] as string | undefined
  if (tag !== undefined) return (term) => term.tags.has(tag)
  const word = reg['word'] as string | undefined
  if (word !== undefined) {
    return (term) => (term.machine != null && term.machine === word) || (term.alias?.some((alias) => alias === word) ?? false) || word === term.text || word === term.normal
  }
  const fastOr = reg['fastOr'] as Set<string> | undefined
  if (fastOr !== undefined) {
    const pos = reg['pos'] as string | undefined
    return (term) => {
      if (pos && !term.tags.has(pos)) return false
      return fastOr.has((term.root || term.implicit || term.machine || term.normal) as string) || fastOr.has(term.text)
    }
  }
  const name = reg['switch']
  return (term) => term.switch === name
}

const plans = new WeakMap<Pattern, Plan | null>()
function planOf(pattern: Pattern): Plan | null {
  let plan = plans.get(pattern)
  if (plan === undefined) {
    const { regs } = pattern
    const first = regs.length > 0 && pattern.notIf === undefined && regs.at(-1)!['end'] !== true && !hasStart(regs) ? firstTest(regs[0]!) : undefined
    plan = first
      ? {
          first,
          anchored: { regs: [{ ...regs[0]!, start: true }, ...regs.slice(1)] },
          group: pattern.group === undefined || pattern.group === null ? '' : String(pattern.group),
          minLength: regs.filter((reg) => reg['optional'] !== true && reg['negative'] !== true).length
        }
      : null
    plans.set(pattern, plan)
  }
  return plan
}

/** `match([terms], pattern).ptrs`, as compromise's matcher gives them. */
export function matchSentence(terms: Term[], pattern: Pattern, match: Match): Pointer[] {
  const plan = planOf(pattern)
  if (!plan) return match([terms], pattern).ptrs
  const ptrs: Pointer[] = []
  for (let i = 0; i < terms.length; i++) {
    if (terms.length - i < plan.minLength) break
    if (!plan.first(terms[i]!)) continue
    const found = match([terms.slice(i)], plan.anchored)
    const whole = found.ptrs[0]
    if (!whole) continue
    // The stock loop's pointer: the group asked for, else the whole match; ids of its first and last term.
    const part = plan.group ? found.byGroup[plan.group]?.[0] : whole
    if (part) {
      const start = i + part[1]
      const end = i + part[2]
      ptrs.push([0, start, end, terms[start]!.id, terms[end - 1]!.id] as Pointer)
    }
    // The stock loop goes on after the whole match.
    const end = i + whole[2]
    if (Math.abs(end - 1) > i) i = Math.abs(end - 1)
  }
  return ptrs
}
