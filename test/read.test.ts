/** SPEC §2 inputs: encodings, BOM, bad files become clear messages. */
import { describe, expect, it } from 'vitest'
import { processFile, readBytes } from '../src/index.js'
import { repairEmphasis } from '../src/stages/repair-emphasis.js'
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
    expect(message.reason).toMatch(/Unexpected byte 0xe9 at offset 21, expected UTF-8/)
    expect([message.line, message.column]).toEqual([5, 4])
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
