/**
 * The index page's data: every commitment as one compact row, with the
 * names it is filtered by (documents, topics, entities, actors, units) in
 * tables of their own and referred to by number, so 100,000 commitments
 * stay a few tens of MB of JSON that the page parses once. The page's
 * script pages, sorts, filters and exports these rows; it never writes
 * markup from them (text only).
 */
import type { Commitment, Document } from '../schema/document.js'
import { CLASSES } from './classes.js'
import { Labels } from './names.js'

/** `unit` and `actor` arrive with the Document schema's second version: read them when they are there. */
interface Sentenced {
  unit?: string
  actor?: { text: string; canonical?: string } | null
}

/** [id, title, date, kind, commitments, count per class (CLASSES order)] */
export type DocRow = [string, string, string, string, number, number[]]
/** [document, class, verb, section, label, text, topics, entities, unit (-1: none), actor (-1: none), commitment id]; verbs and sections by number, as they repeat. */
export type CommitmentRow = [number, number, number, number, string, string, number[], number[], number, number, string]

export interface IndexData {
  classes: string[]
  docs: DocRow[]
  verbs: string[]
  sections: string[]
  topics: string[]
  entities: string[]
  actors: string[]
  units: string[]
  rows: CommitmentRow[]
}

/** Numbers for names, in order of first sight. */
class Table {
  readonly keys: string[] = []
  private readonly index = new Map<string, number>()
  id(key: string): number {
    let n = this.index.get(key)
    if (n === undefined) {
      n = this.keys.length
      this.keys.push(key)
      this.index.set(key, n)
    }
    return n
  }
}

export interface IndexFacts {
  data: IndexData
  /** Counts for the charts: by month and class, by topic, by entity (by label). */
  byMonth: Map<string, Map<string, number>>
  topics: Map<string, number>
  entities: Map<string, number>
  total: number
}

export function indexData(documents: Document[]): IndexFacts {
  const classIndex = new Map(CLASSES.map((c, i) => [c.name as string, i]))
  const topics = new Table()
  const verbs = new Table()
  const sections = new Table()
  const entities = new Table()
  const actors = new Table()
  const units = new Table()
  const entityLabels = new Labels()
  const actorLabels = new Labels()
  const byMonth = new Map<string, Map<string, number>>()
  const topicCounts = new Map<string, number>()
  const entityCounts = new Map<string, number>()
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
  const docs: DocRow[] = []
  const rows: CommitmentRow[] = []
  documents.forEach((d, n) => {
    const perClass = CLASSES.map(() => 0)
    for (const c of d.commitments as Array<Commitment & Sentenced>) {
      const cls = classIndex.get(c.action.class) ?? CLASSES.length - 1
      perClass[cls]!++
      if (d.date) {
        const month = d.date.slice(0, 7)
        if (!byMonth.has(month)) byMonth.set(month, new Map())
        bump(byMonth.get(month)!, c.action.class)
      }
      for (const t of c.topics) bump(topicCounts, t)
      const entityKeys = [...new Set(c.entities.map((e) => entityLabels.see(e.text, e.canonical)))]
      for (const key of entityKeys) bump(entityCounts, key)
      const actor = c.actor ? actors.id(actorLabels.see(c.actor.text, c.actor.canonical)) : -1
      rows.push([n, cls, verbs.id(c.action.verb ?? ''), sections.id(c.section ?? ''), c.label ?? '', c.text, c.topics.map((t) => topics.id(t)), entityKeys.map((k) => entities.id(k)), c.unit ? units.id(c.unit) : -1, actor, c.id])
    }
    docs.push([d.id, d.title ?? d.id, d.date ?? '', d.kind ?? '', d.commitments.length, perClass])
  })
  // Counts by label: two keys that name the same thing are one bar.
  const byLabel = new Map<string, number>()
  for (const [key, n] of entityCounts) byLabel.set(entityLabels.label(key), (byLabel.get(entityLabels.label(key)) ?? 0) + n)
  return {
    data: {
      classes: CLASSES.map((c) => c.name),
      docs,
      verbs: verbs.keys,
      sections: sections.keys,
      topics: topics.keys,
      entities: entities.keys.map((k) => entityLabels.label(k)),
      actors: actors.keys.map((k) => actorLabels.label(k)),
      units: units.keys,
      rows
    },
    byMonth,
    topics: topicCounts,
    entities: byLabel,
    total: rows.length
  }
}
