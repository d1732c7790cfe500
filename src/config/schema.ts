/**
 * The shape of `pipeline.config.ts`, validated with zod when it is loaded.
 */
import * as z from 'zod'
import { ActionClass } from '../schema/document.js'

export const PhrasalVerb = z.object({
  verb: z.string().min(1),
  particles: z.array(z.string().min(1)).min(1),
  class: ActionClass
})
export type PhrasalVerb = z.infer<typeof PhrasalVerb>

export const LexiconConfig = z.object({
  /** Verbs to add, or to move to another class: `{ advancing: ['champion'] }`. */
  verbs: z.partialRecord(ActionClass, z.array(z.string().min(1))).default({}),
  /** Irregular forms to add: `{ undergo: ['underwent', 'undergone'] }`. */
  irregular: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Phrasal verbs to add, keyed by their lemma: `{ 'team up': { verb: 'team', particles: ['up'], class: 'advancing' } }`. */
  phrasal: z.record(z.string(), PhrasalVerb).default({})
})

/**
 * What one release may hold. The largest release of the shared corpus is
 * 100 KB with 110 items nested 3 deep; the defaults leave 10–20× room and
 * keep a release within seconds and a few hundred MB (README, Limits).
 */
export const Limits = z.object({
  /** Bytes of one release's text, a record's content included (default: 1 MB). */
  bytes: z.number().int().min(1).default(1024 * 1024),
  /** Nesting of lists, quotes and HTML elements (default: 100; at most 200, which the stack holds in any thread). */
  depth: z.number().int().min(1).max(200).default(100),
  /** List items (default: 2,000). */
  items: z.number().int().min(1).default(2000),
  /** Characters of one item's text; a longer item is dropped with a warning (default: 20,000). */
  itemCharacters: z.number().int().min(100).default(20_000),
  /** Seconds one release may take, checked between stages (default: 30). */
  seconds: z.number().positive().default(30)
})
export type Limits = z.infer<typeof Limits>

export const PipelineConfig = z.object({
  /** Files or globs to extract when the CLI is given none (default: the bundled fixtures). */
  inputs: z.array(z.string().min(1)).default(['fixtures/*/input.*']),
  /** Output folder (default: `output`). */
  out: z.string().min(1).default('output'),
  /** Files read at once (default: 4). */
  concurrency: z.number().int().min(1).max(64).default(4),
  /** Worker threads for the CPU work (default: one per core; 0 runs everything in the main thread). */
  workers: z.number().int().min(0).max(64).optional(),
  /** Larger files are refused with a message rather than read (default: 20 MB; an archive of records may be this large, one release may not: see `limits.bytes`). */
  maxBytes: z.number().int().min(1).default(20 * 1024 * 1024),
  /** Per-release limits: a release past one is refused with a message naming it, and the batch goes on. */
  limits: Limits.prefault({}),
  /** Items with fewer words are dropped with a warning (default: 3, SPEC §4). */
  minWords: z.number().int().min(1).default(3),
  lexicon: LexiconConfig.prefault({}),
  /** Topic keywords to add: `{ space: ['lunar'] }`, merged with the bundled map. */
  topics: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Names to add to the entity gazetteers (`src/entities/gazetteer.json`): `{ organizations: ['Acme Corp'], countries: { IN: ['Bharat'] } }`. */
  entities: z
    .object({
      countries: z.record(z.string().regex(/^[A-Z]{2}$/), z.array(z.string().min(1))).default({}),
      places: z.array(z.string().min(1)).default([]),
      organizations: z.array(z.string().min(1)).default([]),
      initiatives: z.array(z.string().min(1)).default([]),
      products: z.array(z.string().min(1)).default([])
    })
    .prefault({})
})

/** What a config file may contain (every field optional). */
export type PipelineConfigInput = z.input<typeof PipelineConfig>
/** A config with every default filled in, plus the folder it was loaded from. */
export type ResolvedConfig = z.output<typeof PipelineConfig> & { root: string }
