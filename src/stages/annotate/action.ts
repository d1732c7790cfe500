/**
 * Stage: action (SPEC §5). Decides each item's action verb, class,
 * modality and written subject (`actor`); a verb the lexicon lacks becomes
 * class `other` with a warning naming it, so users can grow the lexicon
 * from the batch report. A candidate sentence of a narrative paragraph
 * stays only when a main clause has a party for subject and an action
 * class other than `other` (SPEC §4 item 3); the rest is narrative.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { decideAction, type Decision } from '../../action/decide.js'
import { findEntities } from '../../entities/find-entities.js'
import { entryFor } from '../../lexicon/verbs.js'
import type { Action, Actor, Entity, LexiconEntry } from '../../schema/document.js'
import { decideSentence } from '../../sentences/commitment.js'
import { isPartySubject, mentionsParty, type EntityFinder } from '../../sentences/party.js'
import type { ClassifiedItem, Item } from '../data.js'
import { hasFatal } from '../guard.js'
import { gazetteerFor, isOrdinaryFor, lexiconFor } from './lexicons.js'

/**
 * The words the action is read from (SPEC §5 applies to the commitment's
 * text). A text that only finishes its label's sentence ("**Establish a
 * Task Force**, led by Australia…") is read together with the label.
 */
export function actionText(item: { label?: string; text: string }): string {
  if (item.label !== undefined && /^\p{Ll}/u.test(item.text)) return `${item.label} ${item.text}`
  return item.text
}

/** The subject as an actor with offsets into `text`, when it lies in `text` (`shift`: where `text` starts in what was read). */
function actorOf(text: string, subject: { start: number; end: number } | undefined, shift = 0): Actor | null {
  if (!subject || subject.start < shift) return null
  const start = subject.start - shift
  const end = subject.end - shift
  return { text: text.slice(start, end), start, end }
}

/** The action with the lexicon entry that gave its class, where one did (SPEC §9). */
const withEntry = (action: Action, lexicon: LexiconEntry | undefined): Action => (lexicon ? { ...action, lexicon } : action)

export default function action() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const config = file.data.config
    const lexicon = lexiconFor(config)
    const options = { isOrdinary: isOrdinaryFor(config), gazetteer: gazetteerFor(config) }
    const entities: EntityFinder = (text) => findEntities(text, options)
    const classified: ClassifiedItem[] = []
    let previous: string | undefined
    const keep = (item: Item, decision: Decision, actor: Actor | null) => {
      if (decision.unknown) {
        file.message(`Unexpected action verb \`${decision.unknown}\`, expected a verb listed in the lexicon`, {
          place: item.position,
          ruleId: 'unknown-verb',
          source: 'commitments'
        })
      }
      classified.push({
        ...item,
        actor,
        action: withEntry({ verb: decision.verb, phrase: decision.phrase, class: decision.class, modality: decision.modality, rule: decision.rule }, entryFor(lexicon, decision.verb)),
        reason: decision.reason,
        topics: []
      })
    }
    for (const item of file.data.items ?? []) {
      if (item.unit === 'sentence') {
        // "They", "he", "she" stand for a party when the sentence before names one.
        const before = previous
        const antecedent = () => before !== undefined && mentionsParty(before, entities)
        previous = item.text
        let mentions: Entity[] | undefined
        const mentionsOf = () => (mentions ??= entities(item.text))
        const sentence = decideSentence(item.text, lexicon, (subject) => isPartySubject(item.text, subject, mentionsOf, antecedent))
        if (sentence) keep(item, sentence.decision, actorOf(item.text, sentence.actor))
        continue
      }
      const text = actionText(item)
      const decision = decideAction(text, lexicon)
      keep(item, decision, actorOf(item.text, decision.subject, text.length - item.text.length))
    }
    file.data.classified = classified
    if (classified.length === 0) warnNoCommitment(file)
  }
}

/**
 * Silence is the failure users hit: a release with no commitment says so,
 * and why (SPEC §4: no list item, no labelled paragraph, no sentence with
 * a party for subject).
 */
function warnNoCommitment(file: VFile) {
  const blocks = file.data.blocks ?? []
  const sentences = (file.data.items ?? []).filter((item) => item.unit === 'sentence').length
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph' && !block.quote).length
  const why = [
    blocks.some((block) => block.kind === 'list') ? 'its list items are too short' : 'no list items',
    'no labelled paragraphs',
    sentences > 0
      ? `none of its ${sentences} sentences has a party for subject and an action`
      : paragraphs > 0
        ? 'no sentence long enough'
        : 'no narrative paragraphs'
  ]
  file.message(`Unexpected release with no commitment: ${why.join(', ')}; expected list items, labelled paragraphs or commitment sentences (SPEC §4)`, {
    ruleId: 'no-commitment',
    source: 'commitments'
  })
}
