/**
 * One folder per real release: `input.md` in, `expected.json` and
 * `messages.json` out, and `commitments.txt`, one line per commitment
 * (unit, class, verb, actor, rule, text): the diff a reviewer reads.
 * `vitest -u` regenerates them; review the diff.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { summaryOf } from '../src/explain/summary.js'
import { processFile, readBytes } from '../src/index.js'
import { config, root } from './helpers.js'

const dir = path.join(root, 'fixtures')
const cases = fs.readdirSync(dir).filter((name) => fs.statSync(path.join(dir, name)).isDirectory()).sort()

describe('fixtures', () => {
  it('has a dozen or more real releases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12)
  })

  for (const name of cases) {
    it(name, async () => {
      const input = fs.readdirSync(path.join(dir, name)).find((f) => f.startsWith('input.'))!
      const relative = path.posix.join('fixtures', name, input)
      const file = readBytes(new Uint8Array(fs.readFileSync(path.join(root, relative))), relative, root)
      const document = await processFile(file, config)
      expect(document, file.messages.map(String).join('\n')).toBeDefined()
      await expect(summaryOf(document!)).toMatchFileSnapshot(path.join(dir, name, 'commitments.txt'))
      await expect(JSON.stringify(document, null, 2) + '\n').toMatchFileSnapshot(path.join(dir, name, 'expected.json'))
      const messages = file.messages.map((m) => `${m.line ?? 0}:${m.column ?? 0} ${m.ruleId} ${m.reason}`)
      await expect(JSON.stringify(messages, null, 2) + '\n').toMatchFileSnapshot(path.join(dir, name, 'messages.json'))
    })
  }
})
