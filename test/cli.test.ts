/** The `commitments` command end to end, as a user runs it (built `dist/cli.js`). */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document } from '../src/index.js'
import { readJsonl, root, runCli, tmp } from './helpers.js'

const run = runCli

const fixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((f) => fs.existsSync(path.join(root, 'fixtures', f, 'input.md')))
const htmlFixtures = fs.readdirSync(path.join(root, 'fixtures')).filter((f) => fs.existsSync(path.join(root, 'fixtures', f, 'input.html')))

describe('commitments extract', () => {
  it('writes one Document per input, in input order, and goes on past bad files', () => {
    const dir = tmp()
    const bad = path.join(dir, 'latin1.md')
    fs.writeFileSync(bad, Buffer.from([...Buffer.from('---\ntitle: x\n---\n\nCaf'), 0xe9, 0x0a]))
    fs.writeFileSync(path.join(dir, 'empty.md'), '')
    const a = `fixtures/${fixtures[1]}/input.md`
    const b = `fixtures/${fixtures[0]}/input.md`
    const out = path.join(dir, 'out')
    const result = run(['extract', a, bad, b, path.join(dir, 'empty.md'), '--out', out])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/latin1\.md:5:4 error Unexpected byte 0xe9/)
    expect(result.stderr).toMatch(/empty\.md:1:1 error Unexpected empty file/)
    const docs = readJsonl(path.join(out, 'documents.jsonl'))
    expect(docs.map((d) => d.source.path)).toEqual([a, b])
    for (const doc of docs) {
      expect(Document.safeParse(doc).success).toBe(true)
      const file = JSON.parse(fs.readFileSync(path.join(out, 'documents', `${doc.id}.json`), 'utf8'))
      expect(file).toEqual(doc)
    }
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('reads the inputs named in pipeline.config.ts when given none', () => {
    const out = path.join(tmp(), 'out')
    const result = run(['extract', '--out', out, '--quiet'])
    expect(result.status, result.stderr).toBe(0)
    expect(readJsonl(path.join(out, 'documents.jsonl'))).toHaveLength(fixtures.length + htmlFixtures.length)
  })

  it('sniffs HTML and records on stdin', () => {
    const page = fs.readFileSync(path.join(root, 'fixtures', htmlFixtures[0]!, 'input.html'), 'utf8')
    const fromHtml = run(['extract', '-', '--out', path.join(tmp(), 'out'), '--quiet'], { input: page })
    expect(fromHtml.status, fromHtml.stderr).toBe(0)
    const records = [JSON.stringify({ html: '<ul><li>The agencies will launch a pilot programme.</li></ul>', url: 'https://x.gov/a', title: 'Readout: A' }), JSON.stringify({ markdown: '- We welcome the new framework today.' })].join('\n')
    const out = path.join(tmp(), 'out')
    const fromRecords = run(['extract', '-', '--out', out, '--quiet'], { input: records })
    expect(fromRecords.status, fromRecords.stderr).toBe(0)
    const docs = readJsonl(path.join(out, 'documents.jsonl'))
    expect(docs.map((d) => [d.source.format, d.source.record.line, d.commitments[0].action.verb])).toEqual([
      ['record', 1, 'launch'],
      ['record', 2, 'welcome']
    ])
    expect(docs[0].source.url).toBe('https://x.gov/a')
  })

  it('reads a .jsonl archive past a bad record, naming its line', () => {
    const dir = tmp()
    const archive = path.join(dir, 'archive.jsonl')
    fs.writeFileSync(archive, [JSON.stringify({ html: '<ul><li>The agencies will launch a pilot programme.</li></ul>' }), '{"html": oops}', JSON.stringify({ text: '- We welcome the new framework today.' })].join('\n') + '\n')
    const result = run(['extract', archive, '--out', path.join(dir, 'out')])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/archive\.jsonl#L2:2:10 error Unexpected malformed JSON in record/)
    expect(readJsonl(path.join(dir, 'out', 'documents.jsonl')).map((d) => d.source.record.line)).toEqual([1, 3])
  })

  it('reads folders recursively and stdin', () => {
    const out = path.join(tmp(), 'out')
    const text = fs.readFileSync(path.join(root, 'fixtures', fixtures[0]!, 'input.md'), 'utf8')
    const result = run(['extract', '-', `fixtures/${fixtures[2]}`, '--out', out, '--quiet'], { input: text })
    expect(result.status, result.stderr).toBe(0)
    const docs = readJsonl(path.join(out, 'documents.jsonl'))
    expect(docs).toHaveLength(2)
    expect(docs[0].title).toMatch(/FACT SHEET/)
  })

  it('reports an invalid config as a message on the config file', () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'pipeline.config.mjs'), 'export default { concurrency: 0, lexicon: { verbs: { bogus: ["x"] } } }\n')
    const result = run(['extract'], { cwd: dir })
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/pipeline\.config\.mjs/)
    expect(result.stderr).toMatch(/concurrency/)
  })

  it('applies lexicon additions from the config', () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'pipeline.config.mjs'), 'export default { lexicon: { verbs: { launching: ["frobnicate"] } } }\n')
    fs.writeFileSync(path.join(dir, 'r.md'), "---\ntitle: 'X'\n---\n\n- The agencies will frobnicate the widgets.\n")
    const result = run(['extract', 'r.md', '--out', 'out', '--quiet'], { cwd: dir })
    expect(result.status, result.stderr).toBe(0)
    expect(readJsonl(path.join(dir, 'out', 'documents.jsonl'))[0].commitments[0].action).toMatchObject({ verb: 'frobnicate', class: 'launching' })
  })
})

describe('commitments report', () => {
  it('builds the site from an extraction, and says what is missing without one', () => {
    const dir = tmp()
    const missing = run(['report', '--out', path.join(dir, 'none')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/documents\.jsonl: no such file; run `commitments extract/)
    const out = path.join(dir, 'out')
    expect(run(['extract', `fixtures/${fixtures[0]}/input.md`, '--out', out, '--quiet', '--no-db']).status).toBe(0)
    const built = run(['report', '--out', out])
    expect(built.status, built.stderr).toBe(0)
    const index = fs.readFileSync(path.join(out, 'report', 'index.html'), 'utf8')
    expect(index).toMatch(/<title>Commitments report<\/title>/)
    expect(fs.readdirSync(path.join(out, 'report', 'documents'))).toHaveLength(1)
  })
})

describe('commitments schema', () => {
  it('prints the JSON Schema of the Document', () => {
    const result = run(['schema'])
    expect(result.status).toBe(0)
    const schema = JSON.parse(result.stdout)
    expect(schema.$schema).toMatch(/2020-12/)
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'source', 'sections', 'commitments', 'warnings']))
    expect(schema.properties.commitments.items.$ref).toBe('#/$defs/Commitment')
    expect(schema.$defs.Commitment.required).toEqual(expect.arrayContaining(['id', 'text', 'action', 'position']))
  })

  it('names the commands and fails on an unknown command', () => {
    const result = run(['frob'])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/Unknown command `frob`, expected one of extract, report, explain, rules, diff, schema; see `commitments --help`/)
  })
})
