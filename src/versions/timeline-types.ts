/**
 * What a timeline is (SPEC §12): one line of timelines.jsonl, as the build
 * (timelines.ts) makes it and the databases' `timelines` rows hold it.
 */

export interface TimelineEvent {
  date: string | null
  document: string
  title: string | null
  /** The commitment naming the key, or null when it is the release's title. */
  commitment: string | null
  class: string | null
  modality: string | null
  text: string
}

export interface Timeline {
  key: string
  /** A file-name-safe form of the key, for the report's page. */
  slug: string
  name: string
  type: string
  aliases: string[]
  /** Every normalised name of the key (what entity mentions are looked up by). */
  names: string[]
  releases: number
  first: string | null
  last: string | null
  /** Class of the latest commitment naming it: where the initiative stands. */
  latestClass: string | null
  events: TimelineEvent[]
}

/** A timeline but its events (`events`, last in a Timeline, is what makes a line megabytes). */
export type TimelineHead = Omit<Timeline, 'events'>

/** A timeline as its head and its events in order, read once. */
export interface TimelineParts {
  head: TimelineHead
  events: Iterable<TimelineEvent>
}

/** One event of a timeline, with its head (shared by its events) and its place among them: a `timelines` row. */
export interface TimelineEntry {
  timeline: TimelineHead
  ordinal: number
  event: TimelineEvent
}
