/**
 * What the stages pass forward on `file.data` (unified's way: no second
 * context object). Each stage reads what earlier stages left and adds its own.
 */
import type { Element, ElementContent } from 'hast'
import type { Action, Actor, Amount, DateMention, Document, Entity, Link, Position, Unit } from '../schema/document.js'
import type { ResolvedConfig } from '../config/schema.js'

/** Metadata read from front matter, a page's head, or a record. */
export interface Meta {
  title: string | null
  date: string | null
  publishedAt?: string
  modifiedAt?: string
  url?: string
  tags: string[]
  /**
   * The title is the first line of an untitled release (issue 12): that
   * line stays a section, so a title guessed from the body never changes
   * what is extracted.
   */
  titleFromBody?: boolean
}

/** The field of an archive record that holds the release. */
export type RecordField = 'html' | 'markdown' | 'text'

/** What a record says about its release, laid over what the content says. */
export type RecordMeta = Partial<Pick<Meta, 'title' | 'date' | 'url' | 'publishedAt' | 'tags'>>

/** A heading found in the body (SPEC §3). */
export interface HeadingBlock {
  kind: 'heading'
  /** Section index, in document order. */
  index: number
  text: string
  level: number
  position: Position
}

/** A paragraph as a person sees it (after `<br><br>` splits). */
export interface ParagraphBlock {
  kind: 'paragraph'
  nodes: ElementContent[]
  /** The nodes' visible text, normalised (`textOf`): made once, read by the boxes, items, actors and assemble stages. */
  text: string
  position: Position
  /** Set when the paragraph is an ALL-CAPS run-in whose lead-in is also a heading. */
  runInLabel?: string
  /** Set inside a block quote: its sentences are never commitments (SPEC §4). */
  quote?: boolean
}

/** A list, kept whole so the items stage can walk nested items. */
export interface ListBlock {
  kind: 'list'
  node: Element
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock

/** A commitment before classification. */
export interface Item {
  key: number
  unit: Unit
  parentKey?: number
  sectionIndex: number
  section: string | null
  label?: string
  context?: string
  text: string
  links: Link[]
  position: Position
}

/** An item with its action decided. */
export interface ClassifiedItem extends Item {
  action: Action
  actor: Actor | null
  /** Why the action was decided so (the rule), for reports and debugging. */
  reason: string
  topics: string[]
  /** Set by the entities, dates and amounts stages. */
  entities?: Entity[]
  dates?: DateMention[]
  amounts?: Amount[]
}

declare module 'vfile' {
  interface DataMap {
    config: ResolvedConfig
    format: 'markdown' | 'html' | 'record'
    sha256: string
    sourcePath: string
    /** A record of a `.jsonl` archive: its line, content field and metadata. */
    record: { line: number; field: RecordField; meta: RecordMeta }
    /** How the article body of an HTML page was found. */
    bodyFoundBy: 'container' | 'fragment' | 'fallback'
    meta: Meta
    blocks: Block[]
    sections: Document['sections']
    items: Item[]
    classified: ClassifiedItem[]
    abbreviations: Document['abbreviations']
    document: Document
    /** When the release's time budget runs out (`performance.now()`), set by `startClock`. */
    deadline: number
  }
}

export {}
