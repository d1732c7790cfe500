/**
 * documents.jsonl keeps the last line of a release listed twice in a run
 * (src/batch/keep-last.ts): cut by the ids the run knows, or, when the file
 * does not have one line per known id, by each line's own JSON.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepLast } from '../src/batch/keep-last.js'
import { tmp } from './helpers.js'

const line = (id: string, n: number) => JSON.stringify({ schemaVersion: '3', id, title: `T\u00e9 ${n} “quoted”` })
const written = [line('a', 1), line('b', 1), line('a', 2), line('c', 1), line('b', 2), line('a', 3)]
const expected = [line('c', 1), line('b', 2), line('a', 3)].join('\n') + '\n'

describe('keepLast', () => {
  it('keeps only the last line of each stale id, by the ids the run wrote', async () => {
    const file = path.join(tmp('keep-last-'), 'documents.jsonl')
    fs.writeFileSync(file, written.join('\n') + '\n')
    await keepLast(file, ['a', 'b', 'a', 'c', 'b', 'a'], new Set(['a', 'b']))
    expect(fs.readFileSync(file, 'utf8')).toBe(expected)
  })

  it('reads the ids from the lines when the file does not match them (a blank line, no final newline)', async () => {
    const file = path.join(tmp('keep-last-'), 'documents.jsonl')
    fs.writeFileSync(file, [...written.slice(0, 3), '', ...written.slice(3)].join('\n'))
    await keepLast(file, ['a', 'b'], new Set(['a', 'b']))
    expect(fs.readFileSync(file, 'utf8')).toBe(expected)
  })
})
