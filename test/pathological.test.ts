/**
 * Pathological releases in a process of their own (issue 18 #2, #6): each
 * one finishes — refused with a message naming its limit, or extracted —
 * within the time and memory the README documents (Limits), in a one-file
 * run without worker threads, where the stack is smallest.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { config, readJsonl, root, tmp } from './helpers.js'

const front = (body: string) => `---\ntitle: 'T'\ndate: '2025-01-06'\n---\n\n${body}\n`

/** A release at the default limits: 1,990 items of real release text, 0.9 MB. */
function atLimits(): string {
  const source = fs.readFileSync(path.join(root, 'fixtures', fs.readdirSync(path.join(root, 'fixtures')).sort()[0]!, 'input.md'), 'utf8')
  const lines = source.split('\n').filter((line) => /^\s*[-*] \S/.test(line)).map((line) => line.replace(/^\s*[-*] /, ''))
  const items = Array.from({ length: 1990 }, (_, i) => `- ${[0, 1, 2, 3, 4, 5, 6].map((k) => lines[(i * 7 + k) % lines.length]).join(' ').slice(0, 450)}`)
  return front(items.join('\n'))
}

const CASES: Array<{ name: string; file: string; text: () => string; ruleId?: string }> = [
  { name: '`- ` × 10,000', file: 'dash.md', text: () => front('- '.repeat(10_000) + 'We will build it.'), ruleId: 'too-deep' },
  { name: '`1. ` × 10,000', file: 'numbers.md', text: () => front('1. '.repeat(10_000)), ruleId: 'too-deep' },
  { name: '100,000 bullets (2.9 MB)', file: 'bullets.md', text: () => front(Array.from({ length: 100_000 }, (_, i) => `- We will build bridge ${i}.`).join('\n')), ruleId: 'too-large' },
  { name: '30,000 bullets (0.8 MB)', file: 'bullets30.md', text: () => front(Array.from({ length: 30_000 }, (_, i) => `- We will build bridge ${i}.`).join('\n')), ruleId: 'too-many-items' },
  { name: 'one 15 MB release', file: 'big.md', text: () => front(`- We will build it. ${'We will build more. '.repeat(750_000)}`), ruleId: 'too-large' },
  { name: '5,000 nested <div>s', file: 'divs.html', text: () => `${'<div>'.repeat(5000)}<ul><li>We will build a bridge.</li></ul>${'</div>'.repeat(5000)}`, ruleId: 'too-deep' },
  { name: 'a 1,000-deep list', file: 'deep.md', text: () => front(Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- We will build bridge ${i}.`).join('\n')), ruleId: 'too-deep' },
  { name: 'a release at the limits (1,990 items, 0.9 MB)', file: 'limits.md', text: atLimits }
]

/** Documented bounds (README, Limits): a refused release is refused at once; any release stays within the time budget and memory. */
const REFUSED_SECONDS = 15
const BUDGET_SECONDS = config.limits.seconds + 15
const MAX_RSS_MB = 700

describe('pathological releases, one process each', () => {
  for (const { name, file, text, ruleId } of CASES) {
    it(`${name}: ${ruleId ?? 'extracted or refused by the time budget'}, within time and memory`, { timeout: 180_000 }, () => {
      const dir = tmp('pathological-')
      const input = path.join(dir, file)
      fs.writeFileSync(input, text())
      const out = path.join(dir, 'out')
      const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, path.join(root, 'bin', 'commitments.js'), 'extract', '--quiet', '--no-db', '--workers', '0', '--out', out, input], { cwd: root, encoding: 'utf8' })
      const [seconds, kilobytes] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number) as [number, number]
      const errors = readJsonl(path.join(out, 'errors.jsonl'))
      if (ruleId) {
        expect(run.status, run.stderr).toBe(1)
        expect(errors.map((e) => e.ruleId)).toEqual([ruleId])
        expect(seconds).toBeLessThan(REFUSED_SECONDS)
      } else {
        // Extracted, or refused once its time budget was spent: never longer than the budget and one stage.
        expect(errors.map((e) => e.ruleId).filter((r) => r !== 'time-budget'), run.stderr).toEqual([])
        expect(seconds).toBeLessThan(BUDGET_SECONDS)
      }
      expect(kilobytes / 1024).toBeLessThan(MAX_RSS_MB)
    })
  }
})
