/**
 * SPEC §7 dates: a table of sentences (SPEC's own examples and sentences
 * from the corpus), each with its release date and the mentions a reader
 * finds in it. Values are TIMEX3; `from`/`to` the calendar range covered.
 */
import { describe, expect, it } from 'vitest'
import { findDates } from '../src/dates/find-dates.js'
import { extract } from '../src/index.js'
import { config, md } from './helpers.js'

type Expected = { text: string; value: string; mod?: string; from?: string; to?: string }
const table: Array<[string, string, Expected[]]> = [
  // SPEC §7, in a release dated 2025-01-06.
  ['2025-01-06', 'NASA and ISRO will launch this spring.', [{ text: 'this spring', value: '2025-SP', from: '2025-03-01', to: '2025-05-31' }]],
  ['2025-01-06', 'The training began last August.', [{ text: 'last August', value: '2024-08', from: '2024-08-01', to: '2024-08-31' }]],
  ['2025-01-06', 'A workshop held last fall in Boston.', [{ text: 'last fall', value: '2024-FA', from: '2024-09-01', to: '2024-11-30' }]],
  ['2025-01-06', 'Results in the first half of this year.', [{ text: 'the first half of this year', value: '2025-H1', from: '2025-01-01', to: '2025-06-30' }]],
  ['2025-01-06', 'Delivery in early 2025.', [{ text: 'early 2025', value: '2025', mod: 'START', from: '2025-01-01', to: '2025-12-31' }]],
  ['2025-01-06', 'Support continued from 2024 to 2026.', [{ text: '2024', value: '2024' }, { text: '2026', value: '2026' }]],
  ['2025-01-06', 'Funding in FY 2024 and fiscal year 2027.', [{ text: 'FY 2024', value: '2024', mod: 'FY', from: '2023-10-01', to: '2024-09-30' }, { text: 'fiscal year 2027', value: '2027', mod: 'FY' }]],
  ['2025-01-06', 'Programs funded FY21–FY24 continue.', [{ text: 'FY21', value: '2021', mod: 'FY' }, { text: 'FY24', value: '2024', mod: 'FY' }]],
  ['2025-01-06', 'A winter exercise next winter.', [{ text: 'next winter', value: '2025-WI', from: '2025-12-01', to: '2026-02-28' }]],
  ['2025-01-06', 'Inspections every 12 days, within a decade, over the next five years, each September.', []],
  ['2025-01-06', 'We recently agreed, are now working, and will act in the coming months.', [{ text: 'recently', value: 'PAST_REF' }, { text: 'now', value: 'PRESENT_REF' }, { text: 'in the coming months', value: 'FUTURE_REF' }]],
  // Weeks, weekdays, days.
  ['2023-01-31', 'The leaders met this week in Washington.', [{ text: 'this week', value: '2023-W05', from: '2023-01-30', to: '2023-02-05' }]],
  ['2025-02-17', 'Following Friday’s meeting and last week’s call, talks resume next Tuesday.', [{ text: 'Friday', value: '2025-02-14' }, { text: 'last week', value: '2025-W07' }, { text: 'next Tuesday', value: '2025-02-18' }]],
  ['2025-07-31', 'Today, President Trump signed an order; yesterday he met the Ministers.', [{ text: 'Today', value: '2025-07-31' }, { text: 'yesterday', value: '2025-07-30' }]],
  ['2022-07-15', 'The Belfast/Good Friday Agreement stands.', []],
  // Months and days without a year take the release's year; past tense can make it last year's.
  ['2021-06-08', 'Beginning March 1, and again in September, the agencies act.', [{ text: 'March 1', value: '2021-03-01' }, { text: 'September', value: '2021-09' }]],
  ['2023-05-01', 'The President will host the summit on May 5.', [{ text: 'May 5', value: '2023-05-05' }]],
  ['2023-12-13', 'In March, Prosper Africa mobilized $274 million; between May and October, PGI mobilized more.', [{ text: 'March', value: '2023-03' }, { text: 'May', value: '2023-05' }, { text: 'October', value: '2023-10' }]],
  ['2023-05-01', 'Talks are set for late April and early in October.', [{ text: 'late April', value: '2023-04', mod: 'END' }, { text: 'early in October', value: '2023-10', mod: 'START' }]],
  ['2022-05-12', 'Vaccinate 70% of eligible Tanzanians by fall 2022 and by September 2022.', [{ text: 'fall 2022', value: '2022-FA' }, { text: 'September 2022', value: '2022-09' }]],
  ['2022-05-12', 'Leaders met in Washington, D.C., on 12-13 May 2022.', [{ text: '12', value: '2022-05-12' }, { text: '13 May 2022', value: '2022-05-13' }]],
  ['2022-06-22', 'We, the Media Ministers of the G7, met in Bonn on 19 June 2022.', [{ text: '19 June 2022', value: '2022-06-19' }]],
  ['2015-05-14', 'Summits held on May 14, 2015 in Camp David and on Sept. 3, 2014.', [{ text: 'May 14, 2015', value: '2015-05-14' }, { text: 'Sept. 3, 2014', value: '2014-09-03' }]],
  // Years, decades, quarters, centuries, relative periods.
  ['2021-05-21', 'Net zero by 2050, a 2030 target, and action in the 2020s.', [{ text: '2050', value: '2050' }, { text: '2030', value: '2030' }, { text: 'the 2020s', value: '202X', from: '2020-01-01', to: '2029-12-31' }]],
  ['2024-05-23', 'Deliveries in the third quarter of 2024 and Q1 2025, by mid-2026.', [{ text: 'the third quarter of 2024', value: '2024-Q3' }, { text: 'Q1 2025', value: '2025-Q1' }, { text: 'mid-2026', value: '2026', mod: 'MID' }]],
  ['2023-01-31', 'Work continues later in 2023 and through the end of next year.', [{ text: 'later in 2023', value: '2023' }, { text: 'the end of next year', value: '2024', mod: 'END' }]],
  ['2022-07-10', 'The ICRF was launched last year; it reports next month.', [{ text: 'last year', value: '2021' }, { text: 'next month', value: '2022-08' }]],
  ['2021-06-13', 'Peace returned 23 years ago, for the 21st century.', [{ text: '23 years ago', value: '1998' }, { text: 'the 21st century', value: '20' }]],
  ['2022-05-12', 'Provided USD 222 million to the 2021/22 budget cycle.', [{ text: '2021', value: '2021' }, { text: '22', value: '2022' }]],
  ['2023-12-13', 'Events on World AIDS Day 2023.', [{ text: 'World AIDS Day 2023', value: '2023-12-01' }]],
  // Not dates: durations, names, numbers.
  ['2023-12-13', 'Over the last year and within the next month, UN Security Council Resolutions 2371 and 2375 and COVID-19 held, for $2025.', []]
]

