/**
 * Stage: actors (SPEC §5). Gives an actor its `canonical` name where it is
 * one country (its ISO code, from the entity found in the actor's span) or
 * a first-person plural, which stands for the document's parties: the
 * countries its title names, else those of its first sentence, as codes
 * joined by `+` (`US+IN`). With fewer than two countries named, "we" has no
 * canonical: a single name does not say who "we" are.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { findEntities } from '../entities/find-entities.js'
import type { Entity } from '../schema/document.js'
import { splitSentences } from '../sentences/split.js'
import { textOf } from '../text/hast.js'
import { gazetteerFor, isOrdinaryFor } from './entities.js'
import { hasFatal } from './guard.js'

const FIRST_PLURAL = /^(?:we|our|us)\b/i
const PARTY_TYPES = new Set(['country', 'organization', 'person', 'initiative'])

/** The countries a text names, as ISO codes in order, each once. */
function countries(entities: Entity[]): string[] {
  return [...new Set(entities.filter((e) => e.type === 'country' && e.canonical).map((e) => e.canonical!))]
}

export default function actors() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const options = { isOrdinary: isOrdinaryFor(file.data.config), gazetteer: gazetteerFor(file.data.config) }
    let parties: string | null | undefined
    const documentParties = (): string | null => {
      if (parties !== undefined) return parties
      const title = countries(findEntities(file.data.meta?.title ?? '', options))
      let codes = title
      if (codes.length < 2) {
        const first = (file.data.blocks ?? []).find((block) => block.kind === 'paragraph')
        const text = first && first.kind === 'paragraph' ? textOf(first.nodes) : ''
        const sentence = splitSentences(text)[0]
        codes = sentence ? countries(findEntities(text.slice(sentence.start, sentence.end), options)) : []
      }
      parties = codes.length >= 2 ? codes.join('+') : null
      return parties
    }
    for (const item of file.data.classified ?? []) {
      const actor = item.actor
      if (!actor) continue
      if (FIRST_PLURAL.test(actor.text)) {
        const codes = documentParties()
        if (codes) actor.canonical = codes
        continue
      }
      const inside = (item.entities ?? []).filter((e) => e.start >= actor.start && e.end <= actor.end && PARTY_TYPES.has(e.type))
      if (inside.length === 1 && inside[0]!.type === 'country' && inside[0]!.canonical) actor.canonical = inside[0]!.canonical
    }
  }
}
