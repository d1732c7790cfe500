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
import { findDates, type Tense } from '../../dates/find-dates.js'
import lexicon from '../../dates/lexicon.json' with { type: 'json' }
import { sentenceTense } from '../../nlp/compromise.js'
import { hasFatal } from '../guard.js'

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

/** Index of the last value below `offset` in a sorted list, -1 if none. */
function lastBelow(list: number[], offset: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < offset) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

const MARK = /[.!?;]/
const SPACE = /\s/

/**
 * The sentences of `text`: a function from an offset to the bounds of the
 * sentence holding it. A sentence starts after a mark followed by a space
 * and ends at a mark followed by a space or the end. The marks are found
 * once per text (a scan per mention was quadratic: "in June " repeated
 * over 100 KB took 21 s).
 */
export function sentenceBounds(text: string): (offset: number) => [number, number] {
  const marks: number[] = []
  const ends: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (!MARK.test(text[i]!)) continue
    marks.push(i)
    if (i + 1 === text.length || SPACE.test(text[i + 1]!)) ends.push(i)
  }
  return (offset) => {
    // Only the last mark before the offset can open its sentence.
    const mark = marks[lastBelow(marks, offset)]
    const start = mark !== undefined && mark + 1 < offset && SPACE.test(text[mark + 1]!) ? mark + 1 : 0
    const end = ends[lastBelow(ends, offset) + 1]
    return [start, end === undefined ? text.length : end + 1]
  }
}

export default function dates() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    const anchor = file.data.meta?.date ?? null
    const cache = new Map<string, Tense>()
    for (const item of file.data.classified ?? []) {
      const { modality } = item.action
      const fallback: Tense = modality === 'done' ? 'past' : modality === 'planned' || modality === 'proposed' ? 'future' : undefined
      const bounds = sentenceBounds(item.text)
      // One tense per sentence: a sentence holding many months is read once.
      const tenses = new Map<number, Tense>()
      item.dates = findDates(item.text, anchor, (offset) => {
        const [start, end] = bounds(offset)
        if (!tenses.has(start)) tenses.set(start, tenseOf(item.text.slice(start, end), fallback, cache))
        return tenses.get(start)
      })
    }
  }
}
