/**
 * Date rules read from the release date alone (SPEC §7): "this year",
 * "next month", "last week", a weekday, "today". Without a release date
 * they give TIMEX3's unknown digits (XXXX) or nothing.
 */
import { addDays, formatDay, isoWeek, weekday } from '../calendar.js'
import lexicon from '../lexicon.json' with { type: 'json' }
import { alternatives } from '../../text/spans.js'
import { DEICTIC_DAYS, lower, modOf, NAMED_DAY, pad, PREFIX, relativeYear, WEEKDAY, withMod, type DateRule } from './words.js'

const DEICTIC = alternatives(Object.keys(DEICTIC_DAYS))

export const relativeRules: DateRule[] = [
  {
    // "this year", "early next year", "later this year", "by the end of the year".
    docs: [{ id: 'dates/relative-year', what: 'This, last, next or the coming year, or "the year" after a modifier ("by the end of the year"), from the release\'s year.', example: 'Talks resume early next year.', yields: 'early next year → 2026' }],
    needs: /year/i,
    // "the next year", "the last year" are durations, not dates.
    pattern: new RegExp(`${PREFIX}(?<!\\bthe\\s+)\\b(this|last|next|the\\s+coming)\\s+year\\b|${PREFIX}\\bthe\\s+year\\b`, 'gi'),
    resolve: (m, anchor) => {
      const prefix = m[1] ?? m[3]
      if (!m[2] && !prefix) return undefined
      const year = relativeYear(m[2] ?? 'this', anchor)
      return withMod(year === undefined ? 'XXXX' : String(year), modOf(prefix))
    }
  },
  {
    docs: [{ id: 'dates/relative-month', what: 'This, last, next or the coming month, from the release\'s month.', example: 'The board meets next month.', yields: 'next month → 2025-02' }],
    needs: /month/i,
    pattern: new RegExp(`${PREFIX}(?<!\\bthe\\s+)\\b(this|last|next|the\\s+coming)\\s+month\\b`, 'gi'),
    resolve: (m, anchor) => {
      if (!anchor) return withMod('XXXX-XX', modOf(m[1]))
      const shift = lower(m[2]) === 'last' ? -1 : lower(m[2]) === 'this' ? 0 : 1
      const index = anchor.year * 12 + anchor.month - 1 + shift
      return withMod(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`, modOf(m[1]))
    }
  },
  {
    docs: [{ id: 'dates/relative-week', what: 'This, last, next or the coming week: an ISO week from the release date.', example: 'The leaders met this week.', yields: 'this week → 2025-W02' }],
    needs: /week/i,
    pattern: /\b(this|last|next|the\s+coming)\s+week\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return { value: 'XXXX-WXX' }
      const shift = lower(m[1]) === 'last' ? -7 : lower(m[1]) === 'this' ? 0 : 7
      const { year, week } = isoWeek(addDays(anchor, shift))
      return { value: `${year}-W${pad(week)}` }
    }
  },
  {
    // "Friday's meeting", "on Tuesday", "last Monday": that weekday on or before the release date.
    docs: [{ id: 'dates/weekday', what: 'A weekday: that day on or before the release date; after "next" the first after it, after "last" the one before. Not inside a named day ("Good Friday").', example: 'Talks resume next Tuesday.', yields: 'next Tuesday → 2025-01-07' }],
    needs: /day\b/,
    pattern: new RegExp(`(?:\\b(last|this|next)\\s+)?\\b(${WEEKDAY})\\b`, 'g'),
    resolve: (m, anchor) => {
      if (!anchor || NAMED_DAY.test(m.input.slice(Math.max(0, m.index - 10), m.index + m[0].length + 1))) return undefined
      const target = lexicon.weekdays.indexOf(m[2]!) + 1
      const back = (weekday(anchor) - target + 7) % 7
      const ahead = (target - weekday(anchor) + 7) % 7 || 7
      return { value: formatDay(addDays(anchor, lower(m[1]) === 'next' ? ahead : lower(m[1]) === 'last' ? -(back || 7) : -back)) }
    }
  },
  {
    docs: [{ id: 'dates/deictic-day', what: 'Today, tonight, yesterday or tomorrow, from the release date.', example: 'Today, the President signed an order.', yields: 'Today → 2025-01-06' }],
    needs: new RegExp(DEICTIC, 'i'),
    pattern: new RegExp(`\\b(${DEICTIC})\\b`, 'gi'),
    resolve: (m, anchor) => {
      if (!anchor) return undefined
      return { value: formatDay(addDays(anchor, DEICTIC_DAYS[m[1]!.toLowerCase()]!)) }
    }
  }
]
