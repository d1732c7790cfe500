/**
 * A rule as the rules reference lists it (SPEC §9): its id (the `rule` an
 * output field names), what it does, and an example text that fires it.
 * Each family of rules (action, entities, dates, amounts) exports its
 * table as `RuleDoc[]`; the reference is generated from those tables, and
 * each family's test runs every example and expects its rule to fire.
 */
import * as z from 'zod'

export const RuleFamily = z.enum(['action', 'entities', 'dates', 'amounts'])
export type RuleFamily = z.infer<typeof RuleFamily>

export const RuleDoc = z.object({
  id: z.string().regex(/^(action|entities|dates|amounts)\/[a-z0-9]+(?:-[a-z0-9]+)*$/),
  what: z.string().min(1).describe('what the rule decides, in a sentence or two'),
  example: z.string().min(1).describe('a text that fires the rule'),
  yields: z.string().optional().describe('what the rule makes of the example, as a person reads it (e.g. "verb launch, launching, planned")')
})
export type RuleDoc = z.infer<typeof RuleDoc>
