/**
 * Initiative keys and timelines (SPEC §12). The U.S.-India iCET thread
 * (five releases, 2023–2025, copied from ../shared/corpus/threads into
 * test/threads) must give one key for iCET however it is written, holding
 * every release that names it; an abbreviation defined in one release links
 * its forms in every release; keys ignore case, punctuation, a leading
 * article and a trailing "(ABBR)".
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, runExtract, type Document } from '../src/index.js'
import { normaliseName } from '../src/versions/keys.js'
import { TimelineBuilder, type Timeline } from '../src/versions/timelines.js'
import { config, md, readJsonl, root, tmp } from './helpers.js'

const thread = path.join(root, 'test', 'threads', 'us-india-icet')

function timelinesOf(documents: Document[]): Timeline[] {
  const builder = new TimelineBuilder()
  for (const d of documents) builder.learn(d)
  builder.prepare()
  for (const d of documents) builder.collect(d)
  return builder.build()
}

describe('keys', () => {
  it('ignore case, punctuation, a leading article and a trailing (ABBR)', () => {
    expect(normaliseName('The Quad')).toBe(normaliseName('quad'))
    expect(normaliseName('U.S.-India Initiative on Critical and Emerging Technology (iCET)')).toBe('us india initiative on critical and emerging technology')
    expect(normaliseName('the U.S. Department of Commerce’s')).toBe('us department of commerce')
  })

  it('link an abbreviation defined in one release to its short form in another, and a longer name ending in the long form', async () => {
    const at = (n: number, date: string, body: string) => md(`---\ntitle: 'FACT SHEET: ${n}'\ndate: '${date}'\nsource_url: https://example.gov/${n}\n---\n\n${body}`)
    const documents = [
      await at(1, '2023-01-31', '- The leaders launched the U.S.-India Initiative on Critical and Emerging Technology (iCET) to deepen cooperation.'),
      await at(2, '2024-06-17', '- The leaders welcomed progress under iCET on semiconductor supply chains.'),
      await at(3, '2025-01-06', '- The United States and India will expand the Initiative on Critical and Emerging Technology to space.'),
      await at(4, '2025-02-01', '- The leaders noted that trust between the two countries is strong.')
    ]
    const icet = timelinesOf(documents).find((t) => t.names.includes('icet'))!
    expect(icet.key).toBe('initiative on critical and emerging technology')
    expect(icet.events.map((e) => e.date)).toEqual(['2023-01-31', '2024-06-17', '2025-01-06'])
    expect(icet.releases).toBe(3)
    expect(icet.first).toBe('2023-01-31')
    expect(icet.last).toBe('2025-01-06')
    expect(icet.latestClass).toBe(icet.events[2]!.class)
    expect(icet.events.every((e) => e.commitment !== null && e.text.length > 0 && e.modality !== null)).toBe(true)
  })
})

describe('the U.S.-India iCET thread', () => {
  it('gives iCET one key holding every release that names it, as "iCET" or as "Initiative on Critical and Emerging Technology"', async () => {
    const dir = tmp('icet-')
    const out = path.join(dir, 'out')
    const inputs = fs.readdirSync(thread).filter((f) => f.endsWith('.md')).map((f) => path.join(thread, f))
    expect(inputs).toHaveLength(5)
    const summary = await runExtract({ inputs, out, config, cwd: root, db: false })
    expect(summary.failures).toBe(0)
    const documents: Document[] = readJsonl(path.join(out, 'documents.jsonl'))
    const timelines: Timeline[] = readJsonl(path.join(out, 'timelines.jsonl'))
    expect(summary.timelines).toBe(timelines.length)
    const named = /\biCET\b|Initiative on Critical and Emerging Technolog/i
    const naming = documents.filter((d) => named.test(d.title ?? '') || d.commitments.some((c) => named.test(`${c.label ?? ''} ${c.text}`)))
    const icet = timelines.filter((t) => t.aliases.some((a) => named.test(a)))
    expect(icet).toHaveLength(1)
    const [timeline] = icet as [Timeline]
    expect(timeline.aliases).toEqual(expect.arrayContaining(['iCET', 'Initiative on Critical and Emerging Technology']))
    expect(new Set(timeline.events.map((e) => e.document))).toEqual(new Set(naming.map((d) => d.id)))
    expect(timeline.releases).toBeGreaterThanOrEqual(3)
    // In date order, from the launch in January 2023.
    const dates = timeline.events.map((e) => e.date!)
    expect(dates).toEqual([...dates].sort())
    expect(timeline.first).toBe('2023-01-31')
    // Mentions written either way are in it.
    const texts = timeline.events.map((e) => e.text).join('\n')
    expect(texts).toMatch(/\biCET\b/)
    expect(texts).toMatch(/Initiative on Critical and Emerging Technology/i)
    // TRUST, its 2025 successor, is a key of its own; lowercase "trust" is not a mention of it.
    const trust = timelines.find((t) => t.key === 'trust')!
    expect(trust.events.every((e) => /\bTRUST\b/.test(e.text))).toBe(true)
  }, 120_000)

  it('gives the same timelines when a large build waits on disk, and leaves no file behind', async () => {
    const documents = await Promise.all(
      fs
        .readdirSync(thread)
        .filter((f) => f.endsWith('.md'))
        .sort()
        .map(async (f) => (await extract(fs.readFileSync(path.join(thread, f), 'utf8'), { path: f, config })).document!)
    )
    const spill = tmp('spill-')
    const spilled = new TimelineBuilder({ spill, spillAfter: 5 })
    for (const d of documents) spilled.learn(d)
    spilled.prepare()
    for (const d of documents) spilled.collect(d)
    // The events waited in a temporary SQLite file, which the build removes.
    expect(fs.readdirSync(spill).filter((f) => f.startsWith('.timeline-events.'))).toHaveLength(1)
    const timelines = spilled.build()
    expect(fs.readdirSync(spill)).toEqual([])
    expect(timelines.reduce((n, t) => n + t.events.length, 0)).toBeGreaterThan(5)
    expect(timelines).toEqual(timelinesOf(documents))
  })
})
