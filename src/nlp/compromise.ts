/**
 * The one place that touches compromise. It is used only where the lexicon
 * cannot decide (a verb it does not list), and only on the span needed: it
 * mis-tags bullet-initial gerunds and runs slowly on whole texts, so the
 * lexicon decides first (see STYLE.md).
 *
 * `compromise/two` is the tagger without the phrase-level plugins of the
 * full build (chunker, nouns, verbs…), whose `chunks` hook runs on every
 * call: the same tags on every commitment of the corpus (3,963 texts
 * compared), about a third faster. Importing the full `compromise`
 * anywhere in the process would bring the hook back (it extends the same
 * instance): only this module touches it.
 */
import type Nlp from 'compromise/two'
import { loadTwo } from './compromise-two.js'
import { sweepPlugin } from './sweep.js'

// Word lookups come from a file derived from compromise's lexicon, without loading it.
export { lexiconGivenName, lexiconKnows, lexiconOrganization, listedAsAdjective, listedAsNonVerb } from './lexicon.js'

/**
 * compromise unpacks its lexicon when it is loaded (about 0.25 s of CPU):
 * it is loaded on first use, so a command or a release that never asks
 * does not pay (word lookups never load it: ./lexicon.ts).
 */
let loaded: { nlp: typeof Nlp; model: unknown; transform: { toInfinitive: (word: string, model: unknown, tense?: string) => string } } | undefined
function compromise() {
  if (!loaded) {
    const nlp = loadTwo()
    // The same tags, its post-tagger's sweep found faster (sweep.ts).
    nlp.plugin(sweepPlugin as Parameters<typeof nlp.plugin>[0])
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    loaded = { nlp, model: nlp.model(), transform: (nlp.methods() as any).two.transform.verb }
  }
  return loaded
}

export interface TaggedTerm {
  text: string
  start: number
  end: number
  tags: Set<string>
}

/**
 * Tag a sentence; offsets are UTF-16 offsets into `text`. Reads compromise's
 * terms directly after computing offsets: the same tags as `.json()`
 * without building its output objects (about 10% faster).
 */
export function tagTerms(text: string): TaggedTerm[] {
  const doc = compromise().nlp(text)
  doc.compute('offset')
  const out: TaggedTerm[] = []
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  for (const sentence of (doc as any).docs as Array<Array<{ text: string; tags: Set<string>; offset: { start: number; length: number } }>>) {
    for (const term of sentence) out.push({ text: term.text, start: term.offset.start, end: term.offset.start + term.offset.length, tags: new Set(term.tags) })
  }
  return out
}

/** The infinitive of a verb form (`envisioned` → `envision`), guessing the tense from its ending. */
export function toInfinitive(word: string): string {
  const lower = word.toLowerCase()
  const tense = /ing$/.test(lower) ? 'Gerund' : /(ed|en)$/.test(lower) ? 'PastTense' : /s$/.test(lower) ? 'PresentTense' : 'Infinitive'
  if (tense === 'Infinitive') return lower
  const { transform, model } = compromise()
  const lemma = transform.toInfinitive(lower, model, tense)
  return typeof lemma === 'string' && lemma ? lemma.toLowerCase() : lower
}

/**
 * The tense a sentence is told in: `future` when it has a future form,
 * `past` when it has a past-tense verb, else undefined. (Lexical cues such
 * as "ahead of" are the caller's: they are data.)
 */
export function sentenceTense(sentence: string): 'past' | 'future' | undefined {
  const doc = compromise().nlp(sentence)
  if (doc.has('#FutureTense')) return 'future'
  if (doc.has('#PastTense')) return 'past'
  return undefined
}
