/**
 * Names learned from the archive (issue 17): an acronym one release defines
 * types the same acronym, typed by its shape alone, in the other releases
 * of the run, before or after it: the outputs are the same whatever the
 * order of the inputs, and with or without workers, in documents.jsonl,
 * the Documents' files, the database and the CSV.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { runExtract } from '../src/batch/run.js'
import { ArchiveNames } from '../src/entities/archive-names.js'
import type { Document } from '../src/schema/document.js'
import { config, md, tmp } from './helpers.js'

const DEFINES = '- Launching the Japan-U.S.-Mekong Power Partnership (JUMPP) to expand regional power trade.\n'
const USES = '- JUMPP will fund grid studies in Vietnam.\n'
const release = (title: string, body: string) => `---\ntitle: '${title}'\ndate: '2024-05-01'\nurl: 'https://example.org/${title.toLowerCase().replace(/\W+/g, '-')}'\n---\n\n${body}`
const mentions = (document: Document, name: string) => document.commitments.flatMap((c) => c.entities).filter((e) => e.text === name).map((e) => [e.type, e.rule])

/** Extract the releases, in this order, into a fresh folder; the Documents by title. */
async function run(releases: Record<string, string>, workers?: number, dir = tmp()): Promise<Map<string, Document>> {
  const inputs = Object.entries(releases).map(([title, body], i) => {
    const file = path.join(dir, `${i}.md`)
    fs.writeFileSync(file, release(title, body))
    return file
  })
  await runExtract({ inputs, out: path.join(dir, 'out'), config, workers, progress: { quiet: true }, db: false })
  const documents = fs.readFileSync(path.join(dir, 'out', 'documents.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Document)
  return new Map(documents.map((d) => [d.title!, d]))
}

describe('names learned from the archive', () => {
  it('alone, a release types an acronym it does not define by its shape', async () => {
    expect(mentions(await md(USES), 'JUMPP')).toEqual([['organization', 'entities/acronym-organization']])
    expect(mentions(await md(DEFINES), 'JUMPP')).toEqual([['initiative', 'entities/abbreviation-long-form']])
  })

  it('an acronym an earlier release of the run defines as an initiative is one in a later release, with or without workers', async () => {
    for (const workers of [0, undefined]) {
      const documents = await run({ Defines: DEFINES, Uses: USES }, workers)
      expect(mentions(documents.get('Uses')!, 'JUMPP'), `workers ${workers}`).toEqual([['initiative', 'entities/same-name-in-archive']])
    }
  })

  it('retypes a release written before the definition too, in every output: the order of the inputs does not matter', async () => {
    const dir = tmp()
    const inputs = [['Uses', USES], ['Other', '- The agencies will build bridges.\n'], ['Defines', DEFINES]].map(([title, body], i) => {
      const file = path.join(dir, `${i}.md`)
      fs.writeFileSync(file, release(title!, body!))
      return file
    })
    const out = path.join(dir, 'out')
    await runExtract({ inputs, out, config, workers: 0, csv: true, progress: { quiet: true } })
    const lines = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Document)
    expect(lines.map((d) => d.title).sort()).toEqual(['Defines', 'Other', 'Uses'])
    const uses = lines.find((d) => d.title === 'Uses')!
    expect(mentions(uses, 'JUMPP')).toEqual([['initiative', 'entities/same-name-in-archive']])
    expect(JSON.parse(fs.readFileSync(path.join(out, 'documents', `${uses.id}.json`), 'utf8'))).toEqual(uses)
    const db = new Database(path.join(out, 'commitments.db'), { readonly: true })
    expect(db.prepare("SELECT type, rule FROM entities WHERE text = 'JUMPP' AND commitment_id IN (SELECT id FROM commitments WHERE document_id = ?)").all(uses.id)).toEqual([{ type: 'initiative', rule: 'entities/same-name-in-archive' }])
    db.close()
    const csv = fs.readFileSync(path.join(out, 'commitments.csv'), 'utf8').trimEnd().split('\n')
    const rows = csv.filter((row) => row.startsWith(uses.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toContain('initiative:JUMPP')
    expect(csv).toHaveLength(1 + lines.reduce((n, d) => n + d.commitments.length, 0))
    // The same outputs as the other order.
    const reversed = await run({ Defines: DEFINES, Other: '- The agencies will build bridges.\n', Uses: USES }, 0)
    expect(mentions(reversed.get('Uses')!, 'JUMPP')).toEqual(mentions(uses, 'JUMPP'))
  })

  it('leaves an acronym alone when releases disagree, or when the release defines it as something else', () => {
    const entity = (text: string, type: 'initiative' | 'organization', rule: string) => ({ text, type, rule, start: 0, end: text.length })
    const doc = (entities: ReturnType<typeof entity>[], abbreviations: Array<{ short: string; long: string }> = []) =>
      ({ abbreviations, commitments: [{ entities }] }) as unknown as Document
    const names = new ArchiveNames()
    names.learn(doc([entity('PREP', 'initiative', 'entities/abbreviation-long-form'), entity('CRS', 'initiative', 'entities/abbreviation-long-form')], [{ short: 'PREP', long: 'Plan for Emergency Preparedness' }]))
    names.learn(doc([entity('CRS', 'organization', 'entities/abbreviation-long-form')]))
    const later = doc([entity('PREP', 'organization', 'entities/acronym-organization'), entity('CRS', 'organization', 'entities/acronym-organization')])
    expect(names.apply(later)).toBe(true)
    expect(later.commitments[0]!.entities.map((e) => e.type)).toEqual(['initiative', 'organization'])
    const other = doc([entity('PREP', 'organization', 'entities/acronym-organization')], [{ short: 'PREP', long: 'Pacific Regional Energy Program' }])
    expect(names.apply(other)).toBe(false)
    // A disagreement learned after a release was typed puts it back at the end of the run.
    names.learn(doc([entity('PREP', 'organization', 'entities/abbreviation-long-form')]))
    expect(names.settle(later)).toBe(true)
    expect(later.commitments[0]!.entities.map((e) => [e.type, e.rule])).toEqual([
      ['organization', 'entities/acronym-organization'],
      ['organization', 'entities/acronym-organization']
    ])
    expect(names.settle(later)).toBe(false)
  })
})
