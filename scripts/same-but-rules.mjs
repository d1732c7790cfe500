#!/usr/bin/env node
/**
 * Issue 13's check: after `vitest run test/fixtures.test.ts -u`, the
 * fixtures' expected.json must differ from a git revision (default HEAD)
 * only by `rule` and `lexicon` fields. Prints each other difference; exit 1 if any.
 *   node scripts/same-but-rules.mjs [REV]
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const rev = process.argv[2] ?? 'HEAD'
const strip = (value) =>
  Array.isArray(value) ? value.map(strip) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'rule' && k !== 'lexicon' && k !== 'schemaVersion').map(([k, v]) => [k, strip(v)])) : value
let differences = 0
for (const name of fs.readdirSync('fixtures').sort()) {
  const file = path.join('fixtures', name, 'expected.json')
  if (!fs.existsSync(file)) continue
  let before
  try {
    before = JSON.parse(execFileSync('git', ['show', `${rev}:${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 }))
  } catch {
    continue
  }
  const after = JSON.parse(fs.readFileSync(file, 'utf8'))
  const [a, b] = [JSON.stringify(strip(before), null, 1).split('\n'), JSON.stringify(strip(after), null, 1).split('\n')]
  if (a.join('\n') === b.join('\n')) continue
  const at = a.findIndex((line, i) => line !== b[i])
  console.log(`${file}: first difference at line ${at + 1}:\n  - ${a[at]}\n  + ${b[at]}`)
  differences++
}
console.log(differences === 0 ? `fixtures differ from ${rev} only by rule fields` : `${differences} fixture(s) differ by more than rule fields`)
process.exit(differences === 0 ? 0 : 1)
