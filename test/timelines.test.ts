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
import { AtomicLineWriter } from '../src/sinks/atomic.js'
import { normaliseName } from '../src/versions/keys.js'
import { asWritten } from '../src/versions/name-matcher.js'
import { nameShapedWords } from '../src/versions/one-word-names.js'
import { timelineEntries } from '../src/versions/timeline-reader.js'
import type { TimelineEntry } from '../src/versions/timeline-types.js'
import { writeTimeline } from '../src/versions/timelines-file.js'
import { TimelineBuilder, type Timeline, type TimelineSource } from '../src/versions/timelines.js'
import { config, md, readJsonl, root, tmp } from './helpers.js'

const thread = path.join(root, 'test', 'threads', 'us-india-icet')

/** What the reader must give: each event of whole timelines with its head and place. */
function* entriesOf(timelines: Iterable<Timeline>): Generator<TimelineEntry> {
  for (const { events, ...timeline } of timelines) for (const [ordinal, event] of events.entries()) yield { timeline, ordinal, event }
}

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

describe('names typed otherwise', () => {
  /** A release of one commitment naming `entities` (as the extractor typed them). */
  const release = (n: number, text: string, entities: Array<{ text: string; type: 'country' | 'organization' }>): TimelineSource => ({
    id: `r${n}`,
    title: null,
    date: `2025-01-0${n}`,
    abbreviations: [],
    commitments: [{ id: `c${n}`, index: 0, text, action: { class: 'launching', modality: 'planned' }, entities }]
  })
  const documents = [
    release(1, 'The U.S. and NASA will launch a lunar mission.', [{ text: 'U.S.', type: 'country' }, { text: 'NASA', type: 'organization' }]),
    release(2, 'The U.S. will fund NASA research.', [{ text: 'U.S.', type: 'country' }, { text: 'NASA', type: 'organization' }]),
    // The extractor's slips: "U.S" once an organization, "NASA" once a country.
    release(3, 'The partners will invite U.S companies and NASA to bid.', [{ text: 'U.S', type: 'organization' }, { text: 'NASA', type: 'country' }]),
    release(4, 'The U.S. will host the summit.', [{ text: 'U.S.', type: 'country' }])
  ]

  it('make no key when the archive types them as something else more often than not (one "U.S" organization among "U.S." countries)', () => {
    const timelines = timelinesOf(documents as Document[])
    expect(timelines.find((t) => t.key === 'us')).toBeUndefined()
    // A name typed an organization twice and a country once stays a key, and every release naming it is on its timeline.
    const nasa = timelines.find((t) => t.key === 'nasa')!
    expect(nasa.events.map((e) => e.document)).toEqual(['r1', 'r2', 'r3'])
  })
})

describe('one-word names the texts mostly write without naming', () => {
  type Typed = { text: string; type: 'initiative' | 'organization' }
  const release = (n: number, text: string, entities: Typed[], abbreviations: Array<{ short: string; long: string }> = []): TimelineSource => ({
    id: `r${n}`,
    title: null,
    date: `2025-01-0${n}`,
    abbreviations,
    commitments: [{ id: `c${n}`, index: 0, text, action: { class: 'launching', modality: 'planned' }, entities }]
  })
  const imet = 'International Military Education and Training (IMET)'
  const documents = [
    // The entity rules' slips: "President" of "the President's Plan…", "Training" apart from its name, "LNG" an organization.
    release(1, 'This will contribute to the President’s Plan to Conserve Global Forests.', [{ text: 'President', type: 'initiative' }]),
    release(2, 'The President will host the Quad leaders.', [{ text: 'Quad', type: 'organization' }]),
    release(3, 'The President announced new funding.', []),
    release(4, `The Quad will expand the ${imet} program.`, [{ text: 'Quad', type: 'organization' }, { text: imet, type: 'initiative' }], [{ short: 'IMET', long: 'International Military Education and Training' }]),
    release(5, 'Training for IMET graduates will start, with liquefied natural gas (LNG) shipments.', [{ text: 'Training', type: 'initiative' }, { text: 'LNG', type: 'organization' }], [{ short: 'LNG', long: 'liquefied natural gas' }]),
    release(6, 'New IMET courses and Training centers will open at LNG terminals.', []),
    release(7, 'Training will be offered at LNG terminals.', [])
  ]

  it('make no key when, where a commitment writes them alone, they are mostly not called a name', () => {
    const timelines = timelinesOf(documents as Document[])
    const keys = timelines.map((t) => t.key)
    // "President" named once in three; "Training" once in three alone (inside IMET's name it does not count); "LNG" once in three.
    for (const key of ['president', 'training', 'lng']) expect(keys, key).not.toContain(key)
    // "Quad" named wherever it is written.
    expect(timelines.find((t) => t.key === 'quad')!.events.map((e) => e.document)).toEqual(['r2', 'r4'])
    // A short form the archive defines for a capitalised name is a name wherever it is written.
    const program = timelines.find((t) => t.key === 'international military education and training')!
    expect(program.names).toEqual(['imet', 'international military education and training'])
    expect(program.events.map((e) => e.document)).toEqual(['r4', 'r5', 'r6'])
  })
})

