/**
 * Date rules for years and longer (SPEC §7): decades, fiscal years,
 * observances of a year, a second year written short ("2024-25"), "N
 * years ago", centuries, a bare year; and the words that only point at
 * the past, present or future ("recently", "now", "in the coming months").
 * A bare year runs after the others: a longer match that holds it wins.
 */
import { addDays, formatDay, isoWeek } from '../calendar.js'
import lexicon from '../lexicon.json' with { type: 'json' }
import { alternatives } from '../../text/spans.js'
import { CENTURIES, lower, modOf, NUMBER_WORDS, OBSERVANCE_WORD, pad, PREFIX, withMod, YEAR, type DateRule } from './words.js'

export const yearRules: DateRule[] = [
  {
    // "the 2020s", "the early 2030s".
    docs: [{ id: 'dates/decade', what: 'A decade ("the 2020s", "the early 2030s").', example: 'Net zero across the grid by the 2030s.', yields: 'the 2030s → 203X' }],
    needs: /\d0s\b/,
    pattern: /(?:the\s+)?(?:(early|mid|late)[-\s])?\b((?:19|20)\d)0s\b/gi,
    resolve: (m) => withMod(`${m[2]}X`, modOf(m[1]))
  },
  {
    // "FY 2024", "FY24", "fiscal year 2027", "Fiscal Year (FY) 2025"; "FY21–FY24" is two.
    docs: [{ id: 'dates/fiscal-year', what: 'A US federal fiscal year ("FY 2024", "FY24", "fiscal year 2027"): the year with mod FY, October of the year before to September.', example: 'Funding requested in FY 2024.', yields: 'FY 2024 → 2024' }],
    needs: /FY|[Ff]iscal/,
    pattern: /\b(?:FY|[Ff]iscal\s+[Yy]ear(?:\s+\(FY\))?)\s*'?((?:19|20)\d{2}|\d{2})\b(?!\d)/g,
    resolve: (m) => ({ value: m[1]!.length === 2 ? `20${m[1]}` : m[1]!, mod: 'FY' })
  },
  {
    // "World AIDS Day 2023", "Earth Day".
    docs: [{ id: 'dates/observance', what: "A fixed-date observance from lexicon.json (\"World AIDS Day 2023\", \"Earth Day\"), in its year or the release's.", example: 'Volunteers planted trees on Earth Day.', yields: 'Earth Day → 2025-04-22' }],
    needs: OBSERVANCE_WORD,
    pattern: new RegExp(`\\b(${alternatives(Object.keys(lexicon.observances))})(?:\\s+${YEAR})?`, 'g'),
    resolve: (m, anchor) => {
      const monthDay = (lexicon.observances as Record<string, string>)[m[1]!.replace(/\s+/g, ' ')]
      const year = m[2] ?? (anchor ? String(anchor.year) : 'XXXX')
      return monthDay ? { value: `${year}-${monthDay}` } : undefined
    }
  },
  {
    // "2021/22", "2024-25": the second year written short is a date of its own.
    docs: [{ id: 'dates/short-year', what: 'The second year of a pair written short ("2021/22", "2024-25"), when it follows the first.', example: 'The 2024-25 budget passed.', yields: '25 → 2025' }],
    needs: /\d{4}[/–-]\d{2}/,
    pattern: new RegExp(`(?<=(?:19|20)(\\d{2})[/–-])(\\d{2})\\b(?![/–-]?\\d)`, 'g'),
    resolve: (m) => {
      const year = 2000 + Number(m[2])
      return Number(m[2]) === (Number(m[1]) + 1) % 100 ? { value: String(year) } : undefined
    }
  },
  {
    // "23 years ago", "two weeks ago".
    docs: [{ id: 'dates/ago', what: 'A number of years, months, weeks or days ago, counted back from the release date.', example: 'The centre opened 23 years ago.', yields: '23 years ago → 2002' }],
    needs: /\bago\b/i,
    pattern: new RegExp(`\\b(\\d{1,3}|${alternatives(Object.keys(NUMBER_WORDS))})\\s+(year|month|week|day)s?\\s+ago\\b`, 'gi'),
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
    docs: [{ id: 'dates/century', what: 'A century in digits or words ("the 21st century", "the twenty-first century"); TIMEX3 writes its first two digits.', example: 'The challenges of the 21st century.', yields: 'the 21st century → 20' }],
    needs: /century/i,
    pattern: new RegExp(`(?:the\\s+)?\\b(?:(\\d{1,2})(?:st|nd|rd|th)|(${alternatives(Object.keys(CENTURIES))}))[-\\s]century\\b`, 'gi'),
    resolve: (m) => {
      const n = m[1] ? Number(m[1]) : CENTURIES[m[2]!.toLowerCase()]!
      return n ? { value: String(n - 1).padStart(2, '0') } : undefined
    }
  },
  {
    // A year: "2030", "by 2050" (the preposition is not part of it), "early 2025", "later in 2023".
    docs: [{ id: 'dates/year', what: 'A year 1900–2099 that is no part of a number, an amount or a code, with an optional modifier ("early 2025", "later in 2023").', example: 'Net zero by 2050.', yields: '2050 → 2050' }],
    needs: /(?:19|20)\d{2}/,
    pattern: new RegExp(`${PREFIX}\\b${YEAR}`, 'g'),
    resolve: (m) => withMod(m[2]!, modOf(m[1]))
  },
  {
    // "in the past year", "soon after" are not references to a time.
    docs: [{ id: 'dates/reference', what: 'A word or phrase that only points at the past, the present or the future (lexicon.json: "recently", "now", "in the coming months"): PAST_REF, PRESENT_REF or FUTURE_REF.', example: 'We recently agreed to act.', yields: 'recently → PAST_REF' }],
    pattern: new RegExp(`\\b(${alternatives(Object.values(lexicon.references).flat())})\\b(?!\\s+(?:${alternatives(lexicon.notReferenceBefore.words)}|\\d))`, 'gi'),
    resolve: (m) => {
      const phrase = lower(m[1])
      for (const [value, list] of Object.entries(lexicon.references)) if ((list as string[]).includes(phrase!)) return { value }
      return undefined
    }
  }
]
