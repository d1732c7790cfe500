/**
 * The verb lexicon: class lists, irregular forms and phrasal verbs kept as
 * data (`*.json` beside this file), compiled once into a form → lemma index
 * with regular inflections generated, and extended by the config.
 */
import type { ResolvedConfig } from '../config/schema.js'
import type { ActionClass, LexiconEntry } from '../schema/document.js'
import verbClasses from './verb-classes.json' with { type: 'json' }
import irregularVerbs from './irregular-verbs.json' with { type: 'json' }
import phrasalVerbs from './phrasal-verbs.json' with { type: 'json' }

/** How a form relates to its lemma. */
export type FormKind = 'base' | 's' | 'past' | 'ing'

export interface VerbForm {
  lemma: string
  kind: FormKind
}

export interface Phrasal {
  lemma: string
  verb: string
  particles: string[]
  class: ActionClass
}

export interface Lexicon {
  /** Lowercase form → its readings, the lemma's own form first. */
  forms: Map<string, VerbForm[]>
  /** Lemma → class. */
  classes: Map<string, ActionClass>
  /** Verb lemma → phrasal verbs built on it. */
  phrasal: Map<string, Phrasal[]>
  /** Lemmas (phrasal ones too) whose class the config set: a decision they make names its entry as the config's (SPEC §9). */
  fromConfig: Set<string>
}

const CVC = /[^aeiou][aeiou][bdgklmnprtv]$/

/**
 * Regular inflections of a lemma. Where English spelling depends on stress
 * (`commit` → `committed`, `open` → `opened`) both spellings are generated:
 * the wrong one never occurs in text, so it costs nothing.
 */
export function inflect(lemma: string): Array<[string, FormKind]> {
  const out: Array<[string, FormKind]> = [[lemma, 'base']]
  const last = lemma.split(/[\s-]/).pop() ?? lemma
  const stem = lemma.slice(0, lemma.length - last.length)
  const add = (form: string, kind: FormKind) => out.push([stem + form, kind])
  if (/(s|x|z|ch|sh|o)$/.test(last)) add(last + 'es', 's')
  if (/[^aeiou]y$/.test(last)) add(last.slice(0, -1) + 'ies', 's')
  else add(last + 's', 's')
  if (/ee$/.test(last)) {
    add(last + 'd', 'past')
    add(last + 'ing', 'ing')
  } else if (/ie$/.test(last)) {
    add(last + 'd', 'past')
    add(last.slice(0, -2) + 'ying', 'ing')
  } else if (/e$/.test(last)) {
    add(last + 'd', 'past')
    add(last.slice(0, -1) + 'ing', 'ing')
  } else if (/[^aeiou]y$/.test(last)) {
    add(last.slice(0, -1) + 'ied', 'past')
    add(last + 'ing', 'ing')
  } else if (/ic$/.test(last)) {
    add(last + 'ked', 'past')
    add(last + 'king', 'ing')
    add(last + 'ed', 'past')
    add(last + 'ing', 'ing')
  } else {
    add(last + 'ed', 'past')
    add(last + 'ing', 'ing')
    if (CVC.test(last)) {
      const doubled = last + last.slice(-1)
      add(doubled + 'ed', 'past')
      add(doubled + 'ing', 'ing')
    }
  }
  return out
}

/** Build the lexicon from the bundled data plus the config's additions. */
export function buildLexicon(config?: Pick<ResolvedConfig, 'lexicon'>): Lexicon {
  const classes = new Map<string, ActionClass>()
  const fromConfig = new Set<string>()
  const addClasses = (record: Partial<Record<string, readonly string[]>>, listed?: Set<string>) => {
    for (const [cls, lemmas] of Object.entries(record)) {
      for (const lemma of lemmas ?? []) {
        classes.set(lemma.toLowerCase().trim(), cls as ActionClass)
        listed?.add(lemma.toLowerCase().trim())
      }
    }
  }
  addClasses(verbClasses as Record<string, string[]>)
  if (config) addClasses(config.lexicon.verbs, fromConfig)
  for (const lemma of Object.keys(config?.lexicon.phrasal ?? {})) fromConfig.add(lemma)

  const irregular = new Map<string, string[]>(Object.entries(irregularVerbs as Record<string, string[]>))
  for (const [lemma, forms] of Object.entries(config?.lexicon.irregular ?? {})) irregular.set(lemma, forms)

  const phrasal = new Map<string, Phrasal[]>()
  const addPhrasal = (lemma: string, entry: { verb: string; particles: string[]; class: string }) => {
    const list = phrasal.get(entry.verb) ?? []
    const existing = list.findIndex((p) => p.lemma === lemma)
    const value: Phrasal = { lemma, verb: entry.verb, particles: entry.particles.map((p) => p.toLowerCase()), class: entry.class as ActionClass }
    if (existing >= 0) list[existing] = value
    else list.push(value)
    phrasal.set(entry.verb, list)
  }
  for (const [lemma, entry] of Object.entries(phrasalVerbs as Record<string, { verb: string; particles: string[]; class: string }>)) addPhrasal(lemma, entry)
  for (const [lemma, entry] of Object.entries(config?.lexicon.phrasal ?? {})) addPhrasal(lemma, entry)

  const forms = new Map<string, VerbForm[]>()
  const addForm = (form: string, reading: VerbForm) => {
    const list = forms.get(form) ?? []
    if (list.some((r) => r.lemma === reading.lemma && r.kind === reading.kind)) return
    // A lemma's own form reads first: `found` is the verb "found" before it is "find".
    if (reading.kind === 'base') list.unshift(reading)
    else list.push(reading)
    forms.set(form, list)
  }
  const lemmas = new Set([...classes.keys(), ...irregular.keys(), ...phrasal.keys()])
  for (const lemma of lemmas) {
    const irregularForms = irregular.get(lemma)
    // Regular forms are generated for irregular verbs too: a few have both
    // (`proved`/`proven`), and an impossible form (`builded`) never matches.
    for (const [form, kind] of inflect(lemma)) addForm(form, { lemma, kind })
    for (const form of irregularForms ?? []) {
      if (form === lemma) continue
      const kind: FormKind = /ing$/.test(form) ? 'ing' : /s$/.test(form) && !/ss$/.test(form) && lemma !== 'be' ? 's' : 'past'
      addForm(form.toLowerCase(), { lemma, kind })
    }
  }
  return { forms, classes, phrasal, fromConfig }
}

/** The lexicon entry that gives a decided verb its class (SPEC §9), if the lexicon lists the verb or its phrasal form. */
export function entryFor(lexicon: Lexicon, verb: string | null): LexiconEntry | undefined {
  if (!verb) return undefined
  const listed = lexicon.classes.has(verb) || (lexicon.phrasal.get(verb.split(' ')[0]!) ?? []).some((p) => p.lemma === verb)
  return listed ? { entry: verb, source: lexicon.fromConfig.has(verb) ? 'config' : 'bundled' } : undefined
}

/** The readings of a word form, if the lexicon knows it. */
export function lookup(lexicon: Lexicon, word: string): VerbForm[] | undefined {
  return lexicon.forms.get(word.toLowerCase().replace(/’/g, "'"))
}
