/**
 * Stage: action (SPEC §5). Decides each item's action verb, class and
 * modality; a verb the lexicon lacks becomes class `other` with a warning
 * naming it, so users can grow the lexicon from the batch report.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { decideAction } from '../action/decide.js'
import { perConfig } from '../config/per-config.js'
import { buildLexicon } from '../lexicon/verbs.js'
import type { ClassifiedItem } from './data.js'
import { hasFatal } from './guard.js'

/** Lexicons are compiled once per config object, not once per file. */
export const lexiconFor = perConfig((config) => buildLexicon(config))

/**
 * The words the action is read from (SPEC §5 applies to the commitment's
 * text). A text that only finishes its label's sentence ("**Establish a
 * Task Force**, led by Australia…") is read together with the label.
 */
export function actionText(item: { label?: string; text: string }): string {
  if (item.label !== undefined && /^\p{Ll}/u.test(item.text)) return `${item.label} ${item.text}`
  return item.text
}

export default function action() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const lexicon = lexiconFor(file.data.config)
    file.data.classified = (file.data.items ?? []).map((item): ClassifiedItem => {
      const decision = decideAction(actionText(item), lexicon)
      if (decision.unknown) {
        file.message(`Unexpected action verb \`${decision.unknown}\`, expected a verb listed in the lexicon`, {
          place: item.position,
          ruleId: 'unknown-verb',
          source: 'commitments'
        })
      }
      return {
        ...item,
        action: { verb: decision.verb, phrase: decision.phrase, class: decision.class, modality: decision.modality },
        reason: decision.reason,
        topics: []
      }
    })
  }
}
