/**
 * A revision (SPEC §11): what changed between two versions of one release.
 * Commitments are paired by id first, then the rest by text — token F1 of
 * at least 0.8, one-to-one, best pairs first, as the gold scorer aligns —
 * and a pair whose text, action, actor, dates or amounts differ is
 * `changed`, with each such field old → new. Positions, order, entities and
 * topics are not compared: they follow from the text and move with every
 * edit above them. Metadata changes (title, date) are listed too.
 */
import type { Commitment, Document } from '../schema/document.js'

export interface CommitmentRef {
  id: string
  section: string | null
  label?: string
  text: string
  class: string
}

export interface FieldChange {
  field: string
  old: unknown
  new: unknown
}

export interface Revision {
  id: string
  from: { version?: number; sha256: string; title: string | null; date: string | null }
  to: { version?: number; sha256: string; title: string | null; date: string | null }
  metadata: FieldChange[]
  added: CommitmentRef[]
  removed: CommitmentRef[]
  changed: Array<{ old: CommitmentRef; new: CommitmentRef; fields: FieldChange[] }>
}

/** The scorer's tokens: lowercase NFKC letters and digits. */
export const tokens = (text: string): string[] =>
  text.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean)

export function tokenF1(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of b) {
    const n = counts.get(t) ?? 0
    if (n > 0) {
      common++
      counts.set(t, n - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}

/** Greedy one-to-one alignment by score, best first, ties in list order (the scorer's `align`). */
export function align<A, B>(left: A[], right: B[], score: (a: A, b: B) => number, threshold: number): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = []
  left.forEach((a, i) =>
    right.forEach((b, j) => {
      const s = score(a, b)
      if (s >= threshold) pairs.push([s, i, j])
    })
  )
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2])
  const usedLeft = new Set<number>()
  const usedRight = new Set<number>()
  const out: Array<[number, number]> = []
  for (const [, i, j] of pairs) {
    if (usedLeft.has(i) || usedRight.has(j)) continue
    usedLeft.add(i)
    usedRight.add(j)
    out.push([i, j])
  }
  return out
}

const ref = (c: Commitment): CommitmentRef => {
  const r: CommitmentRef = { id: c.id, section: c.section, text: c.text, class: c.action.class }
  if (c.label) r.label = c.label
  return r
}

/** The compared fields of a commitment, each as a comparable value. */
function fields(c: Commitment): Record<string, unknown> {
  const actor = (c as { actor?: { text: string } | null }).actor
  return {
    text: c.label ? `${c.label} ${c.text}` : c.text,
    'action.verb': c.action.verb,
    'action.class': c.action.class,
    'action.modality': c.action.modality,
    ...(actor !== undefined ? { actor: actor?.text ?? null } : {}),
    dates: c.dates.map((d) => d.value),
    amounts: c.amounts.map((a) => `${a.mod ? `${a.mod} ` : ''}${a.value}${a.max !== undefined ? `-${a.max}` : ''} ${a.unit}`)
  }
}

/** Texts are compared by their words: a stray quote or a re-wrapped line is not a change. */
const comparable = (key: string, value: unknown) => (key === 'text' || key === 'title') && typeof value === 'string' ? tokens(value).join(' ') : value
const same = (key: string, a: unknown, b: unknown) => JSON.stringify(comparable(key, a)) === JSON.stringify(comparable(key, b))

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.filter((k) => !same(k, before[k], after[k])).map((k) => ({ field: k, old: before[k] ?? null, new: after[k] ?? null }))
}

export function revision(before: Document, after: Document, versions: { from?: number; to?: number } = {}): Revision {
  const side = (d: Document, version?: number) => ({ ...(version !== undefined ? { version } : {}), sha256: d.source.sha256, title: d.title, date: d.date })
  const result: Revision = { id: after.id, from: side(before, versions.from), to: side(after, versions.to), metadata: [], added: [], removed: [], changed: [] }
  result.metadata = fieldChanges({ title: before.title, date: before.date }, { title: after.title, date: after.date })

  // Pair by id, then what is left by text.
  const pairs: Array<[Commitment, Commitment]> = []
  const newById = new Map(after.commitments.map((c) => [c.id, c]))
  const oldLeft: Commitment[] = []
  const pairedNew = new Set<string>()
  for (const c of before.commitments) {
    const match = newById.get(c.id)
    if (match && !pairedNew.has(match.id)) {
      pairs.push([c, match])
      pairedNew.add(match.id)
    } else oldLeft.push(c)
  }
  const newLeft = after.commitments.filter((c) => !pairedNew.has(c.id))
  // A bold lead added to a bullet, or a bullet rewritten under its lead, is still that bullet:
  // the text with its label, the text alone, and the labels are each compared.
  const keys = (c: Commitment) => ({ full: tokens(c.label ? `${c.label} ${c.text}` : c.text), text: tokens(c.text), label: c.label ? tokens(c.label) : undefined })
  const score = (a: ReturnType<typeof keys>, b: ReturnType<typeof keys>) =>
    Math.max(tokenF1(a.full, b.full), tokenF1(a.text, b.text), a.label && b.label ? tokenF1(a.label, b.label) : 0)
  const byText = align(oldLeft.map(keys), newLeft.map(keys), score, 0.8)
  const alignedOld = new Set(byText.map(([i]) => i))
  const alignedNew = new Set(byText.map(([, j]) => j))
  for (const [i, j] of byText) pairs.push([oldLeft[i]!, newLeft[j]!])
  pairs.sort((a, b) => a[1].index - b[1].index)

  for (const [o, n] of pairs) {
    const changes = fieldChanges(fields(o), fields(n))
    if (changes.length > 0) result.changed.push({ old: ref(o), new: ref(n), fields: changes })
  }
  result.removed = oldLeft.filter((_, i) => !alignedOld.has(i)).map(ref)
  result.added = newLeft.filter((_, j) => !alignedNew.has(j)).map(ref)
  return result
}

/** Whether a revision records any change. */
export const isEmpty = (r: Revision) => r.metadata.length + r.added.length + r.removed.length + r.changed.length === 0
