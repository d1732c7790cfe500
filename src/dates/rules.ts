/**
 * The date rules in the order they run (the order breaks ties between
 * equal spans), and their table for the rules reference (SPEC §9): each
 * id a `DateMention.rule` can name, what it does, and an example that
 * fires it in a release dated 2025-01-06 (`yields`: the mention and its
 * TIMEX3 value). The docs sit beside each rule's pattern, so the table
 * cannot drift from the code.
 */
import type { RuleDoc } from '../schema/rules.js'
import { docsOf } from '../text/spans.js'
import { dayRules } from './grammar/days.js'
import { periodRules } from './grammar/periods.js'
import { relativeRules } from './grammar/relative.js'
import { yearRules } from './grammar/years.js'
import type { DateRule } from './grammar/words.js'

export const RULES: DateRule[] = [...dayRules, ...periodRules, ...relativeRules, ...yearRules]

/** The release date the examples are read against. */
export const EXAMPLE_ANCHOR = '2025-01-06'

export const dateRules: RuleDoc[] = docsOf(RULES)
