/**
 * Time expressions in a commitment's text (SPEC §7): a small grammar of
 * our own, resolved against the release date — never the clock. Each rule
 * is a pattern and a resolver; all rules run, and where matches overlap the
 * longest wins. Text that holds no digit and no time word costs one test.
 */
import type { DateMention } from '../schema/document.js'
import { addDays, formatDay, isoWeek, isValidDay, parseDay, rangeOf, weekday, type Day } from './calendar.js'
import lexicon from './lexicon.json' with { type: 'json' }
import { keepLongest } from '../text/overlaps.js'

type Resolved = { value: string; mod?: string; from?: string; to?: string; span?: [number, number] } | undefined

/** What the sentence around a mention says of its time: a month without a year is the latest one in a past-tense sentence. */
export type Tense = 'past' | 'future' | undefined
/** The tense at an offset of the text; asked only for months written without a year. */
export type TenseAt = (offset: number) => Tense

interface Rule {
  name: string
  /** A cheap test the text must pass before the rule's pattern runs. */
  needs?: RegExp
  pattern: RegExp
  resolve: (match: RegExpExecArray, anchor: Day | undefined, tense: TenseAt) => Resolved | Resolved[]
}

const words = (list: Iterable<string>) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|')
function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
}

/** Month number by lowercase name or abbreviation. */
const MONTHS = new Map(lexicon.months.names.flatMap((names, index) => names.map((name) => [name.toLowerCase(), index + 1] as const)))
const FULL_MONTHS = lexicon.months.names.map((names) => names[0]!)
const ABBREVIATIONS = lexicon.months.names.flatMap((names) => names.slice(1))
/** Month names are capitalised; abbreviations may take a period. */
const MONTH = `(?:${words(FULL_MONTHS)}|(?:${words(ABBREVIATIONS)})\\.?)`
const MONTH_NAME = `(?:${words(FULL_MONTHS)})`
const WEEKDAY = `(?:${words(lexicon.weekdays)})`
const SEASON = `(?:${words(Object.keys(lexicon.seasons))})`
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
/** A year 1900–2099, not part of a longer number, an amount or a code. */
const YEAR = '(?<![\\d$€£¥₹.,/])((?:19|20)\\d{2})(?![\\d%]|,\\d|\\.\\d|\\s*(?:percent|per cent)\\b)'
const MODIFIERS = lexicon.modifiers as Record<string, string | null>
const NUMBER_WORDS = lexicon.numberWords as Record<string, number>
/** Cheap guards: a month name or abbreviation; a word of an observance's name. */
const MONTH_WORD = new RegExp(`\\b(?:${[...new Set(lexicon.months.names.flat())].join('|')})\\b`)
const OBSERVANCE_WORD = new RegExp(`\\b(?:${[...new Set(Object.keys(lexicon.observances).map((name) => name.split(' ')[0]!))].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`)
const CENTURIES = lexicon.centuries as Record<string, number>
const NAMED_DAY = new RegExp(`\\b(?:${words(lexicon.namedDays.names)})\\b`)

/** "early", "mid-", "late", "early in", "the end of", "later in" before a period. */
const PREFIX_WORD = `(?:\\b(${words(Object.keys(MODIFIERS))})(?:-|\\s+in\\s+|\\s+))`
const PREFIX = `${PREFIX_WORD}?`
const RELATIVE = '(this|last|next|the\\s+coming|the\\s+past)'
/** Words after which a capitalised month name is a month ("In March", "between May and October"). */
const CUES = ['in', 'since', 'by', 'until', 'through', 'from', 'to', 'during', 'before', 'after', 'of', 'between', 'and', 'or', 'on', 'the', 'last', 'this', 'next']
  .map((w) => `[${w[0]}${w[0]!.toUpperCase()}]${w.slice(1)}`)
  .join('|')
const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: 4 }

