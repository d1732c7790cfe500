/**
 * Initiative timelines (SPEC §12), built in two passes over an archive's
 * Documents so that no more than one Document is held at a time:
 *
 * 1. `learn` each Document: the names of its initiative and organization
 *    entities and its abbreviations, grouped into keys (keys.ts);
 * 2. `collect` each Document again: every commitment whose text (or label)
 *    names a key, in any of its forms, becomes a compact event; a title
 *    that names it, a release-level event.
 *
 * Multi-word names match on normalised words; a one-word name ("iCET",
 * "TRUST", "AUKUS") only as written, so "trust" in a sentence is not TRUST
 * (name-matcher.ts). A name the archive's mentions type as a country, a
 * person or a place more often than as an initiative or organization makes
 * no key: one "U.S" typed an organization must not gather every sentence
 * that names the United States (SPEC §6: "U.S." is a country); nor does a
 * one-word name the archive's texts mostly write without calling it one
 * (one-word-names.ts).
 */
import { createHash } from 'node:crypto'
import type { Commitment, Document, Entity } from '../schema/document.js'
import { NameGroups, normaliseName } from './keys.js'
import { NameMatcher } from './name-matcher.js'
import { OneWordNames } from './one-word-names.js'
import { bump } from './tally.js'
import { TimelineEvents, type CollectedEvent } from './timeline-events.js'
import type { Timeline, TimelineEvent, TimelineHead, TimelineParts } from './timeline-types.js'

// The types, from their own module: the reader and the databases need them without the builder.
export type { Timeline, TimelineEvent, TimelineHead, TimelineParts }

/** Entity types whose mentions make timelines. */
export const TIMELINE_TYPES = new Set(['initiative', 'organization'])

export const slugOf = (key: string) =>
  `${key.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'key'}-${createHash('sha1').update(key).digest('hex').slice(0, 6)}`

type DocumentMeta = Pick<Document, 'id' | 'title' | 'date'>

/** A commitment's text as its timeline event holds it and names are matched in: label, then text. */
const commitmentText = (c: Pick<Commitment, 'text' | 'label'>) => (c.label ? `${c.label} ${c.text}` : c.text)

/** What a timeline reads of a Document: a whole one, or one read back from a database's rows (timeline-sources.ts). */
export type TimelineSource = DocumentMeta &
  Pick<Document, 'abbreviations'> & {
    commitments: Array<Pick<Commitment, 'id' | 'index' | 'text' | 'label'> & { action: Pick<Commitment['action'], 'class' | 'modality'>; entities: Array<Pick<Entity, 'text' | 'type' | 'canonical'>> }>
  }

export class TimelineBuilder {
  private readonly groups = new NameGroups()
  /** Normalised name → its spellings as written, counted. */
  private readonly spellings = new Map<string, Map<string, number>>()
  private readonly types = new Map<string, Map<string, number>>()
  /** Mentions of a name typed as no initiative or organization (a country, a person, a place…). */
  private readonly otherTypes = new Map<string, number>()
  /**
   * Names that make no key: typed otherwise more often than not ("U.S." a
   * country 767 times, an organization once), or one-word names the texts
   * mostly write without calling them a name ("President").
   */
  private readonly noKey = new Set<string>()
  private readonly oneWord = new OneWordNames()
  private readonly entityNames = new Set<string>()
  private keys = new Map<string, string>()
  private readonly matcher = new NameMatcher()
  private readonly events: TimelineEvents
  /** Per key, counted as events come (Documents come in order): its events and releases, which order the timelines. */
  private readonly counts = new Map<string, { events: number; releases: number; last: string }>()

  /** `spill`: a folder where the events of a large archive wait on disk, past `spillAfter` events (timeline-events.ts). */
  constructor(options: { spill?: string; spillAfter?: number } = {}) {
    this.events = new TimelineEvents(options.spill, options.spillAfter)
  }

  private spelled(name: string, written: string): string {
    if (!name) return name
    this.groups.add(name)
    const map = this.spellings.get(name) ?? new Map<string, number>()
    bump(map, written.trim())
    this.spellings.set(name, map)
    return name
  }

  /** Pass 1: names and abbreviations. */
  learn(document: TimelineSource): void {
    for (const a of document.abbreviations) {
      const long = this.spelled(normaliseName(a.long), a.long)
      const short = this.spelled(normaliseName(a.short), a.short)
      this.groups.union(long, short)
      this.oneWord.define(short, a.long)
    }
    for (const c of document.commitments) {
      this.oneWord.learn(commitmentText(c), c.entities)
      for (const e of c.entities) {
        if (!TIMELINE_TYPES.has(e.type)) {
          const name = this.nameOf(e.text)
          if (name) bump(this.otherTypes, name)
          continue
        }
        const name = this.spelled(this.nameOf(e.text), e.text)
        if (!name) continue
        this.entityNames.add(name)
        const types = this.types.get(name) ?? new Map<string, number>()
        bump(types, e.type)
        this.types.set(name, types)
        if (e.canonical) this.groups.union(this.spelled(normaliseName(e.canonical), e.canonical), name)
        const inner = /\(([^()]+)\)\s*$/u.exec(e.text)?.[1]
        if (inner) this.groups.union(name, this.spelled(normaliseName(inner), inner))
      }
    }
  }

