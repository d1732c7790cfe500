/**
 * Fuzzing real releases (issue 18): fast-check mutates the bundled
 * fixtures — hostile characters, markers and tags inserted, ranges cut
 * out or repeated — and every result must hold: no crash, a Document the
 * schema accepts, mentions that are the slice of the text their offsets
 * name, and positions whose line and column agree with their offsets
 * inside the source. Bounded in time (`interruptAfterTimeLimit`).
 *
 * The seed is fixed so that CI is repeatable; `FUZZ_SEED=random` (or a
 * number) and `FUZZ_RUNS` explore further. A counterexample found that way
 * becomes a pinned test (as the bare `&` of parse5 did in hostile.test.ts).
 */
import fs from 'node:fs'
import fc from 'fast-check'
import { location } from 'vfile-location'
import { describe, expect, it } from 'vitest'
import { Document, extract } from '../src/index.js'
import { config, fixtureInputs } from './helpers.js'

/** The fixtures, cut to their first 12 KB so a run tries many mutations. */
const sources = fixtureInputs().map((file) => ({ file, text: fs.readFileSync(file, 'utf8').slice(0, 12_000) }))

const seedSetting = process.env.FUZZ_SEED ?? '20261204'
const seed = seedSetting === 'random' ? Date.now() % 2 ** 31 : Number(seedSetting)
const runs = Number(process.env.FUZZ_RUNS ?? 150)

const PAYLOADS = ['\u0000', '\ud800', '\udfff', '\n', '\n\n', '- ', '1. ', '  - ', '> ', '**', '*', '_', '<div>', '</div>', '<li>', '<ul>', '</p>', '---\n', '&#0;', '&#xD800;', '\u2028', '\ufeff', '\t', '|', '[', '](', '`', '$5 million ', 'January 6, 2025 ', 'in June ', '(QZ) ']

const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'delete', 'repeat'),
  payload: fc.oneof(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 20 })),
  length: fc.integer({ min: 1, max: 400 }),
  times: fc.integer({ min: 1, max: 30 })
})

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(text: string, mutations: Mutation[]): string {
  for (const { at, kind, payload, length, times } of mutations) {
    const i = Math.floor(at * text.length)
    if (kind === 'insert') text = text.slice(0, i) + payload.repeat(times) + text.slice(i)
    else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + length)
    else text = text.slice(0, i) + text.slice(i, i + length).repeat(Math.min(times, 5)) + text.slice(i)
  }
  return text
}

describe('fuzzed releases', () => {
  it('never crash, and give valid Documents whose offsets and positions hold', { timeout: process.env.FUZZ_RUNS ? 3_600_000 : 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sources.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), async (index, mutations) => {
        const { file: path, text } = sources[index]!
        const { document, file } = await extract(mutate(text, mutations), { path, config })
        expect(file.messages.filter((m) => m.ruleId === 'crash').map(String)).toEqual([])
        if (!document) {
          expect(file.messages.some((m) => m.fatal)).toBe(true)
          return
        }
        expect(Document.safeParse(document).success).toBe(true)
        const source = String(file.value)
        const where = location(source)
        for (const c of document.commitments) {
          for (const mention of [...c.entities, ...c.dates, ...c.amounts]) expect(c.text.slice(mention.start, mention.end)).toBe(mention.text)
          const { start, end } = c.position
          expect(0 <= start.offset && start.offset <= end.offset && end.offset <= source.length).toBe(true)
          expect(where.toPoint(start.offset)).toMatchObject({ line: start.line, column: start.column })
          expect(where.toPoint(end.offset) ?? { line: end.line, column: end.column }).toMatchObject({ line: end.line, column: end.column })
        }
      }),
      { seed, numRuns: runs, interruptAfterTimeLimit: process.env.FUZZ_RUNS ? 3_600_000 : 25_000, markInterruptAsFailure: false }
    )
  })
})