const lower = (s: string | undefined) => s?.toLowerCase().replace(/\s+/g, ' ')
const monthOf = (name: string) => MONTHS.get(name.toLowerCase().replace(/\.$/, ''))
const modOf = (prefix: string | undefined) => (prefix ? MODIFIERS[lower(prefix)!] ?? undefined : undefined)
const pad = (n: number) => String(n).padStart(2, '0')

/** The year a relative word points at from the anchor's year. */
function relativeYear(word: string | undefined, anchor: Day | undefined): number | undefined {
  if (!anchor) return undefined
  const w = lower(word)
  return w === 'last' || w === 'the past' ? anchor.year - 1 : w === 'next' || w === 'the coming' ? anchor.year + 1 : anchor.year
}

/** "this year", "next year", "2025", "the year" → a year number (XXXX when it cannot be resolved). */
function yearOf(text: string | undefined, anchor: Day | undefined): string {
  const t = lower(text) ?? ''
  const literal = /\d{4}/.exec(t)
  if (literal) return literal[0]
  const year = relativeYear(/^(this|last|next|the coming|the past)/.exec(t)?.[1] ?? 'this', anchor)
  return year === undefined ? 'XXXX' : String(year)
}

const YEAR_REF = `((?:19|20)\\d{2}|(?:this|last|next|the\\s+coming)\\s+year|the\\s+year)`

function withMod(value: string, mod: string | undefined): Resolved {
  return mod ? { value, mod } : { value }
}

