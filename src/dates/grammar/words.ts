/**
 * The pieces the date rules are built from (SPEC §7): pattern fragments
 * made from the words in `lexicon.json`, and the small resolvers several
 * rules share (a relative word's year, a modifier's TIMEX3 `mod`, a day
 * that must exist in the calendar).
 */
import { formatDay, isValidDay, type Day } from '../calendar.js'
import lexicon from '../lexicon.json' with { type: 'json' }
import { alternatives, escape, type SpanRule } from '../../text/spans.js'

/** What a rule makes of a match: a TIMEX3 value, its `mod`, its range, and (when a match holds two dates, or a rule gives two ids) the span and the id. */
export type Resolved = { value: string; mod?: string; from?: string; to?: string; span?: [number, number]; rule?: string } | undefined
type Value = NonNullable<Resolved>

/** What the sentence around a mention says of its time: a month without a year is the latest one in a past-tense sentence. */
export type Tense = 'past' | 'future' | undefined
/** The tense at an offset of the text; asked only for months written without a year. */
export type TenseAt = (offset: number) => Tense

/** What a date rule reads a match against: the release date, and the tense around an offset. */
export interface DateContext {
  anchor: Day | undefined
  tense: TenseAt
}

/**
 * A date rule: a span rule whose resolver reads a match against the
 * release date (never the clock) and gives TIMEX3 values; `findDates`
 * makes mentions of them.
 */
export interface DateRule extends Omit<SpanRule<never, never>, 'resolve'> {
  resolve: (match: RegExpExecArray, anchor: Day | undefined, tense: TenseAt) => Resolved | Resolved[]
}

/** Month number by lowercase name or abbreviation. */
export const MONTHS = new Map(lexicon.months.names.flatMap((names, index) => names.map((name) => [name.toLowerCase(), index + 1] as const)))
const FULL_MONTHS = lexicon.months.names.map((names) => names[0]!)
const ABBREVIATIONS = lexicon.months.names.flatMap((names) => names.slice(1))
/** Month names are capitalised; abbreviations may take a period. */
export const MONTH = `(?:${alternatives(FULL_MONTHS)}|(?:${alternatives(ABBREVIATIONS)})\\.?)`
export const MONTH_NAME = `(?:${alternatives(FULL_MONTHS)})`
export const WEEKDAY = `(?:${alternatives(lexicon.weekdays)})`
export const SEASON = `(?:${alternatives(Object.keys(lexicon.seasons))})`
export const SEASONS = lexicon.seasons as Record<string, { code: string; from: number }>
export const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
/** A year 1900–2099, not part of a longer number, an amount or a code. */
export const YEAR = '(?<![\\d$€£¥₹.,/])((?:19|20)\\d{2})(?![\\d%]|,\\d|\\.\\d|\\s*(?:percent|per cent)\\b)'
const MODIFIERS = lexicon.modifiers as Record<string, string | null>
export const NUMBER_WORDS = lexicon.numberWords as Record<string, number>
/** Cheap guards: a month name or abbreviation; a word of an observance's name. */
export const MONTH_WORD = new RegExp(`\\b(?:${[...new Set(lexicon.months.names.flat())].join('|')})\\b`)
export const OBSERVANCE_WORD = new RegExp(`\\b(?:${[...new Set(Object.keys(lexicon.observances).map((name) => name.split(' ')[0]!))].map(escape).join('|')})`)
export const CENTURIES = lexicon.centuries as Record<string, number>
export const NAMED_DAY = new RegExp(`\\b(?:${alternatives(lexicon.namedDays.names)})\\b`)
/** A lexicon map without its `$comment`. */
const numbers = (map: object) => Object.fromEntries(Object.entries(map).filter(([key]) => !key.startsWith('$'))) as Record<string, number>
export const DEICTIC_DAYS = numbers(lexicon.deicticDays)
export const ORDINAL = numbers(lexicon.ordinals)

/** "early", "mid-", "late", "early in", "the end of", "later in" before a period. */
export const PREFIX_WORD = `(?:\\b(${alternatives(Object.keys(MODIFIERS))})(?:-|\\s+in\\s+|\\s+))`
export const PREFIX = `${PREFIX_WORD}?`
export const RELATIVE = '(this|last|next|the\\s+coming|the\\s+past)'
/** Words after which a capitalised month name is a month ("In March", "between May and October"). */
export const CUES = lexicon.monthCues.words.map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`).join('|')
export const YEAR_REF = `((?:19|20)\\d{2}|(?:this|last|next|the\\s+coming)\\s+year|the\\s+year)`

export const lower = (s: string | undefined) => s?.toLowerCase().replace(/\s+/g, ' ')
export const monthOf = (name: string) => MONTHS.get(name.toLowerCase().replace(/\.$/, ''))
export const modOf = (prefix: string | undefined) => (prefix ? MODIFIERS[lower(prefix)!] ?? undefined : undefined)
export const pad = (n: number) => String(n).padStart(2, '0')

/** The year a relative word points at from the anchor's year. */
export function relativeYear(word: string | undefined, anchor: Day | undefined): number | undefined {
  if (!anchor) return undefined
  const w = lower(word)
  return w === 'last' || w === 'the past' ? anchor.year - 1 : w === 'next' || w === 'the coming' ? anchor.year + 1 : anchor.year
}

/** "this year", "next year", "2025", "the year" → a year number (XXXX when it cannot be resolved). */
export function yearOf(text: string | undefined, anchor: Day | undefined): string {
  const t = lower(text) ?? ''
  const literal = /\d{4}/.exec(t)
  if (literal) return literal[0]
  const year = relativeYear(/^(this|last|next|the coming|the past)/.exec(t)?.[1] ?? 'this', anchor)
  return year === undefined ? 'XXXX' : String(year)
}

export function withMod(value: string, mod: string | undefined): Value {
  return mod ? { value, mod } : { value }
}

/**
 * The year of a month written without one: the release's, except that a
 * past action's month after the release month is last year's. (A planned
 * action's earlier month is not pushed to next year: releases often report
 * plans made "in late April" a week after.)
 */
export function yearFor(month: number | undefined, anchor: Day | undefined, tense: Tense): number | undefined {
  if (!anchor || !month) return anchor?.year
  if (tense === 'past' && month > anchor.month) return anchor.year - 1
  return anchor.year
}

export function day(year: number | undefined, month: number | undefined, dayOfMonth: number): Resolved {
  if (!month) return undefined
  if (year === undefined) return dayOfMonth >= 1 && dayOfMonth <= 31 ? { value: `XXXX-${pad(month)}-${pad(dayOfMonth)}` } : undefined
  const d = { year, month, day: dayOfMonth }
  return isValidDay(d) ? { value: formatDay(d) } : undefined
}

/** A word or a digit that could start a time expression: texts without one are skipped. */
export const TRIGGER = new RegExp(
  `\\d|\\b(?:${alternatives([
    ...MONTHS.keys(),
    ...lexicon.weekdays,
    ...Object.keys(lexicon.seasons),
    ...Object.values(lexicon.references).flat(),
    ...Object.keys(DEICTIC_DAYS),
    'year',
    'month',
    'week',
    'day',
    'century'
  ])})`,
  'i'
)
