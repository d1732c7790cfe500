/**
 * The date and amount rule tables (SPEC §9): every example fires its rule
 * and yields what the table says, ids are unique and well formed, and every
 * date and amount found in the bundled fixtures names an id in the tables.
 * Also the span-rule core's one overlap policy.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findAmounts } from '../src/amounts/find-amounts.js'
import { amountRules } from '../src/amounts/rules.js'
import { findDates } from '../src/dates/find-dates.js'
import { dateRules, EXAMPLE_ANCHOR } from '../src/dates/rules.js'
import { RuleDoc } from '../src/schema/rules.js'
import { runSpanRules, type SpanRule } from '../src/text/spans.js'
import { root } from './helpers.js'

const dateYield = (d: { text: string; value: string }) => `${d.text} → ${d.value}`
const amountYield = (a: { text: string; value: number; max?: number; unit: string }) => `${a.text} → ${a.value}${a.max !== undefined ? `–${a.max}` : ''} ${a.unit}`

describe.each([
  { family: 'dates', table: dateRules, find: (text: string) => findDates(text, EXAMPLE_ANCHOR).map((d) => ({ rule: d.rule, yields: dateYield(d) })) },
  { family: 'amounts', table: amountRules, find: (text: string) => findAmounts(text).map((a) => ({ rule: a.rule, yields: amountYield(a) })) }
])('$family rule table', ({ family, table, find }) => {
  it('has unique, well-formed ids of its family', () => {
    for (const doc of table) expect(() => RuleDoc.parse(doc), doc.id).not.toThrow()
    expect(table.every((doc) => doc.id.startsWith(`${family}/`))).toBe(true)
    expect(new Set(table.map((doc) => doc.id)).size).toBe(table.length)
  })

  for (const doc of table) {
    it(`${doc.id}: "${doc.example}" fires it`, () => {
      expect(find(doc.example)).toContainEqual({ rule: doc.id, yields: doc.yields })
    })
  }
})

describe('rule ids on the bundled fixtures', () => {
  const ids = new Set([...dateRules, ...amountRules].map((doc) => doc.id))
  const fixtures = path.join(root, 'fixtures')
  const documents = fs
    .readdirSync(fixtures)
    .map((name) => path.join(fixtures, name, 'expected.json'))
    .filter((file) => fs.existsSync(file))
    .flatMap((file) => [JSON.parse(fs.readFileSync(file, 'utf8'))].flat() as Array<{ date: string | null; commitments: Array<{ text: string }> }>)

  it('every date and amount found names an id in the tables', () => {
    const seen = new Map<string, number>()
    for (const doc of documents) {
      for (const { text } of doc.commitments) {
        for (const { rule } of [...findDates(text, doc.date), ...findAmounts(text)]) seen.set(rule, (seen.get(rule) ?? 0) + 1)
      }
    }
    expect([...seen.keys()].filter((id) => !ids.has(id))).toEqual([])
    // The fixtures exercise both families (the check is not vacuous).
    expect([...seen.keys()].some((id) => id.startsWith('dates/'))).toBe(true)
    expect([...seen.keys()].some((id) => id.startsWith('amounts/'))).toBe(true)
  })
})

describe('span-rule core', () => {
  type Mention = { start: number; end: number; rule: string }
  const rule = (id: string, pattern: RegExp, needs?: RegExp): SpanRule<undefined, Mention> => ({
    docs: [{ id, what: 'test', example: 'test' }],
    needs,
    pattern,
    resolve: (m) => ({ start: m.index, end: m.index + m[0].length, rule: id })
  })

  it('runs every rule whose cheap test passes; the longest of overlapping mentions wins, then the first rule', () => {
    const rules = [rule('dates/a', /\d{4}/g), rule('dates/b', /early \d{4}/g), rule('dates/c', /\d{4}/g), rule('dates/d', /early/g, /never/)]
    expect(runSpanRules(rules, 'early 2025 and 2026', undefined)).toEqual([
      { start: 0, end: 10, rule: 'dates/b' },
      { start: 15, end: 19, rule: 'dates/a' }
    ])
  })

  it('skips empty matches without looping', () => {
    expect(runSpanRules([rule('dates/e', /x*/g)], 'abxc', undefined)).toEqual([{ start: 2, end: 3, rule: 'dates/e' }])
  })
})