const RULES: Rule[] = [
  {
    name: 'iso-date',
    needs: /\d{4}-\d{2}-\d{2}/,
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => (isValidDay({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) ? { value: m[0] } : undefined)
  },
  {
    // "January 6, 2025", "Jan. 6th 2025", "early January 6, 2025" is not a thing: no prefix.
    name: 'month-day-year',
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b(${MONTH})\\s+${DAY},?\\s+${YEAR}`, 'g'),
    resolve: (m) => day(+m[3]!, monthOf(m[1]!), +m[2]!)
  },
  {
    // "19 June 2022"; "12-13 May 2022" is two dates, as "from 2024 to 2026" is.
    name: 'day-month-year',
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b(?:(\\d{1,2})(\\s*[-–]\\s*))?${DAY}\\s+(${MONTH})(?:,)?\\s+${YEAR}`, 'g'),
    resolve: (m) => {
      const last = day(+m[5]!, monthOf(m[4]!), +m[3]!)
      if (!last || !m[1]) return last
      const first = day(+m[5]!, monthOf(m[4]!), +m[1])
      const cut = m[1].length + m[2]!.length
      return first ? [{ ...first, span: [0, m[1].length] }, { ...last, span: [cut, m[0].length] }] : last
    }
  },
  {
    // "March 1", "May 5": the release's year.
    name: 'month-day',
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b(${MONTH})\\s+${DAY}\\b(?!\\s*[,–-]?\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => day(yearFor(monthOf(m[1]!), anchor, tense(m.index)), monthOf(m[1]!), +m[2]!)
  },
  {
    name: 'day-month',
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b${DAY}\\s+(${MONTH_NAME})\\b(?!\\s*,?\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => day(yearFor(monthOf(m[2]!), anchor, tense(m.index)), monthOf(m[2]!), +m[1]!)
  },
  {
    // "September 2024", "early October 2021", "the end of March 2025".
    name: 'month-year',
    needs: MONTH_WORD,
    pattern: new RegExp(`${PREFIX}\\b(${MONTH})(?:\\s+of)?,?\\s+${YEAR}`, 'g'),
    resolve: (m) => withMod(`${m[3]}-${pad(monthOf(m[2]!)!)}`, modOf(m[1]))
  },
  {
    // "last August", "this October", "early in October", "September" after a
    // preposition (a capitalised "May" or "March" alone could be a verb).
    name: 'month',
    needs: MONTH_WORD,
    pattern: new RegExp(`(?:\\b${RELATIVE}\\s+|${PREFIX_WORD}|(?<=\\b(?:${CUES})\\s+))\\b(${MONTH_NAME})\\b(?!\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => {
      const month = monthOf(m[3]!)
      if (!month) return undefined
      if (!anchor) return withMod(`XXXX-${pad(month)}`, modOf(m[2]))
      const rel = lower(m[1])
      // "by September" is a deadline, ahead whatever the sentence's tense.
      const deadline = /\b(?:by|until|before|through)\s+$/i.test(m.input.slice(Math.max(0, m.index - 10), m.index))
      let year = rel || deadline ? anchor.year : yearFor(month, anchor, tense(m.index))!
      if (rel === 'last' || rel === 'the past') year = month < anchor.month ? anchor.year : anchor.year - 1
      if (rel === 'next' || rel === 'the coming') year = month > anchor.month ? anchor.year : anchor.year + 1
      return withMod(`${year}-${pad(month)}`, modOf(m[2]))
    }
  },
  {
    // "this spring", "last fall", "spring of 2024", "Fall 2022", "the summer of 2023".
    name: 'season',
    needs: /spring|summer|fall|autumn|winter/i,
    pattern: new RegExp(`(?:${RELATIVE}\\s+|${PREFIX}(?:the\\s+)?)?\\b(${SEASON})\\b(?:\\s+(?:of\\s+)?${YEAR})?`, 'gi'),
    resolve: (m, anchor) => {
      const season = (lexicon.seasons as Record<string, { code: string; from: number }>)[m[3]!.toLowerCase()]!
      if (m[4]) return withMod(`${m[4]}-${season.code}`, modOf(m[2]))
      if (!m[1]) return undefined
      if (!anchor) return { value: `XXXX-${season.code}` }
      const rel = lower(m[1])
      // The season of the release's year; "last" is the latest one already over, "next" the first not begun.
      let year = anchor.year
      const begins = (y: number) => formatDay({ year: y, month: season.from, day: 1 })
      const ends = (y: number) => rangeOf(`${y}-${season.code}`)!.to
      const today = formatDay(anchor)
      if (season.code === 'WI' && anchor.month <= 2) year = anchor.year - 1
      if (rel === 'last' || rel === 'the past') while (ends(year) >= today) year--
      if (rel === 'next' || rel === 'the coming') while (begins(year) <= today) year++
      return { value: `${year}-${season.code}` }
    }
  },
  {
    // "the first half of this year", "the second half of 2025", "H1 2025".
    name: 'half',
    needs: /half|H[12]/,
    pattern: new RegExp(`(?:the\\s+)?\\b(first|second|1st|2nd)\\s+half\\s+of\\s+${YEAR_REF}|\\bH([12])\\s+${YEAR}`, 'gi'),
    resolve: (m, anchor) => ({ value: m[1] ? `${yearOf(m[2], anchor)}-H${ORDINAL[m[1].toLowerCase()]}` : `${m[4]}-H${m[3]}` })
  },
  {
    // "the third quarter of 2024", "Q1 2025", "the first quarter of next year".
    name: 'quarter',
    needs: /quarter|Q[1-4]/,
    pattern: new RegExp(`(?:the\\s+)?\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+${YEAR_REF}|\\bQ([1-4])\\s+(?:of\\s+)?${YEAR}`, 'gi'),
    resolve: (m, anchor) => ({ value: m[1] ? `${yearOf(m[2], anchor)}-Q${ORDINAL[m[1].toLowerCase()]}` : `${m[4]}-Q${m[3]}` })
  },
  {
    // "this year", "early next year", "later this year", "by the end of the year".
    name: 'relative-year',
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
    name: 'relative-month',
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
    name: 'relative-week',
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
    name: 'weekday',
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
    name: 'deictic-day',
    needs: /today|yesterday|tomorrow|tonight/i,
    pattern: /\b(today|yesterday|tomorrow|tonight)\b/gi,
    resolve: (m, anchor) => {
      if (!anchor) return undefined
      const shift = { today: 0, tonight: 0, yesterday: -1, tomorrow: 1 }[m[1]!.toLowerCase() as 'today']
      return { value: formatDay(addDays(anchor, shift)) }
    }
  },
  {
    // "the 2020s", "the early 2030s".
    name: 'decade',
    needs: /\d0s\b/,
    pattern: /(?:the\s+)?(?:(early|mid|late)[-\s])?\b((?:19|20)\d)0s\b/gi,
    resolve: (m) => withMod(`${m[2]}X`, modOf(m[1]))
  },
  {
    // "FY 2024", "FY24", "fiscal year 2027", "Fiscal Year (FY) 2025"; "FY21–FY24" is two.
    name: 'fiscal-year',
    needs: /FY|[Ff]iscal/,
    pattern: /\b(?:FY|[Ff]iscal\s+[Yy]ear(?:\s+\(FY\))?)\s*'?((?:19|20)\d{2}|\d{2})\b(?!\d)/g,
    resolve: (m) => ({ value: m[1]!.length === 2 ? `20${m[1]}` : m[1]!, mod: 'FY' })
  },
  {
    // "World AIDS Day 2023", "Earth Day".
    name: 'observance',
    needs: OBSERVANCE_WORD,
    pattern: new RegExp(`\\b(${words(Object.keys(lexicon.observances))})(?:\\s+${YEAR})?`, 'g'),
    resolve: (m, anchor) => {
      const monthDay = (lexicon.observances as Record<string, string>)[m[1]!.replace(/\s+/g, ' ')]
      const year = m[2] ?? (anchor ? String(anchor.year) : 'XXXX')
      return monthDay ? { value: `${year}-${monthDay}` } : undefined
    }
  },
  {
    // "2021/22", "2024-25": the second year written short is a date of its own.
    name: 'short-year',
    needs: /\d{4}[/–-]\d{2}/,
    pattern: new RegExp(`(?<=(?:19|20)(\\d{2})[/–-])(\\d{2})\\b(?![/–-]?\\d)`, 'g'),
    resolve: (m) => {
      const year = 2000 + Number(m[2])
      return Number(m[2]) === (Number(m[1]) + 1) % 100 ? { value: String(year) } : undefined
    }
  },
  {
    // "23 years ago", "two weeks ago".
    name: 'ago',
    needs: /\bago\b/i,
    pattern: new RegExp(`\\b(\\d{1,3}|${words(Object.keys(NUMBER_WORDS))})\\s+(year|month|week|day)s?\\s+ago\\b`, 'gi'),
    resolve: (m, anchor) => {
      const n = /\d/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!.toLowerCase()]!
      if (!anchor || !n) return undefined
      const unit = m[2]!.toLowerCase()
      if (unit === 'year') return { value: String(anchor.year - n) }
      if (unit === 'day') return { value: formatDay(addDays(anchor, -n)) }
      if (unit === 'week') {
        const { year, week } = isoWeek(addDays(anchor, -7 * n))
        return { value: `${year}-W${pad(week)}` }
      }
      const index = anchor.year * 12 + anchor.month - 1 - n
      return { value: `${Math.floor(index / 12)}-${pad((index % 12) + 1)}` }
    }
  },
  {
    // "the 21st century", "the twenty-first century": TIMEX3 writes the century's first two digits.
    name: 'century',
    needs: /century/i,
    pattern: new RegExp(`(?:the\\s+)?\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${words(Object.keys(CENTURIES))}))[-\\s]century\\b`, 'gi'),
    resolve: (m) => {
      const n = m[1] ? Number(m[1]) : CENTURIES[m[2]!.toLowerCase()]!
      return n ? { value: String(n - 1).padStart(2, '0') } : undefined
    }
  },
  {
    // A year: "2030", "by 2050" (the preposition is not part of it), "early 2025", "later in 2023".
    name: 'year',
    needs: /(?:19|20)\d{2}/,
    pattern: new RegExp(`${PREFIX}\\b${YEAR}`, 'g'),
    resolve: (m) => withMod(m[2]!, modOf(m[1]))
  },
  {
    name: 'reference',
    // "in the past year", "soon after" are not references to a time.
    pattern: new RegExp(`\\b(${words(Object.values(lexicon.references).flat())})\\b(?!\\s+(?:years?|decades?|months?|weeks?|days?|few|several|two|three|four|five|six|seven|eight|nine|ten|\\d|after|thereafter))`, 'gi'),
    resolve: (m) => {
      const phrase = lower(m[1])
      for (const [value, list] of Object.entries(lexicon.references)) if ((list as string[]).includes(phrase!)) return { value }
      return undefined
    }
  }
]

/**
 * The year of a month written without one: the release's, except that a
 * past action's month after the release month is last year's. (A planned
 * action's earlier month is not pushed to next year: releases often report
 * plans made "in late April" a week after.)
 */
function yearFor(month: number | undefined, anchor: Day | undefined, tense: Tense): number | undefined {
  if (!anchor || !month) return anchor?.year
  if (tense === 'past' && month > anchor.month) return anchor.year - 1
  return anchor.year
}

function day(year: number | undefined, month: number | undefined, dayOfMonth: number): Resolved {
  if (!month) return undefined
  if (year === undefined) return dayOfMonth >= 1 && dayOfMonth <= 31 ? { value: `XXXX-${pad(month)}-${pad(dayOfMonth)}` } : undefined
  const d = { year, month, day: dayOfMonth }
  return isValidDay(d) ? { value: formatDay(d) } : undefined
}

/** A word or a digit that could start a time expression: texts without one are skipped. */
const TRIGGER = new RegExp(
  `\\d|\\b(?:${words([
    ...MONTHS.keys(),
    ...lexicon.weekdays,
    ...Object.keys(lexicon.seasons),
    ...Object.values(lexicon.references).flat(),
    'year',
    'month',
    'week',
    'today',
    'yesterday',
    'tomorrow',
    'tonight',
    'day',
    'century'
  ])})`,
  'i'
)

/** Frequencies ("every September", "each spring") are not dates. */
const FREQUENCY = /\b(?:every|each|per)\s+$/i

/** Date mentions in `text`, resolved against `anchorDate` (`YYYY-MM-DD`), in order. */
export function findDates(text: string, anchorDate: string | null, tense: TenseAt = () => undefined): DateMention[] {
  if (!TRIGGER.test(text)) return []
  const anchor = parseDay(anchorDate)
  const found: DateMention[] = []
  for (const rule of RULES) {
    if (rule.needs && !rule.needs.test(text)) continue
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++
        continue
      }
      const results = rule.resolve(m, anchor, tense)
      for (const resolved of Array.isArray(results) ? results : [results]) {
        if (!resolved) continue
        const span = resolved.span ?? [0, m[0].length]
        let start = m.index + span[0]
        let end = m.index + span[1]
        // Spans never end in punctuation or space (SPEC §7).
        while (end > start && /[\s.,;:'’]/.test(text[end - 1]!)) end--
        while (start < end && /\s/.test(text[start]!)) start++
        if (FREQUENCY.test(text.slice(Math.max(0, start - 8), start))) continue
        const mention: DateMention = { text: text.slice(start, end), value: resolved.value, start, end, rule: `dates/${rule.name}` }
        const range = resolved.from && resolved.to ? { from: resolved.from, to: resolved.to } : rangeOf(resolved.value, resolved.mod)
        if (range) Object.assign(mention, range)
        if (resolved.mod) mention.mod = resolved.mod
        found.push(mention)
      }
    }
  }
  return keepLongest(found, text.length)
}
