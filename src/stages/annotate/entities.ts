/**
 * Stage: entities (SPEC §6). The document's abbreviations first
 * ("Defense Acceleration Ecosystem (INDUS-X)", Schwartz–Hearst), then the
 * mentions of each commitment, short and long forms sharing a canonical
 * name; countries take their ISO 3166-1 alpha-2 code.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { findAbbreviations } from '../../entities/abbreviations.js'
import { findEntities, WEAK_RULES, type Typed } from '../../entities/find-entities.js'
import { hasFatal } from '../guard.js'
import { gazetteerFor, isOrdinaryFor } from './lexicons.js'

export default function entities() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const items = file.data.classified ?? []
    const abbreviations = findAbbreviations(items.map((item) => item.text))
    file.data.abbreviations = abbreviations
    const isOrdinary = isOrdinaryFor(file.data.config)
    const byShort = new Map(abbreviations.map((a) => [a.short, a.long]))
    const learned = new Map<string, Typed>()
    for (const item of items) {
      item.entities = findEntities(item.text, { isOrdinary, abbreviations: byShort, learned, gazetteer: gazetteerFor(file.data.config) })
    }
    // A name typed by its shape alone takes the type the release gave it with evidence anywhere, before or after.
    for (const item of items) {
      for (const entity of item.entities ?? []) {
        if (!WEAK_RULES.has(entity.rule)) continue
        const evidence = learned.get(entity.text) ?? learned.get(byShort.get(entity.text) ?? '')
        if (evidence) Object.assign(entity, { type: evidence.type, rule: 'entities/same-name-in-release' })
      }
    }
  }
}
