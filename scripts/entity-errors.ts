/**
 * Entity errors by class (issue 17): extracts the releases of the gold sets
 * (`../shared/gold/dev` and the entity-annotated files of `test/annotated`),
 * scores them with `../shared/tools/score.mjs --errors`, and sorts each
 * missed gold mention (ENT-) and spurious prediction (ENT+) into the
 * issue's classes, pairing them the way the scorer matches texts.
 *
 *   npx jiti scripts/entity-errors.ts [--list]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveConfig, runExtract } from '../src/index.js'
import { norm, textMatch } from './text-match.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const shared = path.resolve(root, '..', 'shared')
const config = resolveConfig({}, root)

interface Mention {
  type: string
  text: string
}

const contains = (outer: string, inner: string) => norm(outer).includes(norm(inner)) && norm(inner).length > 0
const isAcronym = (s: string) => /^[\p{Lu}\d][\p{Lu}\d&.-]*\p{Lu}[\p{Lu}\d.-]*(?:\s+\d+)?$/u.test(s) || /^\p{Ll}+\p{Lu}/u.test(s)

/** The class of one missed gold mention, given the spurious predictions of its file. */
function classify(gold: Mention, extra: Mention[]): string {
  const same = extra.find((p) => textMatch(p.text, gold.text))
  if (same) {
    if (same.type === 'organization' && isAcronym(same.text)) return `acronym typed organization (gold ${gold.type})`
    if (gold.type === 'place') return `place typed ${same.type}`
    if (gold.type === 'product') return `product typed ${same.type}`
    return `${gold.type} typed ${same.type}`
  }
  if (extra.some((p) => contains(p.text, gold.text) && / and | & /.test(p.text))) return 'two names merged into one'
  if (extra.some((p) => contains(p.text, gold.text))) return `${gold.type} inside a longer prediction`
  if (gold.type === 'initiative' && extra.some((p) => contains(gold.text, p.text))) return 'initiative cut or split'
  if (/’/.test(gold.text) && gold.type === 'country') return 'country with a curly apostrophe missed'
  if (gold.type === 'person') return 'person missed'
  if (gold.type === 'place') return 'place missed'
  if (gold.type === 'initiative') return 'initiative missed'
  return `${gold.type} missed`
}

async function run(name: string, gold: string) {
  const inputs = fs
    .readdirSync(gold)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(gold, f), 'utf8')).file as string)
    .map((f) => path.join(shared, 'corpus', f.endsWith('.html') ? 'html' : 'markdown', f))
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-errors-'))
  await runExtract({ inputs, out, config, cwd: root, db: false })
  const result = spawnSync(process.execPath, [path.join(shared, 'tools', 'score.mjs'), '--gold', gold, '--pred', path.join(out, 'documents.jsonl'), '--errors'], { encoding: 'utf8' })
  const lines = result.stdout.split('\n')
  const score = JSON.parse(lines.find((l) => l.startsWith('SCORE '))!.slice(6))
  const byFile = new Map<string, { missed: Mention[]; extra: Mention[] }>()
  for (const line of lines) {
    const m = /^(.+?): ENT([+-])\s+(\w+):(.*)$/.exec(line)
    if (!m) continue
    const entry = byFile.get(m[1]!) ?? { missed: [], extra: [] }
    byFile.set(m[1]!, entry)
    ;(m[2] === '-' ? entry.missed : entry.extra).push({ type: m[3]!, text: m[4]! })
  }
  const counts = new Map<string, string[]>()
  const add = (cls: string, what: string) => counts.set(cls, [...(counts.get(cls) ?? []), what])
  for (const [file, { missed, extra }] of byFile) {
    for (const g of missed) add(classify(g, extra), `${file.slice(0, 3)} ${g.type}:${g.text}`)
    for (const p of extra) {
      if (missed.some((g) => textMatch(g.text, p.text) || contains(p.text, g.text) || contains(g.text, p.text))) continue
      add(`spurious ${p.type}`, `${file.slice(0, 3)} ${p.type}:${p.text}`)
    }
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`
  console.log(`\n== ${name}: typed F1 ${pct(score.entitiesTyped.f1)} (P ${pct(score.entitiesTyped.precision)} R ${pct(score.entitiesTyped.recall)}), untyped F1 ${pct(score.entitiesUntyped.f1)}`)
  for (const [cls, list] of [...counts].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${String(list.length).padStart(4)}  ${cls}`)
    if (process.argv.includes('--list')) for (const what of list) console.log(`        ${what}`)
  }
}

const annotated = fs.mkdtempSync(path.join(os.tmpdir(), 'entity-gold-'))
for (const f of fs.readdirSync(path.join(root, 'test', 'annotated')).filter((f) => f.endsWith('.json'))) {
  const text = fs.readFileSync(path.join(root, 'test', 'annotated', f), 'utf8')
  if (JSON.parse(text).commitments.some((c: { entities?: unknown }) => c.entities)) fs.writeFileSync(path.join(annotated, f), text)
}
await run('gold/dev', path.join(shared, 'gold', 'dev'))
await run('test/annotated (entities)', annotated)
