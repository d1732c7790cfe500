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
import { MemoryRows, type CommitmentRow, type IndexRows } from './index-rows.js'
import { Labels } from './names.js'

export type { CommitmentRow }

/** `unit` and `actor` arrive with the Document schema's second version: read them when they are there. */
interface Sentenced {
  unit?: string
  actor?: { text: string; canonical?: string } | null
}

/** [id, title, date, kind, commitments, count per class (CLASSES order)] */
export type DocRow = [string, string, string, string, number, number[]]

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
  /** The data block but its rows, which come from `rows` (the last key of the block). */
  data: Omit<IndexData, 'rows'>
  rows: IndexRows
  /** Counts for the charts: by month and class, by topic, by entity (by label). */
  byMonth: Map<string, Map<string, number>>
  topics: Map<string, number>
  entities: Map<string, number>
  total: number
}

/** The index's facts gathered a Document at a time, so that the report never holds the archive's Documents. */
export class IndexCollector {
  private readonly classIndex = new Map(CLASSES.map((c, i) => [c.name as string, i]))
  private readonly topics = new Table()
  private readonly verbs = new Table()
  private readonly sections = new Table()
  private readonly entities = new Table()
  private readonly actors = new Table()
  private readonly units = new Table()
  private readonly entityLabels = new Labels()
  private readonly actorLabels = new Labels()
  private readonly byMonth = new Map<string, Map<string, number>>()
  private readonly topicCounts = new Map<string, number>()
  private readonly entityCounts = new Map<string, number>()
  private readonly docs: DocRow[] = []
  private count = 0

  /** `rows`: where the commitment rows go, in memory by default (index-rows.ts). */
  constructor(private readonly rows: IndexRows = new MemoryRows()) {}

  add(d: Document): void {
    const n = this.docs.length
    const perClass = CLASSES.map(() => 0)
    for (const c of d.commitments as Array<Commitment & Sentenced>) {
      const cls = this.classIndex.get(c.action.class) ?? CLASSES.length - 1
      perClass[cls]!++
      if (d.date) {
        const month = d.date.slice(0, 7)
        if (!this.byMonth.has(month)) this.byMonth.set(month, new Map())
        bump(this.byMonth.get(month)!, c.action.class)
      }
      for (const t of c.topics) bump(this.topicCounts, t)
      const entityKeys = [...new Set(c.entities.map((e) => this.entityLabels.see(e.text, e.canonical)))]
      for (const key of entityKeys) bump(this.entityCounts, key)
      const actor = c.actor ? this.actors.id(this.actorLabels.see(c.actor.text, c.actor.canonical)) : -1
      this.count++
      this.rows.push([n, cls, this.verbs.id(c.action.verb ?? ''), this.sections.id(c.section ?? ''), c.label ?? '', c.text, c.topics.map((t) => this.topics.id(t)), entityKeys.map((k) => this.entities.id(k)), c.unit ? this.units.id(c.unit) : -1, actor, c.id])
    }
    this.docs.push([d.id, d.title ?? d.id, d.date ?? '', d.kind ?? '', d.commitments.length, perClass])
  }

  get documents(): number {
    return this.docs.length
  }

  get commitments(): number {
    return this.count
  }

  /** Between Documents: rows a spilled store holds go to disk. */
  flush(): Promise<void> {
    return this.rows.flush()
  }

  facts(): IndexFacts {
    // Counts by label: two keys that name the same thing are one bar.
    const byLabel = new Map<string, number>()
    for (const [key, n] of this.entityCounts) byLabel.set(this.entityLabels.label(key), (byLabel.get(this.entityLabels.label(key)) ?? 0) + n)
    return {
      data: {
        classes: CLASSES.map((c) => c.name),
        docs: this.docs,
        verbs: this.verbs.keys,
        sections: this.sections.keys,
        topics: this.topics.keys,
        entities: this.entities.keys.map((k) => this.entityLabels.label(k)),
        actors: this.actors.keys.map((k) => this.actorLabels.label(k)),
        units: this.units.keys
      },
      rows: this.rows,
      byMonth: this.byMonth,
      topics: this.topicCounts,
      entities: byLabel,
      total: this.count
    }
  }
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1)
