/**
 * Names learned from the archive (issue 17): an acronym one release defines,
 * whose long form gives it a type ("President's Emergency Plan for
 * Adaptation and Resilience (PREPARE)": an initiative), types the same
 * acronym in the releases after it in the run where nothing but its shape
 * typed it (`entities/acronym-organization`, the weakest default).
 *
 * A per-run gazetteer, learned and applied in input order in the main
 * thread as Documents are written: a run's outputs do not depend on its
 * workers' timing, and only acronyms are held, never the Documents. An
 * acronym two releases define with different types is left alone, and so
 * is a release that defines the acronym itself with another long form.
 */
import type { Document, EntityType } from '../schema/document.js'
import type { RuleDoc } from '../schema/rules.js'

export const ARCHIVE_RULE = 'entities/same-name-in-archive'

/** The archive's rule, for the entities' rules table (SPEC §9). */
export const ARCHIVE_RULES: RuleDoc[] = [
  {
    id: ARCHIVE_RULE,
    what: 'An acronym typed only by its shape takes the type an earlier release of the same run gave it through its long form (entities/abbreviation-long-form), unless releases disagree or this release defines it otherwise.',
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
