/**
 * `commitments explain`: every decision of a Document with the rule that
 * made it (SPEC §9), in a form a person reads — the answer to "why is this
 * `launching`?" and "why is this one organization?".
 */
import type { Commitment, Document, LexiconEntry } from '../schema/document.js'
import { clip } from './summary.js'

const row = (what: string, value: string, rule: string, lexicon?: LexiconEntry) =>
  `    ${what.padEnd(8)}${value.padEnd(60)} ${rule}${lexicon ? ` (${lexicon.source === 'config' ? "the config's" : 'bundled'} entry “${lexicon.entry}”)` : ''}`
const quoted = (text: string) => `“${clip(text, 48)}”`

function explainCommitment(c: Commitment): string {
  const where = [c.unit, c.section ? `section “${clip(c.section, 50)}”` : 'preamble', `line ${c.position.start.line}`].join(' · ')
  const { action } = c
  const verb = action.verb ? `${action.verb}${action.phrase && action.phrase !== action.verb ? ` (“${action.phrase}”)` : ''}` : 'no action verb'
  const lines = [`#${c.index} ${where}`, `    ${clip(c.label ? `${c.label}: ${c.text}` : c.text, 140)}`]
  lines.push(row('action', `${verb} → ${action.class}, ${action.modality}`, action.rule, action.lexicon))
  lines.push(`    ${'actor'.padEnd(8)}${c.actor ? `${quoted(c.actor.text)}${c.actor.canonical ? ` = ${c.actor.canonical}` : ''}` : 'none written (a verb-led item)'}`)
  for (const e of c.entities) lines.push(row('entity', `${quoted(e.text)} ${e.type}${e.canonical && e.canonical !== e.text ? ` = ${clip(e.canonical, 30)}` : ''}`, e.rule, e.lexicon))
  for (const d of c.dates) lines.push(row('date', `${quoted(d.text)} → ${d.value}${d.mod ? ` (${d.mod})` : ''}`, d.rule))
  for (const a of c.amounts) {
    const value = `${a.value}${a.max !== undefined ? `–${a.max}` : ''} ${a.unit}${a.mod ? ` (${a.mod})` : ''}`
    lines.push(row('amount', `${quoted(a.text)} → ${value}`, a.rule))
  }
  return lines.join('\n')
}

export function explainDocument(document: Document): string {
  const head = [
    `${document.title ?? '(untitled)'}`,
    `${document.source.path ?? document.source.url ?? document.id} · ${document.date ?? 'no date'} · ${document.kind ?? 'other'} · ${document.commitments.length} commitments`,
    'Each decision ends with the id of the rule that made it: `commitments rules` says what each rule does.'
  ]
  return `${head.join('\n')}\n\n${document.commitments.map(explainCommitment).join('\n\n')}\n`
}
