/**
 * Stage: dates (SPEC §7). The time expressions of each commitment's text,
 * resolved against the release date (never the clock). The tense of the
 * sentence around a month written without a year tells which year it is in
 * ("In December, Congress bolstered…" in a January release is last
 * December); the action's modality stands in when the sentence has no verb
 * compromise can read, and spares asking it when the action is done.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { findDates, type Tense } from '../dates/find-dates.js'
import lexicon from '../dates/lexicon.json' with { type: 'json' }
import { sentenceTense } from '../nlp/compromise.js'
import { hasFatal } from './guard.js'

const FUTURE_CUE = new RegExp(`\\b(?:${lexicon.futureCues.phrases.map((p) => p.replace(/ /g, '\\s+')).join('|')})\\b`, 'i')

/**
 * The tense of the sentence around an offset: lexical future cues first;
 * then, when the commitment's own action is done, past without asking
 * compromise; else compromise's tags (cached per sentence, as one sentence
 * often holds two months: "between May and October").
 */
function tenseOf(sentence: string, fallback: Tense, cache: Map<string, Tense>): Tense {
  if (FUTURE_CUE.test(sentence)) return 'future'
  if (fallback === 'past') return 'past'
  if (!cache.has(sentence)) cache.set(sentence, sentenceTense(sentence))
  return cache.get(sentence) ?? fallback
}

/** The sentence of `text` that holds `offset`. */
function sentenceAt(text: string, offset: number): string {
  const before = text.slice(0, offset).search(/[.!?;]\s+[^.!?;]*$/)
  const start = before < 0 ? 0 : before + 1
  const after = /[.!?;](\s|$)/.exec(text.slice(offset))
  return text.slice(start, after ? offset + after.index + 1 : text.length)
}

export default function dates() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const anchor = file.data.meta?.date ?? null
    const cache = new Map<string, Tense>()
    for (const item of file.data.classified ?? []) {
      const { modality } = item.action
      const fallback: Tense = modality === 'done' ? 'past' : modality === 'planned' || modality === 'proposed' ? 'future' : undefined
      item.dates = findDates(item.text, anchor, (offset) => tenseOf(sentenceAt(item.text, offset), fallback, cache))
    }
  }
}
