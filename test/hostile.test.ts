/**
 * Hostile input (issue 18): per-release limits refuse a pathological
 * release at once with a message naming the limit, the same way in a
 * worker and in the main thread; the rules that were quadratic are linear
 * (timed against plain text of the same size: a ratio, not a time); and
 * the small things: CSV formula cells, the short-item quote, a resumed
 * run's warnings, a record's impossible date, a YAML alias bomb.
 */
import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { findAmounts } from '../src/amounts/find-amounts.js'
import { extract, extractAll, resolveConfig, runExtract } from '../src/index.js'
import { htmlShape, markdownShape } from '../src/limits/shape.js'
import { CsvSink } from '../src/sinks/csv.js'
import dates, { sentenceBounds } from '../src/stages/annotate/dates.js'
import { config, md, readJsonl, root, tmp } from './helpers.js'

const front = (body: string) => `---\ntitle: 'T'\ndate: '2025-01-06'\n---\n\n${body}\n`

/** The pathological releases of the issue, and the limit each must meet. */
const PATHOLOGICAL: Array<{ name: string; text: string; file: string; ruleId: string }> = [
  { name: '`- ` × 10,000', text: front('- '.repeat(10_000) + 'We will build it.'), file: 'dash.md', ruleId: 'too-deep' },
  { name: '`1. ` × 10,000', text: front('1. '.repeat(10_000)), file: 'numbers.md', ruleId: 'too-deep' },
  { name: '`> ` × 5,000', text: front('> '.repeat(5_000) + '- We will build it.'), file: 'quotes.md', ruleId: 'too-deep' },
  { name: 'a 1,000-deep indented list', text: front(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- We will build bridge ${i}.`).join('\n')), file: 'deep.md', ruleId: 'too-deep' },
  { name: '5,000 nested <div>s', text: `${'<div>'.repeat(5000)}<ul><li>We will build a bridge.</li></ul>${'</div>'.repeat(5000)}`, file: 'divs.html', ruleId: 'too-deep' },
  { name: '5,000 nested <div>s in markdown', text: front(`${'<div>'.repeat(5000)}\n\n- We will build a bridge.\n\n${'</div>'.repeat(5000)}`), file: 'divs.md', ruleId: 'too-deep' },
  { name: '30,000 bullets', text: front(Array.from({ length: 30_000 }, (_, i) => `- We will build bridge ${i}.`).join('\n')), file: 'bullets.md', ruleId: 'too-many-items' },
  { name: '10,000 <li>s', text: `<ul>${'<li>We will build a bridge.</li>'.repeat(10_000)}</ul>`, file: 'items.html', ruleId: 'too-many-items' },
  { name: 'one 15 MB release', text: front(`- We will build it. ${'We will build more. '.repeat(750_000)}`), file: 'big.md', ruleId: 'too-large' }
]

describe('per-release limits', () => {
  for (const { name, text, file, ruleId } of PATHOLOGICAL) {
    it(`${name}: refused at once (${ruleId})`, async () => {
      const started = performance.now()
      const { document, file: vfile } = await extract(text, { path: file, config })
      expect(document).toBeUndefined()
      expect(vfile.messages.filter((m) => m.fatal).map((m) => m.ruleId)).toEqual([ruleId])
      expect(vfile.messages[0]!.reason).toMatch(/limits\.(depth|items|bytes) in pipeline\.config\.ts/)
      // Refused before any parser ran: far below the time budget.
      expect(performance.now() - started).toBeLessThan(config.limits.seconds * 1000)
    })
  }

  it('a one-file run and a batch with worker threads give the same outcome', { timeout: 120_000 }, async () => {
    const dir = tmp('hostile-limits-')
    const cases = PATHOLOGICAL.filter((c) => c.ruleId === 'too-deep')
    const files = cases.map((c) => {
      fs.writeFileSync(path.join(dir, c.file), c.text)
      return path.join(dir, c.file)
    })
    const outcome = (summary: Awaited<ReturnType<typeof runExtract>>) =>
      summary.files.map((f) => ({ path: path.basename(f.path), messages: f.messages.map((m) => [m.ruleId, m.reason, m.line, m.column]) })).sort((a, b) => a.path.localeCompare(b.path))
    const alone = []
    for (const file of files) alone.push(...outcome(await runExtract({ inputs: [file], out: tmp(), config, workers: 0, db: false })))
    const batch = await runExtract({ inputs: files, out: tmp(), config, workers: 2, db: false })
    expect(batch.failures).toBe(cases.length)
    expect(outcome(batch)).toEqual(alone.sort((a, b) => a.path.localeCompare(b.path)))
  })

  it('within the depth limit, deep nesting is read in the main thread (no stack overflow)', async () => {
    const deep = resolveConfig({ limits: { depth: 200 } }, root)
    for (const [text, file] of [
      [`${'<div>'.repeat(190)}<ul><li>We will build a bridge.</li></ul>${'</div>'.repeat(190)}`, 'x.html'],
      [front(`${'- '.repeat(190)}We will build a bridge.`), 'x.md'],
      [front(`${'<b>'.repeat(190)}Label:${'</b>'.repeat(190)} We will build a bridge.`), 'x.md']
    ] as const) {
      const { document, file: vfile } = await extract(text, { path: file, config: deep })
      expect(vfile.messages.filter((m) => m.fatal).map(String)).toEqual([])
      expect(document!.commitments.length).toBeGreaterThan(0)
    }
  })

  it('an item over limits.itemCharacters is dropped with a warning; the shape counts are upper bounds', async () => {
    const small = resolveConfig({ limits: { itemCharacters: 100 } }, root)
    const { document } = await extract(front(`- We will build ${'a bridge and '.repeat(20)}a road.\n- We will build a school.`), { path: 'x.md', config: small })
    expect(document!.commitments.map((c) => c.text)).toEqual(['We will build a school.'])
    expect(document!.warnings.map((w) => w.ruleId)).toContain('long-item')
    expect(markdownShape('- a\n  - b\n    - c\n> - d').depth).toBe(3)
    expect(markdownShape('- a\n- b\n1. c').items).toBe(3)
    expect(htmlShape('<ul><li>a<li>b<li><ul><li>c</ul></ul><p>x<p>y').depth).toBe(4)
  })

  it('the time budget refuses a release that outlasts it, between stages', async () => {
    const instant = resolveConfig({ limits: { seconds: 0.000001 } }, root)
    const { document, file } = await extract(front('- We will build a bridge.'), { path: 'x.md', config: instant })
    expect(document).toBeUndefined()
    expect(file.messages.filter((m) => m.fatal).map((m) => m.ruleId)).toEqual(['time-budget'])
  })
})

/** Milliseconds of the fastest of `runs` calls. */
function fastest(run: () => void, runs = 3): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    run()
    best = Math.min(best, performance.now() - started)
  }
  return best
}

const repeat = (unit: string, size: number) => `We will meet ${unit.repeat(Math.ceil(size / unit.length))}`.slice(0, size)

/** The dates stage on one commitment's text, tense lookups included. */
function datesStage(text: string, modality: 'done' | 'ongoing' = 'ongoing') {
  const file = new VFile()
  file.data.config = config
  file.data.meta = { title: null, date: '2025-01-06', tags: [] }
  file.data.classified = [{ key: 0, unit: 'item', actor: null, sectionIndex: -1, section: null, text, links: [], position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, action: { verb: 'meet', phrase: 'meet', class: 'launching', modality, rule: 'action/lead-verb' }, reason: '', topics: [] }]
  dates()({ type: 'root', children: [] }, file)
  return file.data.classified![0]!.dates!
}

describe('linear rules (time against plain text of the same size)', () => {
  // Plain text of the same size: words a rule looks at, but no match.
  const SIZE = 50_000
  const plain = repeat('the people of the day ', SIZE)
  const CASES: Array<{ name: string; unit: string; run: (text: string) => unknown[] }> = [
    { name: 'dates: "in June " repeated (tense lookup)', unit: 'in June ', run: (text) => datesStage(text) },
    { name: 'dates: "January 6, 2025 " repeated (overlaps)', unit: 'January 6, 2025 ', run: (text) => datesStage(text) },
    { name: 'dates: "June. In June " repeated (many sentences)', unit: 'June. In June ', run: (text) => datesStage(text, 'done') },
    { name: 'amounts: "$5 million (5%) " repeated (overlaps)', unit: '$5 million (5%) ', run: (text) => findAmounts(text) }
  ]
  for (const { name, unit, run } of CASES) {
    it(name, { timeout: 60_000 }, () => {
      const text = repeat(unit, SIZE)
      expect(run(text).length).toBeGreaterThan(SIZE / unit.length / 2)
      const base = Math.max(fastest(() => run(plain), 5), 5)
      const once = Math.max(fastest(() => run(text), 5), 5)
      const eightfold = fastest(() => run(repeat(unit, 8 * SIZE)))
      // Quadratic work took 20–30 s at 100 KB (×1000 plain text); linear work stays within a small multiple of it, and grows ×8 (not ×64) with the text.
      expect(once / base).toBeLessThan(100)
      expect(eightfold / once).toBeLessThan(24)
    })
  }

  it('sentence bounds agree with the scan they replace', () => {
    // The former lookup, per offset: a regex over the text before it and after it.
    const reference = (text: string, offset: number): [number, number] => {
      const before = text.slice(0, offset).search(/[.!?;]\s+[^.!?;]*$/)
      const after = /[.!?;](\s|$)/.exec(text.slice(offset))
      return [before < 0 ? 0 : before + 1, after ? offset + after.index + 1 : text.length]
    }
    for (const text of ['In June. We met in May; then U.S. talks in July!', 'a.b. c? d', '...', 'no marks here', 'end.', '. ;x. y']) {
      const bounds = sentenceBounds(text)
      for (let offset = 0; offset <= text.length; offset++) expect(bounds(offset), `${text} @${offset}`).toEqual(reference(text, offset))
    }
  })
})

describe('small things', () => {
  it('CSV cells that would start a formula are quoted with a leading apostrophe (OWASP)', async () => {
    const out = tmp()
    const sink = new CsvSink(path.join(out, 'x.csv'))
    const document = await md('- **=HYPERLINK("http://evil")** We will build a bridge.\n- +1 We will build a road.\n- @SUM(1) We will build a school.\n- -2 We will build a port.')
    await sink.write(document)
    await sink.close()
    const csv = fs.readFileSync(path.join(out, 'x.csv'), 'utf8')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).toContain(`"'+1 We will build a road."`)
    expect(csv).toContain(`"'@SUM(1) We will build a school."`)
    expect(csv).toContain(`"'-2 We will build a port."`)
    expect(csv).not.toMatch(/(^|,)[=+@-]/m)
  })

  it('the short-item warning quotes at most 80 characters', async () => {
    const long = `${'x'.repeat(5000)} y`
    const { file } = await extract(front(`- ${long}\n- We will build a bridge.`), { path: 'x.md', config })
    const warning = file.messages.find((m) => m.ruleId === 'short-item')!
    expect(warning.reason.length).toBeLessThan(160)
    expect(warning.reason).toContain('…')
  })

  it('a record date that is no calendar day gets a warning', async () => {
    const [result] = await extractAll(JSON.stringify({ url: 'https://example.gov/a', date: '2025-13-45', markdown: '# A\n\n- We will build a bridge.' }) + '\n', { path: 'a.jsonl', config })
    expect(result!.document!.date).toBeNull()
    expect(result!.file.messages.map((m) => m.ruleId)).toContain('record-date')
  })

  it('a YAML alias bomb is refused as front matter, not a crash', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n')
    const { document, file } = await extract(`---\n${bomb}\n---\n\n- We will build a bridge.\n`, { path: 'x.md', config })
    expect(document).toBeUndefined()
    const fatal = file.messages.find((m) => m.fatal)!
    expect(fatal.ruleId).toBe('front-matter')
    expect(fatal.line).toBe(1)
    expect(fatal.reason).toMatch(/alias/i)
  })

  it('NUL and a lone surrogate in the text become U+FFFD with a warning; offsets still hold', async () => {
    const { document, file } = await extract(front('- We will\u0000 build a bridge in June.\n- We will \ud800build a road.'), { path: 'x.md', config })
    expect(document!.commitments.map((c) => c.text)).toEqual(['We will\ufffd build a bridge in June.', 'We will \ufffdbuild a road.'])
    expect(file.messages.find((m) => m.ruleId === 'unsafe-character')).toMatchObject({ line: 6, column: 10 })
    const source = String(file.value)
    for (const c of document!.commitments) expect(source.slice(c.position.start.offset, c.position.end.offset)).toContain(c.text.slice(0, 7))
  })

  it('a bare `&` before a line ending does not shift the lines that follow (parse5 counts that newline twice)', async () => {
    for (const [text, path] of [['<p>Jobs &\n\n\n<p>Trade.</p>\n<ul><li>We will build a bridge.</li></ul>', 'amp.html'], [front('A & <b>B &\n\nC</b>\n\n- We will build a bridge.'), 'amp.md']] as const) {
      const { document, file } = await extract(text, { path, config })
      const { start } = document!.commitments[0]!.position
      const before = String(file.value).slice(0, start.offset)
      expect(start.line).toBe(before.split('\n').length)
      expect(start.column).toBe(before.length - before.lastIndexOf('\n'))
    }
  })

  it('a resumed run reports the warnings of what it reused', { timeout: 60_000 }, async () => {
    const dir = tmp()
    const input = path.join(dir, 'a.md')
    fs.writeFileSync(input, front('- We will build a bridge.\n- Two words'))
    const first = await runExtract({ inputs: [input], out: path.join(dir, 'out'), config, workers: 0, db: false })
    const second = await runExtract({ inputs: [input], out: path.join(dir, 'out'), config, workers: 0, db: false })
    expect(first.warnings).toBeGreaterThan(0)
    expect(second).toMatchObject({ unchanged: 1, warnings: first.warnings })
    expect(readJsonl(path.join(dir, 'out', 'documents.jsonl'))).toHaveLength(1)
  })
})
