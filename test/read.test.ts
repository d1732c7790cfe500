/** SPEC §2 inputs: encodings, BOM, bad files become clear messages. */
import { describe, expect, it } from 'vitest'
import { extract, processFile, readBytes } from '../src/index.js'
import { repairEmphasis } from '../src/stages/parse/repair-emphasis.js'
import { config } from './helpers.js'

const bytes = (text: string) => new TextEncoder().encode(text)
const release = "---\ntitle: 'FACT SHEET: X'\ndate: '2025-01-06'\n---\n\n- Launching the new programme today.\n"

describe('read (SPEC §2)', () => {
  it('drops a BOM and keeps positions on the text', async () => {
    const file = readBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(release)]), 'bom.md')
    const document = await processFile(file, config)
    expect(document?.title).toBe('FACT SHEET: X')
    const c = document!.commitments[0]!
    expect(String(file.value).slice(c.position.start.offset, c.position.end.offset)).toBe('- Launching the new programme today.')
  })

  it('rejects other encodings with the line and column of the first bad byte', async () => {
    const latin1 = new Uint8Array([...bytes('---\ntitle: x\n---\n\nCaf'), 0xe9, ...bytes(' au lait\n')])
    const file = readBytes(latin1, 'latin1.md')
    expect(await processFile(file, config)).toBeUndefined()
    const message = file.messages[0]!
    expect(message.fatal).toBe(true)
    expect(message.reason).toMatch(/Unexpected byte 0xe9 \(a 3-byte sequence cut short: 0x20 is not a continuation byte\) at offset 21, expected UTF-8/)
    expect([message.line, message.column]).toEqual([5, 4])
  })

  // Issue 18 #8: sequences the decoder refuses but a naive lead-byte scan accepts.
  const invalid: Array<[string, number[], RegExp]> = [
    ['a surrogate', [0xed, 0xa0, 0x80], /byte 0xa0 after 0xed .*surrogate/],
    ['an overlong 3-byte form', [0xe0, 0x80, 0x80], /byte 0x80 after 0xe0 .*overlong/],
    ['an overlong 4-byte form', [0xf0, 0x80, 0x80, 0x80], /byte 0x80 after 0xf0 .*overlong/],
    ['a code point above U\+10FFFF', [0xf4, 0x90, 0x80, 0x80], /byte 0x90 after 0xf4 .*above U\+10FFFF/],
    ['a truncated sequence', [0xe2, 0x82], /byte 0xe2 .*cut short/],
    ['a stray continuation byte', [0x80], /byte 0x80 .*continuation/]
  ]
  for (const [name, sequence, reason] of invalid) {
    it(`names the real byte, its line and column for ${name}`, () => {
      const file = readBytes(new Uint8Array([...bytes('---\ntitle: x\n---\n\nCafé '), ...sequence, ...bytes(' au lait\n')]), 'bad.md')
      const message = file.messages[0]!
      expect(message.fatal).toBe(true)
      expect(message.reason).toMatch(reason)
      expect(message.reason).toMatch(/at offset 24\b/)
      expect([message.line, message.column]).toEqual([5, 6])
    })
  }

  it('calls UTF-16 input UTF-16, with or without a byte order mark', () => {
    const text = '---\ntitle: x\n---\n\n- Launching the new programme today.\n'
    const le = Buffer.from(text, 'utf16le')
    const be = Buffer.from(le).swap16()
    const cases: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array([0xff, 0xfe, ...le]), /UTF-16 text \(little-endian, byte order mark\)/],
      [new Uint8Array([0xfe, 0xff, ...be]), /UTF-16 text \(big-endian, byte order mark\)/],
      [new Uint8Array(le), /UTF-16 text \(little-endian\)/],
      [new Uint8Array(be), /UTF-16 text \(big-endian\)/]
    ]
    for (const [input, reason] of cases) {
      const message = readBytes(input, 'utf16.md').messages[0]!
      expect(message.fatal).toBe(true)
      expect(message.reason).toMatch(reason)
      expect(message.reason).not.toMatch(/binary/)
    }
  })

  it('rejects empty and binary files', async () => {
    const empty = readBytes(new Uint8Array(), 'empty.md')
    expect(empty.messages[0]!.reason).toMatch(/empty/)
    const binary = readBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'image.md')
    expect(binary.messages[0]!.reason).toMatch(/binary/)
    expect(await processFile(binary, config)).toBeUndefined()
  })

  it('reports malformed front matter at its line and column', async () => {
    const file = readBytes(bytes("---\ntitle: 'ok'\ndate: [unclosed\n---\n\n- Launching a thing here.\n"), 'bad.md')
    expect(await processFile(file, config)).toBeUndefined()
    const message = file.messages.find((m) => m.ruleId === 'front-matter')!
    expect(message.fatal).toBe(true)
    expect(message.line).toBeGreaterThanOrEqual(3)
  })

  it('refuses a front matter that never closes, at its line (issue 18 #5)', async () => {
    const file = readBytes(bytes("---\ntitle: 'FACT SHEET: X'\ndate: '2025-01-06'\n\n- Launching the new programme today.\n- The United States will fund new schools.\n"), 'open.md')
    expect(await processFile(file, config)).toBeUndefined()
    const message = file.messages.find((m) => m.ruleId === 'front-matter')!
    expect(message.fatal).toBe(true)
    expect(message.reason).toMatch(/without a closing `---`/)
    expect([message.line, message.column]).toEqual([1, 1])
    // A rule that opens a release without front matter is no front matter.
    const { document } = await extract('---\n\n- Launching the new programme today.\n', { path: 'rule.md', config })
    expect(document?.commitments).toHaveLength(1)
  })

  it('reads front matter: NBSP escapes, times with offsets, tags, kind', async () => {
    const text = '---\ndate: \'2025-01-06\'\nmodified_time: 2025-01-06 11:09:10-05:00\npublished_time: 2025-01-06 11:09:09-05:00\nsource_url: https://www.whitehouse.gov/x/\ntags: statements-releases\ntitle: "FACT SHEET: The United\\_States and India"\n---\n\n- Launching a thing here.\n'
    const document = await processFile(readBytes(bytes(text), 'fm.md'), config)
    expect(document).toMatchObject({
      title: 'FACT SHEET: The United States and India',
      date: '2025-01-06',
      publishedAt: '2025-01-06T11:09:09-05:00',
      modifiedAt: '2025-01-06T11:09:10-05:00',
      tags: ['statements-releases'],
      kind: 'fact-sheet',
      source: { url: 'https://www.whitehouse.gov/x/', format: 'markdown' }
    })
  })

  it('takes the title from the first heading, the date from the text, without front matter', async () => {
    const document = await processFile(readBytes(bytes('# Joint Statement on Trade\n\nJanuary 6, 2025\n\n- The leaders welcomed the deal.\n'), 'plain.md'), config)
    expect(document).toMatchObject({ title: 'Joint Statement on Trade', date: '2025-01-06', kind: 'joint-statement', sections: [] })
  })

  it('gives the same id for the same URL, a content hash otherwise', async () => {
    const a = await processFile(readBytes(bytes(release), 'a.md'), config)
    const b = await processFile(readBytes(bytes(release), 'b.md'), config)
    expect(a!.id).toBe(b!.id)
    expect(a!.id).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('repairEmphasis', () => {
  const cases: Array<[string, string]> = [
    ['**HEALTH\u00a0**  \n', '**HEALTH**\u00a0  \n'],
    ['**<u>Title:</u>  **The text', '**<u>Title:</u>**  The text'],
    ['*Digital Economy:\u00a0 *DFC helped', '*Digital Economy:*\u00a0 DFC helped'],
    ['Conservation**: **The Department', 'Conservation\u2060\u2060:\u2060\u2060 The Department'],
    ['the North Atlantic**,** which', 'the North Atlantic\u2060\u2060,\u2060\u2060 which'],
    ['**Drive New Opportunities.  \n    **\n', '**Drive New Opportunities.**  \n    \n'],
    ['-   **Bold** and **more** text', '-   **Bold** and **more** text'],
    ['***Both*** stay as written ** here', '***Both*** stay as written ** here']
  ]
  for (const [input, output] of cases) {
    it(JSON.stringify(input), () => {
      const repaired = repairEmphasis(input)
      expect(repaired).toBe(output)
      expect(repaired.length).toBe(input.length)
    })
  }
})
