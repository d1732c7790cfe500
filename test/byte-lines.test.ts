/**
 * JSON Lines files read as byte lines (src/sinks/byte-lines.ts): lines
 * longer than a read chunk (a timeline of a large archive is megabytes),
 * blank lines skipped, a last line without its newline given one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { byteLines } from '../src/sinks/byte-lines.js'
import { tmp } from './helpers.js'

describe('byteLines', () => {
  it('gives every line whole, however the file is cut into chunks', async () => {
    const long = JSON.stringify({ text: 'é'.repeat(1_500_000) })
    const lines = ['{"a":1}', long, '{"b":"“2”"}', long, '{"c":3}']
    const file = path.join(tmp('byte-lines-'), 'x.jsonl')
    fs.writeFileSync(file, `${lines[0]}\n\n${lines[1]}\n${lines[2]}\n\n\n${lines[3]}\n${lines[4]}`)
    const read: string[] = []
    for await (const line of byteLines(file)) read.push(line.toString('utf8'))
    expect(read).toEqual(lines.map((line) => `${line}\n`))
  })
})
