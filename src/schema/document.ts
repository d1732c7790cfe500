/**
 * The output contract (SPEC §9): every type the pipeline emits is derived
 * from these zod schemas, and `commitments schema` prints their JSON Schema.
 */
import * as z from 'zod'
import { SCHEMA_VERSION } from './version.js'

/** A point in the source file: 1-based line and column, 0-based offset. */
export const Point = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  offset: z.number().int().min(0)
})
export type Point = z.infer<typeof Point>

/** A span of the source file. */
export const Position = z.object({ start: Point, end: Point })
export type Position = z.infer<typeof Position>

/** What the verb says about the commitment (SPEC §5). */
export const ActionClass = z.enum([
  'launching',
  'advancing',
  'celebrating',
  'welcoming',
  'noting',
  'exploring',
  'other'
])
export type ActionClass = z.infer<typeof ActionClass>

/** Whether the action is done, under way, planned or only proposed. */
export const Modality = z.enum(['done', 'ongoing', 'planned', 'proposed'])
export type Modality = z.infer<typeof Modality>

/** The lexicon entry that decided (SPEC §9): the verb or name as listed, and whether the bundled lexicon or the user's config lists it. */
export const LexiconEntry = z.object({
  entry: z.string(),
  source: z.enum(['bundled', 'config'])
})
export type LexiconEntry = z.infer<typeof LexiconEntry>

export const Action = z.object({
  verb: z.string().nullable().describe('Lemma of the action verb, lowercase, with its particle for phrasal verbs'),
  phrase: z.string().nullable().describe('The verb as written in the text'),
  class: ActionClass,
  modality: Modality,
  rule: z.string().describe('the id of the rule that decided the verb, its class and modality (SPEC §9), e.g. action/lead-gerund'),
  lexicon: LexiconEntry.optional().describe("The verb lexicon's entry that gave the class, where one did")
})
export type Action = z.infer<typeof Action>

export const EntityType = z.enum(['country', 'organization', 'person', 'place', 'initiative', 'product'])
export type EntityType = z.infer<typeof EntityType>

/** `start`/`end` are UTF-16 offsets into the commitment's `text`. */
export const Entity = z.object({
  text: z.string(),
  type: EntityType,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  canonical: z.string().optional(),
  rule: z.string().describe('the id of the rule that found and typed the mention (SPEC §9), e.g. entities/gazetteer-country'),
  lexicon: LexiconEntry.optional().describe('The gazetteer entry that typed the mention, where one did')
})
export type Entity = z.infer<typeof Entity>

