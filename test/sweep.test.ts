/**
 * The post-tagger's sweep (src/nlp/sweep.ts) stands in for compromise's
 * own: the same tags on every commitment of every fixture, whole texts and
 * not only the first sentences the action rules ask about.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTwo } from '../src/nlp/compromise-two.js'
import { tagTerms } from '../src/nlp/compromise.js'
import { matchSentence, type Pattern, type Term } from '../src/nlp/anchored-match.js'
import { bulkMatch } from '../src/nlp/sweep.js'
import { root } from './helpers.js'

const fixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((name) => fs.existsSync(path.join(root, 'fixtures', name, 'expected.json')))
const texts = fixtures.flatMap((name) => (JSON.parse(fs.readFileSync(path.join(root, 'fixtures', name, 'expected.json'), 'utf8')) as { commitments: Array<{ text: string; label?: string | null }> }).commitments.map((c) => (c.label ? `${c.label} ${c.text}` : c.text)))

describe('the sweep of the post-tagger', () => {
  it('tags every fixture commitment as compromise’s own sweep does', () => {
    const nlp = loadTwo()
    type Bulk = typeof bulkMatch
    const methods = () => (nlp.methods() as unknown as { one: { bulkMatch: Bulk } }).one
    const stock = methods().bulkMatch
    expect(stock, 'compromise’s own, before tagTerms plugs ours in').not.toBe(bulkMatch)
    const tagsWith = (sweep: Bulk) => {
      nlp.plugin({ methods: { one: { bulkMatch: sweep } } } as Parameters<typeof nlp.plugin>[0])
      return texts.map((text) => {
        const doc = nlp(text) as unknown as { docs: Array<Array<{ text: string; tags: Set<string> }>> }
        return doc.docs.map((terms) => terms.map((t) => `${t.text}/${[...t.tags].join(',')}`).join(' ')).join(' | ')
      })
    }
    expect(texts.length).toBeGreaterThan(1000)
    const theirs = tagsWith(stock)
    const ours = tagsWith(bulkMatch)
    for (const [i, text] of texts.entries()) expect(ours[i], text).toBe(theirs[i])
    // Tags in order of setting: a pattern tried out of order would show even where the set is the same.
    expect(theirs.some((t) => t.includes(','))).toBe(true)
  })

  it('finds, pattern by pattern, the matches compromise’s matcher finds', () => {
    const nlp = loadTwo()
    type Methods = Parameters<typeof bulkMatch>[2]
    // The net of patterns compromise built, as its sweep hands it over (building it again would parse it twice).
    let net: Parameters<typeof bulkMatch>[1] | undefined
    let methods: Methods | undefined
    const plug = (sweep: typeof bulkMatch) => nlp.plugin({ methods: { one: { bulkMatch: sweep } } } as Parameters<typeof nlp.plugin>[0])
    plug((document, n, m, opts) => {
      net = n
      methods = m
      return bulkMatch(document, n, m, opts)
    })
    nlp('The United States will launch a partnership.')
    plug(bulkMatch)
    const match = methods!.one.match
    const patterns = [...new Set(Object.values(net!.hooks).flat())] as unknown as Pattern[]
    expect(patterns.length).toBeGreaterThan(500)
    let found = 0
    let overlapping = 0
    for (const text of texts.slice(0, 400)) {
      for (const terms of (nlp(text) as unknown as { docs: Term[][] }).docs) {
        for (const pattern of patterns) {
          const theirs = match([terms], pattern).ptrs
          expect(matchSentence(terms, pattern, match), `${pattern.regs.length} tokens on “${text}”`).toEqual(theirs)
          found += theirs.length
          // Matches the stock loop skipped into: where a start after each match would find more.
          if (theirs.length > 0 && match([terms.slice(1)], pattern).ptrs.length >= theirs.length) overlapping++
        }
      }
    }
    expect(found).toBeGreaterThan(1000)
    expect(overlapping).toBeGreaterThan(0)
  })

  it('is the sweep the pipeline tags with', () => {
    tagTerms('The United States will launch a partnership.')
    expect((loadTwo().methods() as unknown as { one: { bulkMatch: unknown } }).one.bulkMatch).toBe(bulkMatch)
  })
})
