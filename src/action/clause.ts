/**
 * A main clause after a frame (SPEC §5 rule 2): "Reflecting the progress…,
 * NSA Sullivan announced…", "In 2023, the Department launched…",
 * "Recognizing that …, advance cooperation" (an imperative).
 */
import * as words from '../lexicon/function-words.js'
import type { Hit } from './decision.js'
import { finiteAt } from './finite.js'
import type { Sentence } from './sentence.js'

/** "Recognizing that …, advance cooperation", "To …, expand …": an imperative main clause may follow. */
export function allowsImperative(s: Sentence, i: number): boolean {
  return s.tokens[i + 1]?.lower === 'that' || s.tokens[i]?.lower === 'to'
}

/** "Building on this, …", "Given …, …", "Consistent with …, …". */
export function isParticipleFrame(s: Sentence, i: number): boolean {
  const token = s.tokens[i]!
  return /ing$|ed$/.test(token.lower) && token.capitalised && s.tokens.slice(i + 1).some((t) => t.text === ',')
}

/**
 * The first comma after `from` that opens a clause with its own subject
 * and finite verb; failing that (if allowed), one that opens an imperative.
 */
export function mainClauseAfterComma(s: Sentence, from: number, mode: 'gerund' | 'frame', imperative: boolean): Hit | undefined {
  const t = s.tokens
  const commas: number[] = []
  for (let c = from; c < t.length; c++) if (t[c]!.text === ',') commas.push(c)
  // A participle before a preposition opens a participial phrase, not the verb of an
  // interrupted subject: "As leaders of X, guided by Y, we resolve…" reads on to "we resolve".
  let phrase: Hit | undefined
  for (const c of commas) {
    const hit = clauseAt(s, c + 1, mode)
    if (hit && hit.index === c + 1 && words.PREPOSITIONS.has(t[c + 2]?.lower ?? '')) phrase ??= hit
    else if (hit) return hit
  }
  if (phrase) return phrase
  if (!imperative) return undefined
  for (const c of commas) {
    const start = t[c + 1]
    if (!start || !start.word || start.capitalised || words.CLAUSE_BLOCKERS.has(start.lower)) continue
    const readings = s.readings(start.lower)
    if (readings?.some((r) => r.kind === 'base') && s.lexicon.classes.has(readings[0]!.lemma)) {
      return { index: c + 1, kind: 'imperative', modality: 'planned' }
    }
  }
  return undefined
}

/** A main clause starting at `k`: a short subject and a finite verb. */
function clauseAt(s: Sentence, k: number, mode: 'gerund' | 'frame'): Hit | undefined {
  const t = s.tokens
  const start = t[k]
  if (!start || !start.word) return undefined
  if (words.CLAUSE_BLOCKERS.has(start.lower)) return undefined
  if (!start.capitalised) {
    const readings = s.readings(start.lower)
    // A verb right after the comma has no subject of its own: after a frame it
    // finishes an interrupted subject ("the Department, …, facilitated"); after
    // a gerund it is a participle modifying what came before.
    if (readings && !words.DETERMINERS.has(start.lower)) {
      if (mode === 'frame' && readings.some((r) => r.kind === 'past')) return { index: k, kind: 'finite', modality: 'done' }
      return undefined
    }
  }
  // A subject opens like one: a name, a determiner, a pronoun or a number.
  if (!start.capitalised && !words.DETERMINERS.has(start.lower) && !words.PLURAL_PRONOUNS.has(start.lower) && !/^(it|he|she|this|that)$/.test(start.lower) && !/^\d/.test(start.text)) {
    return undefined
  }
  for (let m = k; m < Math.min(t.length, k + words.MAX_SUBJECT_TOKENS); m++) {
    const token = t[m]!
    if (token.text === ',' || token.text === ';' || token.text === ':') return undefined
    if (!token.word) continue
    if (m > k && words.RELATIVES.has(token.lower)) return undefined
    if (m === k) continue
    const hit = finiteAt(s, m, true)
    if (hit) return { ...hit, subject: k }
  }
  return undefined
}
