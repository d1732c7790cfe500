/**
 * Which verb is the action verb, its class and its modality (SPEC §5), and
 * the rule that decided it (SPEC §9).
 *
 * The lexicon decides first; compromise is asked only to confirm an
 * ambiguous present-tense form ("projects", "welcome") or to lemmatise a
 * verb the lexicon lacks, and only on the first sentence. The rules are
 * tables (`rules.ts` lists them all): the sentence's shape (`shape.ts`)
 * finds the verb, the verb group rules (`verb-group.ts`, `verb.ts`) refine
 * it; the last rule that changed the decision is its `rule`.
 */
import type { Lexicon } from '../lexicon/verbs.js'
import type { Decision } from './decision.js'
import { Sentence } from './sentence.js'
import { decideShape } from './shape.js'

export type { Decision } from './decision.js'

/** Decide the action of one commitment text. */
export function decideAction(text: string, lexicon: Lexicon): Decision {
  return decideShape(new Sentence(text, lexicon))
}
