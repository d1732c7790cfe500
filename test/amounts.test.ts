/**
 * SPEC §8 amounts. `amounts/cases.json` holds 82 real sentences from the
 * corpus with the amounts a person read in them (133 amounts: currencies,
 * percentages, ranges, "up to"/"more than", and numbers that are not
 * amounts); it was written without looking at the code.
 */
import { describe, expect, it } from 'vitest'
import { findAmounts } from '../src/amounts/find-amounts.js'
import cases from './amounts/cases.json' with { type: 'json' }

const strip = (amounts: ReturnType<typeof findAmounts>) => amounts.map(({ start: _s, end: _e, rule: _r, ...rest }) => rest)

describe('amounts in real sentences (SPEC §8)', () => {
  it('has at least 30 cases, with ranges, "up to" and negatives', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
    const all = cases.flatMap((c) => c.amounts as Array<{ max?: number; mod?: string }>)
    expect(all.some((a) => a.max !== undefined)).toBe(true)
    expect(all.some((a) => a.mod === 'EQUAL_OR_LESS')).toBe(true)
    expect(cases.some((c) => c.amounts.length === 0)).toBe(true)
  })

  for (const c of cases) {
    it(`${c.source}: ${c.sentence.slice(0, 70)}…`, () => {
      const found = findAmounts(c.sentence)
      for (const amount of found) expect(c.sentence.slice(amount.start, amount.end)).toBe(amount.text)
      expect(strip(found)).toEqual(c.amounts)
    })
  }
})

describe('amounts the corpus lacks (SPEC §8 examples)', () => {
  const table: Array<[string, Array<Record<string, unknown>>]> = [
    ['Financing of ₹1,000 crore for the fund.', [{ text: '₹1,000 crore', value: 10000000000, unit: 'INR' }]],
    ['A grant of ₹50 lakh to each school.', [{ text: '₹50 lakh', value: 5000000, unit: 'INR' }]],
    ['Japan will provide ¥100 billion and Korea ₩2 trillion.', [{ text: '¥100 billion', value: 100000000000, unit: 'JPY' }, { text: '₩2 trillion', value: 2000000000000, unit: 'KRW' }]],
    ['Investments of $2-3 billion are planned.', [{ text: '$2-3 billion', value: 2000000000, unit: 'USD', max: 3000000000 }]],
    ['Australia adds A$500 million; Canada C$1.2 billion.', [{ text: 'A$500 million', value: 500000000, unit: 'AUD' }, { text: 'C$1.2 billion', value: 1200000000, unit: 'CAD' }]],
    ['Tariffs fall from 25% to 18%.', [{ text: '25%', value: 25, unit: '%' }, { text: '18%', value: 18, unit: '%' }]],
    ['Some 30 to 40 percent of funds.', [{ text: '30 to 40 percent', value: 30, unit: '%', max: 40, mod: 'APPROX' }]],
    ['At COP26 and COP 28, leaders met; 2 billion doses and 500,000 jobs.', []],
    ['Growth of 3 percentage points, and 15,000 pounds of food.', []]
  ]
  for (const [sentence, expected] of table) {
    it(sentence, () => {
      expect(strip(findAmounts(sentence))).toEqual(expected)
    })
  }
})
