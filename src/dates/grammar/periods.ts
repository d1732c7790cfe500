/**
 * Date rules for a part of a year (SPEC §7): a month with or without its
 * year, a season (of a year, or "this spring" read from the release date),
 * a half and a quarter.
 */
import { formatDay, rangeOf } from '../calendar.js'
import { CUES, lower, MONTH, MONTH_NAME, MONTH_WORD, modOf, monthOf, ORDINAL, pad, PREFIX, PREFIX_WORD, RELATIVE, SEASON, SEASONS, withMod, YEAR, YEAR_REF, yearFor, yearOf, type DateRule } from './words.js'

export const periodRules: DateRule[] = [
  {
    // "September 2024", "early October 2021", "the end of March 2025".
    docs: [{ id: 'dates/month-year', what: 'A month and a year, with an optional modifier ("early October 2021", "the end of March 2025").', example: 'The plant opened in September 2024.', yields: 'September 2024 → 2024-09' }],
    needs: MONTH_WORD,
    pattern: new RegExp(`${PREFIX}\\b(${MONTH})(?:\\s+of)?,?\\s+${YEAR}`, 'g'),
    resolve: (m) => withMod(`${m[3]}-${pad(monthOf(m[2]!)!)}`, modOf(m[1]))
  },
  {
    // "last August", "this October", "early in October", "September" after a
    // preposition (a capitalised "May" or "March" alone could be a verb).
    docs: [
      {
        id: 'dates/month-name',
        what: "A month name without a year after a preposition or a modifier (\"in September\", \"early in October\"): the release's year, the year before for a later month in a past-tense sentence; a deadline (\"by September\") is always ahead.",
        example: 'The summit meets in September.',
        yields: 'September → 2025-09'
      },
      { id: 'dates/relative-month-name', what: 'A month name after "this", "last", "next", "the coming" or "the past": the latest such month before, or the first after, the release date.', example: 'The training began last August.', yields: 'last August → 2024-08' }
    ],
    needs: MONTH_WORD,
    pattern: new RegExp(`(?:\\b${RELATIVE}\\s+|${PREFIX_WORD}|(?<=\\b(?:${CUES})\\s+))\\b(${MONTH_NAME})\\b(?!\\s*\\d)`, 'g'),
    resolve: (m, anchor, tense) => {
      const month = monthOf(m[3]!)
      if (!month) return undefined
      const rule = m[1] ? 'dates/relative-month-name' : 'dates/month-name'
      if (!anchor) return { ...withMod(`XXXX-${pad(month)}`, modOf(m[2])), rule }
      const rel = lower(m[1])
      // "by September" is a deadline, ahead whatever the sentence's tense.
      const deadline = /\b(?:by|until|before|through)\s+$/i.test(m.input.slice(Math.max(0, m.index - 10), m.index))
      let year = rel || deadline ? anchor.year : yearFor(month, anchor, tense(m.index))!
      if (rel === 'last' || rel === 'the past') year = month < anchor.month ? anchor.year : anchor.year - 1
      if (rel === 'next' || rel === 'the coming') year = month > anchor.month ? anchor.year : anchor.year + 1
      return { ...withMod(`${year}-${pad(month)}`, modOf(m[2])), rule }
    }
  },
  {
    // "this spring", "last fall", "spring of 2024", "Fall 2022", "the summer of 2023".
    docs: [
      { id: 'dates/season-year', what: 'A season with its year ("spring of 2024", "Fall 2022", "the summer of 2023"), with an optional modifier.', example: 'Trials are planned for the summer of 2026.', yields: 'the summer of 2026 → 2026-SU' },
      {
        id: 'dates/relative-season',
        what: 'A season after "this", "last", "next", "the coming" or "the past": this one is the season of the release\'s year, last the latest already over, next the first not begun.',
        example: 'NASA and ISRO will launch this spring.',
        yields: 'this spring → 2025-SP'
      }
    ],
    needs: new RegExp(Object.keys(SEASONS).join('|'), 'i'),
    pattern: new RegExp(`(?:${RELATIVE}\\s+|${PREFIX}(?:the\\s+)?)?\\b(${SEASON})\\b(?:\\s+(?:of\\s+)?${YEAR})?`, 'gi'),
    resolve: (m, anchor) => {
      const season = SEASONS[m[3]!.toLowerCase()]!
      if (m[4]) return { ...withMod(`${m[4]}-${season.code}`, modOf(m[2])), rule: 'dates/season-year' }
      if (!m[1]) return undefined
      if (!anchor) return { value: `XXXX-${season.code}`, rule: 'dates/relative-season' }
      const rel = lower(m[1])
      // The season of the release's year; "last" is the latest one already over, "next" the first not begun.
      let year = anchor.year
      const begins = (y: number) => formatDay({ year: y, month: season.from, day: 1 })
      const ends = (y: number) => rangeOf(`${y}-${season.code}`)!.to
      const today = formatDay(anchor)
      if (season.code === 'WI' && anchor.month <= 2) year = anchor.year - 1
      if (rel === 'last' || rel === 'the past') while (ends(year) >= today) year--
      if (rel === 'next' || rel === 'the coming') while (begins(year) <= today) year++
      return { value: `${year}-${season.code}`, rule: 'dates/relative-season' }
    }
  },
  {
    // "the first half of this year", "the second half of 2025", "H1 2025".
    docs: [{ id: 'dates/half-year', what: 'A half of a year ("the second half of 2025", "the first half of next year", "H1 2025").', example: 'Results in the first half of this year.', yields: 'the first half of this year → 2025-H1' }],
    needs: /half|H[12]/,
    pattern: new RegExp(`(?:the\\s+)?\\b(first|second|1st|2nd)\\s+half\\s+of\\s+${YEAR_REF}|\\bH([12])\\s+${YEAR}`, 'gi'),
    resolve: (m, anchor) => ({ value: m[1] ? `${yearOf(m[2], anchor)}-H${ORDINAL[m[1].toLowerCase()]}` : `${m[4]}-H${m[3]}` })
  },
  {
    // "the third quarter of 2024", "Q1 2025", "the first quarter of next year".
    docs: [{ id: 'dates/quarter', what: 'A quarter of a year ("the third quarter of 2024", "Q1 2025", "the first quarter of next year").', example: 'Deliveries begin in the third quarter of 2025.', yields: 'the third quarter of 2025 → 2025-Q3' }],
    needs: /quarter|Q[1-4]/,
    pattern: new RegExp(`(?:the\\s+)?\\b(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+${YEAR_REF}|\\bQ([1-4])\\s+(?:of\\s+)?${YEAR}`, 'gi'),
    resolve: (m, anchor) => ({ value: m[1] ? `${yearOf(m[2], anchor)}-Q${ORDINAL[m[1].toLowerCase()]}` : `${m[4]}-Q${m[3]}` })
  }
]
