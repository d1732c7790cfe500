/**
 * Modality (SPEC §5): `done` for past and perfect, `ongoing` for the
 * present and gerund-led bullets, `planned` for "will" and intent verbs,
 * `proposed` for "would", "could", "may" and exploring verbs.
 */
import type { ActionClass, Modality } from '../schema/document.js'
import * as words from '../lexicon/function-words.js'
import type { VerbForm } from '../lexicon/verbs.js'

/** A verb-led bullet: "Announcing…", "Advances…" are ongoing, "Provided…" done, "Facilitate…" planned. */
export function leadModality(gerund: boolean, kind: VerbForm['kind'] | undefined): Modality {
  return gerund || kind === 's' ? 'ongoing' : kind === 'past' ? 'done' : 'planned'
}

/** `will`/`shall` plan; `would`/`could`/`may` propose. */
export function modalModality(word: string): Modality {
  return words.MODALS_PROPOSED.has(word) ? 'proposed' : 'planned'
}

/** "was", "had", "has" (done); "is", "does" (ongoing). */
export function auxiliaryModality(word: string): Modality {
  return words.PAST_AUX.has(word) || words.HAVE.has(word) ? 'done' : 'ongoing'
}

/** Exploring verbs ("explore", "seeks to") propose rather than do, unless done. */
export function withClass(cls: ActionClass, modality: Modality): Modality {
  return cls === 'exploring' && modality !== 'done' ? 'proposed' : modality
}
