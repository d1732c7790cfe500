/**
 * The acceptance run, on the shared corpus when it sits beside the
 * project (it does in CI): every markdown release yields one valid
 * Document, and the gold scores hold (SPEC §10). Skipped when absent: the
 * project's own tests above stand without it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document, runExtract } from '../src/index.js'
import { config, coversText, root } from './helpers.js'

const shared = path.resolve(root, '..', 'shared')
const corpus = path.join(shared, 'corpus', 'markdown')
const present = fs.existsSync(corpus) && fs.existsSync(path.join(shared, 'tools', 'score.mjs'))

/**
 * What every release must show (issue 12): commitments, or a warning saying
 * why there are none; actors inside their text; each sentence commitment's
 * span starting at its first visible character and ending at its last
 * (a character reference or escape aside).
 */
function checkRelease(doc: Document, source: string) {
  expect(doc.commitments.length > 0 || doc.warnings.some((w) => w.ruleId === 'no-commitment'), doc.source.path).toBe(true)
  let sentences = 0
  for (const c of doc.commitments) {
    if (c.actor) expect(c.text.slice(c.actor.start, c.actor.end)).toBe(c.actor.text)
    if (c.unit !== 'sentence') continue
    sentences++
    const first = source[c.position.start.offset]!
    const last = source[c.position.end.offset - 1]!
    expect(first === c.text[0] || first === '&' || first === '\\', `${doc.source.path}: ${c.text}`).toBe(true)
    expect(last === c.text.at(-1) || last === ';', `${doc.source.path}: ${c.text}`).toBe(true)
  }
  return sentences
}

