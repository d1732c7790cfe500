/**
 * The amount rules' table for the rules reference (SPEC §9): each id an
 * `Amount.rule` can name, what it does, and an example that fires it
 * (`yields`: the mention, its value and unit). The docs sit beside each
 * rule's pattern in `find-amounts.ts`, so the table cannot drift from the
 * code.
 */
import type { RuleDoc } from '../schema/rules.js'
import { docsOf } from '../text/spans.js'
import { RULES } from './find-amounts.js'

export const amountRules: RuleDoc[] = docsOf(RULES)
