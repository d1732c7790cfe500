/**
 * Date rules for a day of a month (SPEC §7): ISO dates, "January 6, 2025",
 * "19 June 2022", and a month and day without a year ("March 1"), which
 * take the release's year unless the sentence's tense says otherwise.
 */
import { isValidDay } from '../calendar.js'
import { DAY, day, MONTH, MONTH_NAME, MONTH_WORD, monthOf, YEAR, yearFor, type DateRule } from './words.js'

export const dayRules: DateRule[] = [
  {
    docs: [{ id: 'dates/iso-date', what: 'An ISO 8601 calendar date that exists.', example: 'The order takes effect 2025-03-01.', yields: '2025-03-01 → 2025-03-01' }],
    needs: /\d{4}-\d{2}-\d{2}/,
    pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    resolve: (m) => (isValidDay({ year: +m[1]!, month: +m[2]!, day: +m[3]! }) ? { value: m[0] } : undefined)
  },
  {
    // "January 6, 2025", "Jan. 6th 2025", "early January 6, 2025" is not a thing: no prefix.
    docs: [{ id: 'dates/month-day-year', what: 'A month name or abbreviation, a day and a year ("January 6, 2025", "Jan. 6th 2025").', example: 'The leaders met on January 6, 2025.', yields: 'January 6, 2025 → 2025-01-06' }],
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b(${MONTH})\\s+${DAY},?\\s+${YEAR}`, 'g'),
    resolve: (m) => day(+m[3]!, monthOf(m[1]!), +m[2]!)
  },
  {
    // "19 June 2022"; "12-13 May 2022" is two dates, as "from 2024 to 2026" is.
    docs: [{ id: 'dates/day-month-year', what: 'A day, a month and a year ("19 June 2022"); a day range before the month ("12-13 May 2022") is two dates.', example: 'Signed in Delhi on 19 June 2022.', yields: '19 June 2022 → 2022-06-19' }],
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
    docs: [{ id: 'dates/month-day', what: "A month and a day without a year: the release's year, or the year before for a later month in a past-tense sentence.", example: 'The talks resume March 1.', yields: 'March 1 → 2025-03-01' }],
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b(${MONTH})\\s+${DAY}\\b(?!\\s*[,–-]?\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => day(yearFor(monthOf(m[1]!), anchor, tense(m.index)), monthOf(m[1]!), +m[2]!)
  },
  {
    docs: [{ id: 'dates/day-month', what: "A day and a month name without a year (\"24 December\"): the release's year, or the year before for a later month in a past-tense sentence.", example: 'Elections are set for 24 December.', yields: '24 December → 2025-12-24' }],
    needs: MONTH_WORD,
    pattern: new RegExp(`\\b${DAY}\\s+(${MONTH_NAME})\\b(?!\\s*,?\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => day(yearFor(monthOf(m[2]!), anchor, tense(m.index)), monthOf(m[2]!), +m[1]!)
  }
]
