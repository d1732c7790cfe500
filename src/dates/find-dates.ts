/**
 * Time expressions in a commitment's text (SPEC §7): a small grammar of
 * our own (`grammar/`, in the order of `rules.ts`), resolved against the
 * release date — never the clock. Each rule is a span rule: a pattern and
 * a resolver; all rules run, and where matches overlap the longest wins
 * (`text/spans.ts`). Text that holds no digit and no time word costs one
 * test.
 */
import type { DateMention } from '../schema/document.js'
import { runSpanRules, type SpanRule } from '../text/spans.js'
import { parseDay, rangeOf } from './calendar.js'
import { TRIGGER, type DateContext, type DateRule, type Tense, type TenseAt } from './grammar/words.js'
import { RULES } from './rules.js'

export type { Tense, TenseAt }

/** Frequencies ("every September", "each spring") are not dates. */
const FREQUENCY = /\b(?:every|each|per)\s+$/i

/** A date rule as a span rule: its values become mentions, trimmed, each naming its rule. */
function spanRule(rule: DateRule): SpanRule<DateContext & { text: string }, DateMention> {
  return {
    ...rule,
    resolve: (m, { text, anchor, tense }) => {
      const results = rule.resolve(m, anchor, tense)
      return (Array.isArray(results) ? results : [results]).map((resolved) => {
        if (!resolved) return undefined
        const span = resolved.span ?? [0, m[0].length]
        let start = m.index + span[0]
        let end = m.index + span[1]
        // Spans never end in punctuation or space (SPEC §7).
        while (end > start && /[\s.,;:'’]/.test(text[end - 1]!)) end--
        while (start < end && /\s/.test(text[start]!)) start++
        if (FREQUENCY.test(text.slice(Math.max(0, start - 8), start))) return undefined
        const mention: DateMention = { text: text.slice(start, end), value: resolved.value, start, end, rule: resolved.rule ?? rule.docs[0].id }
        const range = resolved.from && resolved.to ? { from: resolved.from, to: resolved.to } : rangeOf(resolved.value, resolved.mod)
        if (range) Object.assign(mention, range)
        if (resolved.mod) mention.mod = resolved.mod
        return mention
      })
    }
  }
}

const SPAN_RULES = RULES.map(spanRule)

/** Date mentions in `text`, resolved against `anchorDate` (`YYYY-MM-DD`), in order. */
export function findDates(text: string, anchorDate: string | null, tense: TenseAt = () => undefined): DateMention[] {
  if (!TRIGGER.test(text)) return []
  return runSpanRules(SPAN_RULES, text, { text, anchor: parseDay(anchorDate), tense })
}
