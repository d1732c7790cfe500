/**
 * A Document as a person reviews it: one line per commitment (index, unit,
 * class, verb, actor, the action's rule, the text), the form each fixture
 * keeps beside its expected.json so that a reviewer reads a diff of
 * decisions rather than of 1 MB of JSON.
 */
import type { Commitment, Document } from '../schema/document.js'

const WIDTH = { unit: 9, class: 11, verb: 14, actor: 22, rule: 28 }
const TEXT = 110

/** Cut to `max` characters with an ellipsis; one line. */
export const clip = (text: string, max: number) => {
  const line = text.replace(/\s+/g, ' ')
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`
}

const column = (value: string, width: number) => clip(value, width).padEnd(width)

export function summaryLine(c: Commitment): string {
  const actor = c.actor ? `${c.actor.text}${c.actor.canonical ? `=${c.actor.canonical}` : ''}` : '-'
  return [
    String(c.index).padStart(3),
    column(c.unit, WIDTH.unit),
    column(c.action.class, WIDTH.class),
    column(c.action.verb ?? '-', WIDTH.verb),
    column(actor, WIDTH.actor),
    column(c.action.rule, WIDTH.rule),
    clip(c.label ? `${c.label}: ${c.text}` : c.text, TEXT)
  ].join(' ').trimEnd()
}

export function summaryOf(document: Document): string {
  const head = `${document.title ?? '(untitled)'} · ${document.date ?? 'no date'} · ${document.kind ?? 'other'} · ${document.commitments.length} commitments`
  const columns = ['  #', 'unit'.padEnd(WIDTH.unit), 'class'.padEnd(WIDTH.class), 'verb'.padEnd(WIDTH.verb), 'actor'.padEnd(WIDTH.actor), 'rule'.padEnd(WIDTH.rule), 'text'].join(' ')
  return [head, '', columns, ...document.commitments.map(summaryLine)].join('\n') + '\n'
}
