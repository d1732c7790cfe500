/**
 * What the action rules decide (SPEC §5), and the rule that decided it
 * (SPEC §9): every decision names the id of a rule in `actionRules`.
 */
import type { ActionClass, Modality } from '../schema/document.js'
import type { RuleDoc } from '../schema/rules.js'

export interface Decision {
  verb: string | null
  phrase: string | null
  class: ActionClass
  modality: Modality
  /** The id of the rule that made the decision (SPEC §9), listed in `actionRules`. */
  rule: string
  /** The rules that led there, as a person reads them ("subject, main verb, complement of agree"). */
  reason: string
  /** Set when the verb is not in the lexicon (a warning names it). */
  unknown?: string
  /** The subject of the verb's clause, as offsets into the text (SPEC §5 `actor`); unset for a verb-led bullet. */
  subject?: { start: number; end: number }
}

/** A finite verb, modal or auxiliary found where a clause's verb group begins. */
export interface Hit {
  index: number
  kind: 'modal' | 'aux' | 'finite' | 'present' | 'imperative'
  modality: Decision['modality']
  /** Token index where the clause's subject begins, when the rule found one. */
  subject?: number
  /** Compromise, not the lexicon, saw the finite verb (`action/unknown-finite`). */
  tagged?: boolean
}

/** Why a decision was made: the rule's id and the reason as a person reads it. */
export interface Why {
  rule: string
  reason: string
}

/** A decision with no action verb (SPEC §5 rule 4). */
export function none(why: Why): Decision {
  return { verb: null, phrase: null, class: 'other', modality: 'ongoing', rule: why.rule, reason: why.reason }
}

/** A rule table keyed by the name the code uses, each entry a `RuleDoc`. */
export function ruleTable<const T extends Record<string, RuleDoc>>(table: T): T {
  return table
}
