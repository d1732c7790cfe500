/**
 * Names learned from the archive (issue 17): an acronym one release defines
 * types the same acronym, typed by its shape alone, in the later releases
 * of a run; in input order, so a run's outputs are the same with or
 * without workers.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExtract } from '../src/batch/run.js'
import { ArchiveNames } from '../src/entities/archive-names.js'
import type { Document } from '../src/schema/document.js'
import { config, md, tmp } from './helpers.js'

const DEFINES = '- Launching the Japan-U.S.-Mekong Power Partnership (JUMPP) to expand regional power trade.\n'
const USES = '- JUMPP will fund grid studies in Vietnam.\n'
const release = (title: string, body: string) => `---\ntitle: '${title}'\ndate: '2024-05-01'\nurl: 'https://example.org/${title.toLowerCase().replace(/\W+/g, '-')}'\n---\n\n${body}`
const mentions = (document: Document, name: string) => document.commitments.flatMap((c) => c.entities).filter((e) => e.text === name).map((e) => [e.type, e.rule])

/** Extract the releases, in this order, into a fresh folder; the Documents by title. */
async function run(releases: Record<string, string>, workers?: number): Promise<Map<string, Document>> {
  const dir = tmp()
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

  it('learns in input order only: a release before the definition keeps its own typing', async () => {
    const documents = await run({ Uses: USES, Defines: DEFINES }, 0)
    expect(mentions(documents.get('Uses')!, 'JUMPP')).toEqual([['organization', 'entities/acronym-organization']])
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
  })
})
