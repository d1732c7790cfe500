/**
 * The span-rule core that dates and amounts share: a span rule is a
 * cheap `needs` test, a global pattern, and a resolver that turns a match
 * into mentions (none, one or several), each naming the rule id that
 * decided it (SPEC §9). All rules run in their order; where mentions
 * overlap, one policy decides (`keepLongest`: the longest, then the
 * earliest, then the first rule). The regex helpers the rules build their
 * patterns with live here once.
 */
import type { RuleDoc } from '../schema/rules.js'

export interface SpanRule<Context, Mention> {
  /** The ids this rule gives, each with what it does and an example (rows of the rules reference); the first is the rule's own. */
  docs: readonly [RuleDoc, ...RuleDoc[]]
  /** A cheap test the text must pass before the pattern runs (not global: it keeps no state). */
  needs?: RegExp
  /** A global pattern; each non-empty match is resolved. */
  pattern: RegExp
  resolve: (match: RegExpExecArray, context: Context) => Mention | undefined | ReadonlyArray<Mention | undefined>
}

/** The mentions of every rule in `text`, overlaps resolved, in text order. */
export function runSpanRules<Context, Mention extends { start: number; end: number }>(rules: ReadonlyArray<SpanRule<Context, Mention>>, text: string, context: Context): Mention[] {
  const found: Mention[] = []
  for (const rule of rules) {
    if (rule.needs && !rule.needs.test(text)) continue
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++
        continue
      }
      const results = rule.resolve(m, context)
      for (const mention of Array.isArray(results) ? (results as ReadonlyArray<Mention | undefined>) : [results as Mention | undefined]) if (mention) found.push(mention)
    }
  }
  return keepLongest(found, text.length)
}

/**
 * The one overlap policy: where mentions overlap, the longest wins, then
 * the earliest, then the first found (the sort is stable). Each kept
 * mention marks the characters it covers, so a candidate is checked
 * against its own span only: linear in the text, where comparing it with
 * every kept mention was quadratic ("January 6, 2025" 56,000 times took
 * 29 s). An empty mention is never kept.
 */
function keepLongest<T extends { start: number; end: number }>(found: T[], length: number): T[] {
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

/** The reference rows of a family's span rules, in rule order. */
export const docsOf = (rules: ReadonlyArray<Pick<SpanRule<never, never>, 'docs'>>): RuleDoc[] => rules.flatMap((rule) => rule.docs)

/** `text` as a literal in a pattern, any space matching any run of white space. */
export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')

/** An alternation of literal words, longest first (so "per cent" is tried before "per"). */
export const alternatives = (list: Iterable<string>) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|')