/** Extract `inputs` and score them against the gold files in `gold` (SPEC §10). */
async function score(gold: string, inputs: string[]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scored-'))
  await runExtract({ inputs, out, config, cwd: root, db: false })
  const result = spawnSync(process.execPath, [path.join(shared, 'tools', 'score.mjs'), '--gold', gold, '--pred', path.join(out, 'documents.jsonl'), '--json'], { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
  const value = JSON.parse(result.stdout.trim().split('\n').pop()!.replace(/^SCORE /, ''))
  expect(value.documentsMissing).toBe(0)
  return value
}

/** The gold files of `dir` that `keep` accepts, copied into a folder of their own, and the corpus inputs they name. */
function goldSubset(dir: string, keep: (entry: { file: string; units?: string[]; commitments: Array<{ entities?: unknown }> }) => boolean) {
  const gold = fs.mkdtempSync(path.join(os.tmpdir(), 'gold-'))
  const inputs: string[] = []
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const entry = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'))
    if (!keep(entry)) continue
    fs.copyFileSync(path.join(dir, name), path.join(gold, name))
    inputs.push(path.join(corpus, entry.file))
  }
  return { gold, inputs }
}

/** Every commitment's position covers its text (issue 18 #9): none ends at its label, none is empty. */
function expectPositionsCoverText(docs: Document[]) {
  const missed: string[] = []
  for (const doc of docs) {
    const source = fs.readFileSync(path.resolve(root, doc.source.path!), 'utf8').replace(/^\ufeff/, '')
    for (const c of doc.commitments) {
      if (!coversText(source, c.position, c.text)) missed.push(`${doc.source.path}:${c.position.start.line}:${c.position.start.column}-${c.position.end.line}:${c.position.end.column} ${c.text.slice(0, 60)}`)
    }
  }
  expect(missed).toEqual([])
}

describe.skipIf(!present)('shared corpus', () => {
  it('extracts every markdown release into one valid Document, with no failure', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'))
    const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.md'))
    const summary = await runExtract({ inputs: [corpus], out, config, cwd: root })
    expect(summary.failures).toBe(0)
    const docs = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(docs).toHaveLength(files.length)
    for (const doc of docs) expect(Document.safeParse(doc).success).toBe(true)
    // Offsets hold for every entity, date and amount of every commitment (SPEC §6–§8).
    let mentions = 0
    let sentences = 0
    for (const doc of docs) sentences += checkRelease(doc, fs.readFileSync(path.resolve(root, doc.source.path!), 'utf8'))
    expect(sentences).toBeGreaterThan(1000)
    for (const doc of docs) {
      for (const c of doc.commitments) {
        for (const m of [...c.entities, ...c.dates, ...c.amounts]) {
          expect(c.text.slice(m.start, m.end)).toBe(m.text)
          mentions++
        }
      }
    }
    expect(mentions).toBeGreaterThan(5000)
    expectPositionsCoverText(docs)
    // 168 releases through the whole pipeline: slow on a loaded 2-core machine.
  }, 180_000)

  it('extracts every HTML release into one valid Document; whole pages only from their article', async () => {
    const html = path.join(shared, 'corpus', 'html')
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-html-'))
    const summary = await runExtract({ inputs: [html], out, config, cwd: root })
    expect(summary.failures).toBe(0)
    const docs: Document[] = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(docs).toHaveLength(fs.readdirSync(html).length)
    for (const doc of docs) {
      expect(Document.safeParse(doc).success).toBe(true)
      for (const c of doc.commitments) for (const m of [...c.entities, ...c.dates, ...c.amounts]) expect(c.text.slice(m.start, m.end)).toBe(m.text)
      checkRelease(doc, fs.readFileSync(path.resolve(root, doc.source.path!), 'utf8'))
    }
    expectPositionsCoverText(docs)
    const wholePages = docs.filter((doc) => /\/00[123]-/.test(doc.source.path ?? ''))
    expect(wholePages).toHaveLength(3)
    for (const doc of wholePages) {
      const text = fs.readFileSync(path.resolve(root, doc.source.path!), 'utf8')
      const start = text.indexOf('field-name-field-forall-body')
      const end = text.indexOf('panel-col-section-share', start)
      expect(doc.title).not.toMatch(/whitehouse\.gov/)
      expect(doc.date).toMatch(/^2017-/)
      for (const where of [...doc.sections, ...doc.commitments].map((x) => x.position.start.offset)) {
        expect(where).toBeGreaterThan(start)
        expect(where).toBeLessThan(end)
      }
    }
  })

  it('gives every release of the threads and edits commitments or a warning saying why, with no failure', async () => {
    const inputs = ['threads', 'edits'].flatMap((dir) =>
      fs.readdirSync(path.join(shared, 'corpus', dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|html)$/.test(f)).map((f) => path.join(shared, 'corpus', dir, f))
    )
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-threads-'))
    const summary = await runExtract({ inputs, out, config, cwd: root, db: false })
    expect(summary.failures).toBe(0)
    const docs: Document[] = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    // Before/after edits of one URL are versions of one Document (SPEC §11).
    expect(docs.length).toBeGreaterThanOrEqual(20)
    for (const doc of docs) {
      expect(Document.safeParse(doc).success).toBe(true)
      checkRelease(doc, fs.readFileSync(path.resolve(root, doc.source.path!), 'utf8'))
    }
  })

  it('meets the sentence targets on the second-version gold (SPEC §10), and the older gold keeps its scores', async () => {
    const v2 = (entry: { units?: string[] }) => entry.units?.includes('sentence') === true
    const html = path.join(shared, 'corpus', 'html')
    const inputsOf = (subset: { gold: string; inputs: string[] }) => subset.inputs.map((f) => (fs.existsSync(f) ? f : path.join(html, path.basename(f))))
    const second = goldSubset(path.join(shared, 'gold', 'dev'), v2)
    const result = await score(second.gold, inputsOf(second))
    expect(result.sentences.f1).toBeGreaterThanOrEqual(0.9)
    expect(result.actorAccuracy).toBeGreaterThanOrEqual(0.9)
    expect(result.classAccuracy).toBeGreaterThanOrEqual(0.88)
    const first = goldSubset(path.join(shared, 'gold', 'dev'), (entry) => !v2(entry))
    const older = await score(first.gold, inputsOf(first))
    expect(older.segmentation.f1).toBeGreaterThanOrEqual(0.99)
    expect(older.classAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('meets the segmentation, section, verb and class targets on the annotated markdown releases', async () => {
    const { gold, inputs } = goldSubset(path.join(shared, 'gold', 'dev'), (entry) => entry.file.endsWith('.md'))
    const result = await score(gold, inputs)
    expect(result.segmentation.f1).toBeGreaterThanOrEqual(0.97)
    expect(result.sectionAccuracy).toBeGreaterThanOrEqual(0.93)
    expect(result.verbAccuracy).toBeGreaterThanOrEqual(0.85)
    expect(result.classAccuracy).toBeGreaterThanOrEqual(0.85)
    // Issue 5's targets (SPEC §7).
    expect(result.dates.f1).toBeGreaterThanOrEqual(0.8)
    expect(result.dateValueAccuracy).toBeGreaterThanOrEqual(0.85)
    // Issue 17's targets (SPEC §6).
    expect(result.entitiesTyped.f1).toBeGreaterThanOrEqual(0.9)
    expect(result.entitiesUntyped.f1).toBeGreaterThanOrEqual(0.93)
  })

  it('scores the HTML release 011 as its markdown twin 136 (SPEC §10)', async () => {
    const gold011 = '011-fs-united-states-republic-of-korea-partnership.json'
    const scoreOne = async (goldName: string, input: string) => {
      const gold = fs.mkdtempSync(path.join(os.tmpdir(), 'gold-'))
      fs.copyFileSync(path.join(shared, 'gold', 'dev', goldName), path.join(gold, goldName))
      return score(gold, [input])
    }
    const fragment = path.join(shared, 'corpus', 'html', '011-fs-united-states-republic-of-korea-partnership.html')
    const markdown = await scoreOne('136-fs-united-states-republic-of-korea-partnership.json', path.join(corpus, '136-fs-united-states-republic-of-korea-partnership.md'))
    // The feed body alone carries no date: everything but the resolution of "this year" agrees.
    const alone = await scoreOne(gold011, fragment)
    expect(alone.segmentation.gold).toBe(37)
    expect({ ...alone, dateValueAccuracy: 0 }).toEqual({ ...markdown, dateValueAccuracy: 0 })
    // As the feed item it came from (its body plus the item's link and date), it scores exactly the same.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'record-'))
    const record = path.join(dir, '011-fs-united-states-republic-of-korea-partnership.jsonl')
    fs.writeFileSync(record, JSON.stringify({ html: fs.readFileSync(fragment, 'utf8'), url: 'https://www.whitehouse.gov/briefing-room/statements-releases/2021/05/21/fact-sheet-united-states-republic-of-korea-partnership/', date: '2021-05-21' }) + '\n')
    expect(await scoreOne(gold011, record)).toEqual(markdown)
    expect(markdown.segmentation.f1).toBe(1)
  })

  it('meets the entity targets on the five releases annotated blind for entities', async () => {
    const { gold, inputs } = goldSubset(path.join(root, 'test', 'annotated'), (entry) => entry.commitments.some((c) => c.entities))
    expect(inputs).toHaveLength(5)
    const result = await score(gold, inputs)
    expect(result.entitiesTyped.gold).toBeGreaterThanOrEqual(600)
    expect(result.entitiesTyped.f1).toBeGreaterThanOrEqual(0.9)
    expect(result.entitiesUntyped.f1).toBeGreaterThanOrEqual(0.93)
  })

  it('holds on the blind annotations in test/annotated', async () => {
    const gold = path.join(root, 'test', 'annotated')
    const inputs = fs
      .readdirSync(gold)
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join(corpus, JSON.parse(fs.readFileSync(path.join(gold, f), 'utf8')).file))
    const result = await score(gold, inputs)
    expect(result.segmentation.f1).toBeGreaterThanOrEqual(0.97)
    expect(result.sectionAccuracy).toBeGreaterThanOrEqual(0.93)
    expect(result.verbAccuracy).toBeGreaterThanOrEqual(0.9)
    expect(result.classAccuracy).toBeGreaterThanOrEqual(0.8)
    // Dates were annotated blind too (138 mentions).
    expect(result.dates.gold).toBeGreaterThanOrEqual(130)
    expect(result.dates.f1).toBeGreaterThanOrEqual(0.9)
    expect(result.dateValueAccuracy).toBeGreaterThanOrEqual(0.9)
  })
})
