/**
 * How the date grammar was chosen (issue 5): our grammar and chrono-node,
 * run on the same commitment texts of the hand-annotated releases
 * (`../shared/gold/dev`, `test/annotated`), scored as score.mjs scores
 * dates (a mention matches when the normalised texts are equal or one
 * contains the other covering at least half; then the values are compared).
 *
 *   npm run compare:dates
 */
import fs from 'node:fs'
import path from 'node:path'
import * as chrono from 'chrono-node'
import { findDates } from '../src/dates/find-dates.js'
import { textMatch } from './text-match.js'

interface Mention {
  text: string
  value: string
}


/** chrono's results as TIMEX3: a day when the day is certain, else a month, else a year. */
function viaChrono(text: string, anchor: string | null): Mention[] {
  const reference = anchor ? new Date(`${anchor}T12:00:00Z`) : new Date(0)
  return chrono.parse(text, { instant: reference, timezone: 0 }).map((result) => {
    const c = result.start
    const y = String(c.get('year'))
    const m = String(c.get('month')).padStart(2, '0')
    const d = String(c.get('day')).padStart(2, '0')
    const value = c.isCertain('day') ? `${y}-${m}-${d}` : c.isCertain('month') ? `${y}-${m}` : y
    return { text: result.text, value }
  })
}

const ours = (text: string, anchor: string | null): Mention[] => findDates(text, anchor)

function score(dirs: string[], parse: (text: string, anchor: string | null) => Mention[]) {
  let tp = 0
  let pred = 0
  let gold = 0
  let values = 0
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const doc = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { date: string; commitments: Array<{ text: string; dates?: Mention[] }> }
      for (const c of doc.commitments) {
        const g = c.dates ?? []
        const p = parse(c.text, doc.date)
        pred += p.length
        gold += g.length
        const used = new Set<number>()
        for (const want of g) {
          const j = p.findIndex((got, k) => !used.has(k) && textMatch(got.text, want.text))
          if (j < 0) continue
          used.add(j)
          tp++
          if (p[j]!.value === want.value) values++
        }
      }
    }
  }
  const precision = pred ? tp / pred : 0
  const recall = gold ? tp / gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, valueAccuracy: tp ? values / tp : 0, tp, pred, gold }
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`
const sets: Array<[string, string[]]> = [
  ['dev gold (../shared/gold/dev)', [path.resolve('../shared/gold/dev')]],
  ['blind annotations (test/annotated)', [path.resolve('test/annotated')]]
]
for (const [label, dirs] of sets) {
  if (!dirs.every((d) => fs.existsSync(d))) continue
  console.log(label)
  for (const [name, parse] of [['our grammar', ours], ['chrono-node', viaChrono]] as const) {
    const r = score(dirs, parse)
    console.log(`  ${name.padEnd(12)} P ${pct(r.precision)}  R ${pct(r.recall)}  F1 ${pct(r.f1)}  value ${pct(r.valueAccuracy)}  (tp ${r.tp}, pred ${r.pred}, gold ${r.gold})`)
  }
}