  /** Between the passes: keys, and the matchers of every form of every key. */
  prepare(): void {
    this.groups.joinSuffixes()
    this.keys = this.groups.keys()
    const typed = (name: string) => {
      let own = 0
      for (const n of this.types.get(name)?.values() ?? []) own += n
      return own
    }
    for (const name of this.entityNames) if ((this.otherTypes.get(name) ?? 0) > typed(name)) this.noKey.add(name)
    for (const name of this.keys.keys()) {
      if (!name.includes(' ') && this.oneWord.unfit(name, this.spellings.get(name)?.keys() ?? [], typed(name))) this.noKey.add(name)
    }
    const wanted = new Set([...this.entityNames].filter((n) => !this.noKey.has(n)).map((n) => this.keys.get(n)!))
    for (const [name, key] of this.keys) {
      if (!wanted.has(key) || this.noKey.has(name)) continue
      this.matcher.add(name, key, this.spellings.get(name)?.keys() ?? [])
    }
  }

  /** An event of the Document `id`. */
  private event(key: string, value: CollectedEvent, id: string): void {
    this.events.add(key, value)
    const count = this.counts.get(key)
    if (!count) this.counts.set(key, { events: 1, releases: 1, last: id })
    else {
      count.events++
      if (count.last !== id) count.releases++
      count.last = id
    }
  }

  private readonly normalised = new Map<string, string>()

  /** A name as written, normalised once per spelling. */
  private nameOf(text: string): string {
    let name = this.normalised.get(text)
    if (name === undefined) this.normalised.set(text, (name = normaliseName(text)))
    return name
  }

  /** The key of an entity as written; '' for a name typed otherwise. */
  private keyOf(text: string): string {
    const name = this.nameOf(text)
    return this.noKey.has(name) ? '' : (this.keys.get(name) ?? name)
  }

  /** Pass 2: the events of one Document. */
  collect(document: TimelineSource): void {
    const doc = this.events.document({ id: document.id, title: document.title, date: document.date })
    if (document.title) for (const key of this.matcher.named(document.title)) this.event(key, { doc, date: document.date, commitment: null, class: null, modality: null, text: document.title, order: -1 }, document.id)
    for (const c of document.commitments) {
      // One string per commitment, shared by the events of all its keys.
      const text = commitmentText(c)
      const keys = this.matcher.named(text)
      for (const e of c.entities) if (TIMELINE_TYPES.has(e.type)) keys.add(this.keyOf(e.text))
      keys.delete('')
      for (const key of keys) this.event(key, { doc, date: document.date, commitment: c.id, class: c.action.class, modality: c.action.modality, text, order: c.index }, document.id)
    }
  }

  /** The timelines, the initiatives in the most releases first (once: it hands over the events it collected). */
  build(): Timeline[] {
    return [...this.timelines()]
  }

  /** The timelines one at a time, in the order of `build`, each whole. */
  *timelines(): Generator<Timeline> {
    for (const { head, events } of this.parts()) yield { ...head, events: [...events] }
  }

  /**
   * The timelines one at a time, each as its head and its events: an
   * archive's are written as they are made, and a spilled build's events
   * come from disk as they are read (read them through before the next).
   */
  *parts(): Generator<TimelineParts> {
    const members = new Map<string, string[]>()
    for (const [name, key] of this.keys) {
      if (this.noKey.has(name)) continue
      const list = members.get(key)
      if (list) list.push(name)
      else members.set(key, [name])
    }
    const order = [...this.counts].sort(([ka, a], [kb, b]) => b.releases - a.releases || b.events - a.events || (ka < kb ? -1 : 1))
    try {
      for (const [key] of order) yield this.timeline(key, members.get(key) ?? [key])
    } finally {
      this.events.close()
    }
  }

  private timeline(key: string, names: string[]): TimelineParts {
    const { docs, latestClass, events } = this.events.take(key)
    // The head's figures from the Documents that name the key, not its events: the events are not held.
    const ids = new Set<string>()
    let first: string | null = null
    let last: string | null = null
    for (const { id, date } of docs) {
      ids.add(id)
      if (date !== null && (first === null || date < first)) first = date
      if (date !== null && (last === null || date > last)) last = date
    }
    const spelled = new Map<string, number>()
    const types = new Map<string, number>()
    for (const name of names) {
      for (const [written, n] of this.spellings.get(name) ?? []) bump(spelled, written, n)
      for (const [type, n] of this.types.get(name) ?? []) bump(types, type, n)
    }
    const byCount = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k)
    const spellings = byCount(spelled)
    const head: TimelineHead = {
      key,
      slug: slugOf(key),
      name: spellings.find((s) => s.includes(' ')) ?? spellings[0] ?? key,
      type: byCount(types)[0] ?? 'initiative',
      aliases: spellings.slice(0, 20),
      names: [...names].sort(),
      releases: ids.size,
      first,
      last,
      latestClass
    }
    return { head, events }
  }
}
