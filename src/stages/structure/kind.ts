/**
 * A release's kind from its title (SPEC §9): phrases in order, as data
 * (`kinds.json`), matched as whole words.
 */
import type { DocumentKind } from '../../schema/document.js'
import kinds from './kinds.json' with { type: 'json' }

/** Lower case, accents off, one kind of apostrophe and dash, words separated by one space. */
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .trim()

const RULES = kinds.rules.map((rule) => ({ kind: rule.kind as DocumentKind, phrases: rule.phrases.map(fold) }))

/** The release kind from its title; `other` when no phrase occurs. */
export function kindOf(title: string | null): DocumentKind {
  const words = ` ${fold(title ?? '')} `
  for (const rule of RULES) if (rule.phrases.some((phrase) => words.includes(` ${phrase} `))) return rule.kind
  return 'other'
}

const LEADS = kinds.openings.leads.map(fold)
const JOINT = kinds.openings.jointMarkers.map(fold)

/**
 * The kind an untitled release's opening says it is ("The text of the
 * following joint statement…"): a rule's phrase starting within a few
 * words after a lead; a statement from several parties ("…released by
 * the Governments of…") is a joint statement.
 */
export function kindOfOpening(text: string): DocumentKind {
  const words = fold(text).split(' ')
  for (const lead of LEADS) {
    const leadWords = lead.split(' ')
    for (let i = 0; i + leadWords.length <= words.length; i++) {
      if (leadWords.some((word, k) => words[i + k] !== word)) continue
      const after = words.slice(i + leadWords.length, i + leadWords.length + kinds.openings.window + 3).join(' ')
      for (let skip = 0; skip <= kinds.openings.window; skip++) {
        const rest = ` ${after.split(' ').slice(skip).join(' ')} `
        const rule = RULES.find((r) => r.phrases.some((phrase) => rest.startsWith(` ${phrase} `)))
        if (!rule) continue
        const next = ` ${words.slice(i + leadWords.length + skip, i + leadWords.length + skip + kinds.openings.markerWindow).join(' ')} `
        if (rule.kind === 'statement' && JOINT.some((marker) => next.includes(` ${marker} `))) return 'joint-statement'
        return rule.kind
      }
    }
  }
  return 'other'
}