describe('dates (SPEC §7)', () => {
  for (const [anchor, text, expected] of table) {
    it(`${anchor}: ${text}`, () => {
      const found = findDates(text, anchor, () => (/\b(?:mobilized|began|held|met|signed)\b/.test(text) ? 'past' : undefined))
      for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text)
      expect(found).toEqual(expected.map((e) => expect.objectContaining(e)))
    })
  }

  it('resolves against the release date, never the clock, and leaves relative dates open without one', () => {
    expect(findDates('Launch this spring, in 2030.', null)).toMatchObject([{ text: 'this spring', value: 'XXXX-SP' }, { text: '2030', value: '2030' }])
    expect(findDates('Launch this spring.', '1999-01-06')).toMatchObject([{ value: '1999-SP' }])
  })

  it('reads a past-tense sentence’s month as the latest one, through the pipeline', async () => {
    const doc = await md("---\ntitle: 'FACT SHEET: X'\ndate: '2021-01-22'\n---\n\n- Across the country, families struggle. In December, Congress bolstered food assistance programs.\n- The agencies will report by September on the program.\n")
    expect(doc.commitments.map((c) => c.dates.map((d) => [d.text, d.value]))).toEqual([[['December', '2020-12']], [['September', '2021-09']]])
  })

  it('costs nothing on text without a digit or a time word', () => {
    expect(findDates('The United States welcomes the partnership.', '2025-01-06')).toEqual([])
  })
})

describe('dates in a Document', () => {
  it('keeps offsets into the commitment text, and leaves a fragment’s relative dates open', async () => {
    const { document } = await extract('<ul><li>The leaders will meet this year and in 2026 to review progress.</li></ul>', { path: 'f.html', config })
    expect(document!.commitments[0]!.dates).toMatchObject([
      { text: 'this year', value: 'XXXX' },
      { text: '2026', value: '2026', from: '2026-01-01', to: '2026-12-31' }
    ])
  })
})
