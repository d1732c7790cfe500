/**
 * Revisions (SPEC §11) on real edits: nine before/after pairs from the
 * scrape histories of whitehouse.gov and state.gov (copied from
 * ../shared/corpus/edits into test/edits, with their info.txt). For each,
 * the revision lists exactly the changes test/edits/expected.json records —
 * what info.txt says changed, checked against the source diff (its `why`) —
 * and nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, type Document } from '../src/index.js'
import { isEmpty, revision, tokenF1, tokens } from '../src/versions/revision.js'
import { config, md, root } from './helpers.js'

const base = path.join(root, 'test', 'edits')
const expected = JSON.parse(fs.readFileSync(path.join(base, 'expected.json'), 'utf8')) as Record<string, { metadata: string[]; added: string[]; removed: string[]; changed: Record<string, string[]>; why: string }>

async function read(dir: string, name: string): Promise<Document> {
  const { document, file } = await extract(fs.readFileSync(path.join(base, dir, name), 'utf8'), { path: name, config })
  if (!document) throw new Error(file.messages.map(String).join('\n'))
  return document
}

const key = (c: { label?: string; text: string }) => c.label ?? c.text.slice(0, 60)

describe('each edit pair gives the revision its info.txt describes', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(name, async () => {
      const [dir, side] = name.split('/') as [string, string | undefined]
      const ext = fs.existsSync(path.join(base, dir, 'before.md')) ? 'md' : 'html'
      const prefix = side ? `${side}-` : ''
      const before = await read(dir, `${prefix}before.${ext}`)
      const after = await read(dir, `${prefix}after.${ext}`)
      const r = revision(before, after)
      expect(r.metadata.map((m) => m.field)).toEqual(want.metadata)
      expect(r.added.map(key)).toEqual(want.added)
      expect(r.removed.map(key)).toEqual(want.removed)
      expect(Object.fromEntries(r.changed.map((c) => [key(c.new), c.fields.map((f) => f.field)]))).toEqual(want.changed)
      // Read again, the same release makes no revision.
      expect(isEmpty(revision(after, after))).toBe(true)
    })
  }

  it('shows the figures old → new (01: the Republic of Korea restated its pledge)', async () => {
    const r = revision(await read('01-covid-summit-commitments', 'before.md'), await read('01-covid-summit-commitments', 'after.md'))
    const korea = r.changed.find((c) => c.new.label === 'Republic of Korea')!
    expect(korea.fields.find((f) => f.field === 'amounts')).toEqual({ field: 'amounts', old: ['300000000 USD', '100000000 USD'], new: ['300000000 USD', '212000000 USD'] })
    expect(r.removed.map((c) => c.text)).toEqual(['Country text is being validated with host governments and is not yet final.'])
  })

  it('keeps the lead verb change in the text (10: Launching → Announcing)', async () => {
    const r = revision(await read('10-g7-hiroshima-fact-sheet', 'before.md'), await read('10-g7-hiroshima-fact-sheet', 'after.md'))
    const text = r.changed[0]!.fields.find((f) => f.field === 'text')!
    expect(String(text.old)).toMatch(/^Launching the Hiroshima Action Statement/)
    expect(String(text.new)).toMatch(/^Announcing the Hiroshima Action Statement/)
  })
})

describe('pairing', () => {
  it('pairs by id first, then by text (token F1 ≥ 0.8, one-to-one), and lists metadata changes', async () => {
    const before = await md('- The United States will provide $80 million to the Mekong region.\n- The United States will launch a new fellowship for young leaders in Asia.\n- Japan will host a conference on maritime safety.', 'FACT SHEET: One')
    const after = await md('- The United States will provide $58 million to the Mekong region.\n- The United States will launch a new fellowship for young leaders in Asia.\n- India will build a new port in Chennai.', 'FACT SHEET: Two')
    const r = revision(before, after)
    expect(r.metadata).toEqual([{ field: 'title', old: 'FACT SHEET: One', new: 'FACT SHEET: Two' }])
    expect(r.changed.map((c) => c.fields.map((f) => f.field))).toEqual([['text', 'amounts']])
    expect(r.changed[0]!.fields[1]).toEqual({ field: 'amounts', old: ['80000000 USD'], new: ['58000000 USD'] })
    expect(r.added.map((c) => c.text)).toEqual(['India will build a new port in Chennai.'])
    expect(r.removed.map((c) => c.text)).toEqual(['Japan will host a conference on maritime safety.'])
  })

  it('does not call a change what only moves or re-punctuates a commitment', async () => {
    const before = await md('- Japan will host a conference on maritime safety.\n- India will build a new port in Chennai.')
    const after = await md('- India will build a new port in Chennai!\n- Japan will host a conference on maritime safety.')
    expect(isEmpty(revision(before, after))).toBe(true)
  })

  it('scores like the gold scorer', () => {
    expect(tokenF1(tokens('the quick brown fox'), tokens('The quick, brown fox!'))).toBe(1)
    expect(tokenF1(tokens('a b c d'), tokens('a b x y'))).toBe(0.5)
  })
})
