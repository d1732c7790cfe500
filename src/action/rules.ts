/**
 * Every action rule (SPEC §5), as the rules reference lists it: the id a
 * decision's `rule` names, what it does, and an example that fires it.
 */
import type { RuleDoc } from '../schema/rules.js'
import { shapeRules } from './shape.js'
import { verbGroupRules } from './verb-group.js'
import { verbRules } from './verb.js'

export const actionRules: RuleDoc[] = [...Object.values(shapeRules), ...Object.values(verbGroupRules), ...Object.values(verbRules)]