export const DateMention = z.object({
  text: z.string(),
  value: z.string().describe('TIMEX3 value'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  from: z.string().optional(),
  to: z.string().optional(),
  mod: z.string().optional(),
  rule: z.string().describe('the id of the rule that found and resolved the date (SPEC §9), e.g. dates/relative-season')
})
export type DateMention = z.infer<typeof DateMention>

export const Amount = z.object({
  text: z.string(),
  value: z.number().describe('The amount; for a range, its lower end'),
  unit: z.string().describe('ISO 4217 code or %'),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  max: z.number().optional().describe('The upper end of a range written as one amount ("$2-3 billion")'),
  mod: z
    .enum(['EQUAL_OR_LESS', 'MORE_THAN', 'EQUAL_OR_MORE', 'LESS_THAN', 'APPROX'])
    .optional()
    .describe('A qualifier before the amount ("up to", "more than", "at least", "less than", "about"), in TIMEX3 terms'),
  rule: z.string().describe('the id of the rule that found the amount (SPEC §9), e.g. amounts/currency-scale')
})
export type Amount = z.infer<typeof Amount>

export const Link = z.object({ text: z.string(), url: z.string() })
export type Link = z.infer<typeof Link>

/** Which kind of commitment (SPEC §4): a list item, a labelled paragraph, or a sentence of a narrative paragraph. */
export const Unit = z.enum(['item', 'paragraph', 'sentence'])
export type Unit = z.infer<typeof Unit>

/** Who acts (SPEC §5): the subject as written, with UTF-16 offsets into the commitment's `text`. */
export const Actor = z.object({
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  canonical: z
    .string()
    .optional()
    .describe("One country's ISO 3166-1 alpha-2 code; for a first-person plural, the document's parties' codes joined by '+' (US+IN)")
})
export type Actor = z.infer<typeof Actor>

export const Commitment = z.object({
  id: z.string().describe('Stable: document id + section heading + normalised text'),
  index: z.number().int().min(0).describe('Order in the document'),
  unit: Unit,
  sectionIndex: z.number().int().min(-1).describe('-1 for the preamble'),
  section: z.string().nullable(),
  parentId: z.string().optional(),
  context: z.string().optional(),
  label: z.string().optional(),
  text: z.string().min(1),
  actor: Actor.nullable().describe('The subject of the action verb, or null where none is written (a verb-led bullet)'),
  action: Action,
  entities: z.array(Entity),
  dates: z.array(DateMention),
  amounts: z.array(Amount),
  links: z.array(Link),
  topics: z.array(z.string()),
  position: Position
})
export type Commitment = z.infer<typeof Commitment>

export const Section = z.object({
  index: z.number().int().min(0),
  heading: z.string(),
  level: z.number().int().min(1).max(6),
  position: Position
})
export type Section = z.infer<typeof Section>

export const Warning = z.object({
  message: z.string(),
  ruleId: z.string(),
  position: Position.optional()
})
export type Warning = z.infer<typeof Warning>

export const DocumentKind = z.enum(['fact-sheet', 'joint-statement', 'statement', 'readout', 'other'])
export type DocumentKind = z.infer<typeof DocumentKind>

export const Source = z.object({
  path: z.string().optional(),
  url: z.string().optional(),
  format: z.enum(['markdown', 'html', 'record']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  record: z
    .object({
      line: z.number().int().min(1),
      field: z.enum(['html', 'markdown', 'text'])
    })
    .optional()
    .describe("A record of a .jsonl/.ndjson file: its line, and the field holding the release; positions are then in that field's text")
})
export type Source = z.infer<typeof Source>

export const Document = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().describe('Stable: from source_url if known, else content hash'),
    source: Source,
    title: z.string().nullable(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    publishedAt: z.string().optional(),
    modifiedAt: z.string().optional(),
    kind: DocumentKind.optional(),
    tags: z.array(z.string()),
    abbreviations: z.array(z.object({ short: z.string(), long: z.string() })),
    sections: z.array(Section),
    commitments: z.array(Commitment),
    warnings: z.array(Warning)
  })
  .meta({ title: 'Document', description: 'One release: its metadata, sections and commitments (SPEC §9).' })
export type Document = z.infer<typeof Document>

/** The output schemas, in their own registry: each becomes a `$defs` entry of the JSON Schema. */
export const outputRegistry = z.registry<{ id: string; title?: string; description?: string }>()
outputRegistry.add(Commitment, { id: 'Commitment', description: 'One commitment: an item of the release with its action and annotations.' })
outputRegistry.add(Section, { id: 'Section' })
outputRegistry.add(Action, { id: 'Action' })
outputRegistry.add(Actor, { id: 'Actor' })
outputRegistry.add(Entity, { id: 'Entity' })
outputRegistry.add(DateMention, { id: 'DateMention' })
outputRegistry.add(Amount, { id: 'Amount' })
outputRegistry.add(Link, { id: 'Link' })
outputRegistry.add(Position, { id: 'Position' })
outputRegistry.add(Warning, { id: 'Warning' })

/** The JSON Schema of the output, as `commitments schema` prints it. */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Document, { target: 'draft-2020-12', metadata: outputRegistry }) as Record<string, unknown>
}
