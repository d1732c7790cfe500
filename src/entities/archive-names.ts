/**
 * Names learned from the archive (issue 17): an acronym one release defines,
 * whose long form gives it a type ("President's Emergency Plan for
 * Adaptation and Resilience (PREPARE)": an initiative), types the same
 * acronym in the releases after it in the run where nothing but its shape
 * typed it (`entities/acronym-organization`, the weakest default).
 *
 * A per-run gazetteer, learned in the main thread as Documents are
 * written, and applied twice: to each release as it is written (with what
 * the releases before it taught), and once the run has read everything, to
 * the releases written before a definition came (`revisit`, `settle`), so
 * that the outcome does not depend on the order of the inputs nor on the
 * workers' timing. Only acronyms and the ids of the Documents that hold
 * them are kept, never the Documents. An acronym two releases define with
 * different types is left alone (typed by its shape), and so is a release
 * that defines the acronym itself with another long form.
 */
import type { Document, EntityType } from '../schema/document.js'
import type { RuleDoc } from '../schema/rules.js'

export const ARCHIVE_RULE = 'entities/same-name-in-archive'

/** The archive's rule, for the entities' rules table (SPEC §9). */
export const ARCHIVE_RULES: RuleDoc[] = [
  {
    id: ARCHIVE_RULE,
    what: 'An acronym typed only by its shape takes the type another release of the same run (before or after it) gave it through its long form (entities/abbreviation-long-form), unless releases disagree or this release defines it otherwise.',
    example: 'Release 1: "the Japan-U.S.-Mekong Power Partnership (JUMPP)"; release 2: "JUMPP will fund grid studies."',
    yields: 'JUMPP in release 2: initiative'
  }
]

interface Learned {
  /** null once two releases disagree. */
  type: EntityType | null
  long: string
}

export class ArchiveNames {
  private readonly acronyms = new Map<string, Learned>()
  /**
   * Acronym → the Documents written with it typed by its shape or by this
   * rule, and the type they were written with, as pairs in one array (id,
   * type, id, type…); a Document noted again is paired again, and its last
   * pair counts. A Map per acronym was about 140 bytes a release held to
   * the end of a run.
   */
  private readonly holders = new Map<string, string[]>()

  /** Learn the acronyms a Document typed by their long form. */
  learn(document: Document): void {
    const own = new Map(document.abbreviations.map((a) => [a.short, a.long]))
    for (const commitment of document.commitments) {
      for (const entity of commitment.entities) {
        if (entity.rule !== 'entities/abbreviation-long-form') continue
        const known = this.acronyms.get(entity.text)
        if (!known) this.acronyms.set(entity.text, { type: entity.type, long: own.get(entity.text) ?? entity.canonical ?? '' })
        else if (known.type !== entity.type) known.type = null
      }
    }
  }

  /** Note which of a written Document's acronyms a later definition could retype. */
  note(document: Document): void {
    // Each acronym once, with the type it was last written with.
    const types = new Map<string, EntityType>()
    for (const commitment of document.commitments) {
      for (const entity of commitment.entities) if (entity.rule === 'entities/acronym-organization' || entity.rule === ARCHIVE_RULE) types.set(entity.text, entity.type)
    }
    for (const [acronym, type] of types) {
      const written = this.holders.get(acronym)
      if (written) written.push(document.id, type)
      else this.holders.set(acronym, [document.id, type])
    }
  }

  /** The Documents written with a type the whole run's learning now changes (their ids, each once): only these are read back. */
  revisit(): Set<string> {
    const ids = new Set<string>()
    for (const [acronym, pairs] of this.holders) {
      const known = this.acronyms.get(acronym)
      if (!known) continue
      // Releases that disagree leave the acronym to its shape: an organization.
      const type = known.type ?? 'organization'
      const written = new Map<string, string>()
      for (let i = 0; i < pairs.length; i += 2) written.set(pairs[i]!, pairs[i + 1]!)
      for (const [id, was] of written) if (was !== type) ids.add(id)
    }
    return ids
  }

  /**
   * Type a Document's acronyms by what the whole run taught, whatever it
   * was typed with when written: what this rule typed is first put back to
   * its shape's typing. Whether anything changed.
   */
  settle(document: Document): boolean {
    const before = JSON.stringify(document.commitments)
    for (const commitment of document.commitments) {
      for (const entity of commitment.entities) if (entity.rule === ARCHIVE_RULE) Object.assign(entity, { type: 'organization', rule: 'entities/acronym-organization' })
    }
    this.apply(document)
    return JSON.stringify(document.commitments) !== before
  }

  /** Type a Document's shape-only acronyms by what earlier releases taught; whether anything changed. */
  apply(document: Document): boolean {
    const own = new Map(document.abbreviations.map((a) => [a.short, a.long.toLowerCase()]))
    let changed = false
    for (const commitment of document.commitments) {
      for (const entity of commitment.entities) {
        if (entity.rule !== 'entities/acronym-organization') continue
        const known = this.acronyms.get(entity.text)
        if (!known?.type || known.type === entity.type) continue
        // The release's own "(ABBR)" for something else: another name that shares the letters.
        const defined = own.get(entity.text)
        if (defined !== undefined && defined !== known.long.toLowerCase()) continue
        Object.assign(entity, { type: known.type, rule: ARCHIVE_RULE })
        changed = true
      }
    }
    return changed
  }
}