describe('the words a one-word name is counted by', () => {
  it('are asWritten’s words with a capital or a digit (and their number), on every fixture text and on texts the fast scan must leave to it', () => {
    const fixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((name) => fs.existsSync(path.join(root, 'fixtures', name, 'expected.json')))
    const texts = fixtures.flatMap((name) => (JSON.parse(fs.readFileSync(path.join(root, 'fixtures', name, 'expected.json'), 'utf8')) as Document).commitments.flatMap((c) => [c.text, c.label ?? '']))
    texts.push('The U.S.-India iCET, G20’s 3.5 GW… and “QIST” — Côte d’Ivoire', 'ﬁnance Ⅻ ＡＩ', 'end…Next', 'U.S. 2x. a.B')
    let plain = 0
    for (const text of texts) {
      const fast: string[] = []
      const words = nameShapedWords(text, (word) => fast.push(word))
      expect(fast, text).toEqual(asWritten(text).filter((word) => /[\p{Lu}\p{N}]/u.test(word)))
      expect(words, text).toBe(asWritten(text).length)
      if (!/[^\x00-\x7F]/.test(text)) plain++
    }
    expect(plain).toBeGreaterThan(100)
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

/**
 * Documents made by hand (only what a timeline build reads), with text JSON
 * must escape or that looks like JSON, undated releases, dates out of
 * Document order, and one key in enough events to take several writes.
 */
function awkward(): Document[] {
  const names = ['The "events":[ Initiative', 'Back\\slash {Partnership} [One] }]', 'Ünïcödé 🚀 Alliance “quoted”', 'Events', 'Line\nBreak\tTab Compact']
  const classes = ['launching', 'advancing', 'welcoming'] as const
  return Array.from({ length: 40 }, (_, d) => {
    const id = `doc-${d}-"q"\\`
    // Undated releases come last, and the last one dated is the earliest: the last events are not the last collected.
    const date = d === 38 ? '2019-01-01' : d % 7 === 3 || d === 39 ? null : `202${d % 5}-0${1 + (d % 9)}-1${d % 10}`
    const commitments = Array.from({ length: 9 }, (_, c) => {
      const name = names[(d + c) % names.length]!
      return {
        id: `${id}#${c}`,
        index: c,
        label: c % 4 === 0 ? `[${c}]` : undefined,
        text: `We will "advance ${name} {${d}} [${c}] \\ ${'é'.repeat(c)} ,"events":[{}]`,
        entities: [{ text: name, type: c % 3 === 0 ? 'organization' : 'initiative' }, { text: names[0]!, type: 'initiative' }],
        action: { class: classes[(c + d) % 3]!, modality: 'planned' }
      }
    })
    // The last release, undated, names a key in its title only: that key's latest class is an earlier release's.
    return { id, title: d === 39 ? 'Back\\slash {Partnership} [One] }] — a title' : `Title ${d} "events":[`, date, abbreviations: [], commitments: d === 39 ? [] : commitments } as unknown as Document
  })
}

function built(documents: Document[], options: { spill?: string; spillAfter?: number } = {}): TimelineBuilder {
  const builder = new TimelineBuilder(options)
  for (const d of documents) builder.learn(d)
  builder.prepare()
  for (const d of documents) builder.collect(d)
  return builder
}

describe('timelines.jsonl as a stream', () => {
  it('writes a spilled build\'s timelines in pieces, byte for byte JSON.stringify of the whole timelines', async () => {
    const documents = awkward()
    const expected = built(documents).build()
    expect(expected.some((t) => t.events.length > 300)).toBe(true)
    expect(expected.some((t) => t.name === 'Events')).toBe(true)
    expect(expected.some((t) => t.name.includes('"events":[') && t.latestClass !== null)).toBe(true)
    const titled = expected.find((t) => t.events.at(-1)!.commitment === null)!
    expect([titled.events.at(-1)!.date, titled.events.at(-1)!.class, titled.latestClass]).toEqual([null, null, expect.any(String)])
    const dir = tmp('stream-')
    const spilled = built(documents, { spill: dir, spillAfter: 5 })
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.timeline-events.'))).toHaveLength(1)
    const file = path.join(dir, 'timelines.jsonl')
    const writer = new AtomicLineWriter(file)
    for (const parts of spilled.parts()) await writeTimeline(writer, parts)
    await writer.close()
    expect(fs.readdirSync(dir)).toEqual(['timelines.jsonl'])
    expect(fs.readFileSync(file, 'utf8')).toBe(expected.map((t) => `${JSON.stringify(t)}\n`).join(''))
    // And whole, as the report builds them.
    expect(built(documents, { spill: dir, spillAfter: 5 }).build()).toEqual(expected)
  })

  it('reads each line as its head and events, however the file is cut into chunks', async () => {
    const timelines = built(awkward()).build()
    const file = path.join(tmp('stream-'), 'timelines.jsonl')
    fs.writeFileSync(file, timelines.map((t) => JSON.stringify(t)).join('\n'))
    const expected = [...entriesOf(JSON.parse(`[${fs.readFileSync(file, 'utf8').split('\n').join(',')}]`) as Timeline[])]
    expect(expected.length).toBeGreaterThan(300)
    for (const chunk of [3, 100, 4096, 1 << 20]) {
      const read = []
      for await (const entry of timelineEntries(file, chunk)) read.push(entry)
      expect(read).toEqual(expected)
    }
    // Every event of a line has its head; the longest line is longer than the chunks but the last.
    expect(Math.max(...timelines.map((t) => JSON.stringify(t).length))).toBeGreaterThan(4096)
  })
})
