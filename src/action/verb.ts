/**
 * From the verb's word to the action verb (SPEC §5 rule 3): a light or
 * intent verb gives way to its complement ("agreed to eliminate" →
 * "eliminate"), a linking verb to its participle, a listed phrasal verb
 * takes its particle; then the class, from the lexicon or a listed verb it
 * is built on, and the modality the class implies.
 */
import * as words from '../lexicon/function-words.js'
import { listedAsNonVerb, toInfinitive } from '../nlp/compromise.js'
import type { ActionClass, Modality } from '../schema/document.js'
import { none, ruleTable, type Decision, type Why } from './decision.js'
import { withClass } from './modality.js'
import type { Sentence } from './sentence.js'

export const verbRules = ruleTable({
  notAVerb: {
    id: 'action/not-a-verb',
    what: 'The word where the verb should stand is one the lexicon lacks and compromise does not read as a verb (an adjective, a noun): no action verb, class `other`.',
    example: 'All contributions are subject to parliamentary approval.',
    yields: 'verb null, other, ongoing'
  },
  complementOf: {
    id: 'action/complement-of',
    what: 'A light or intent verb ("agree", "commit", "pledge", "plan", "aim", "take steps", "spare no effort", "make efforts") followed by "to" and a verb gives way to that complement verb, `planned`.',
    example: 'India has agreed to eliminate tariffs on industrial goods.',
    yields: 'verb eliminate, launching, planned'
  },
  phrasalComplement: {
    id: 'action/phrasal-complement',
    what: 'A phrasal intent verb ("look forward to") followed by a gerund gives way to that gerund, `planned`.',
    example: 'We look forward to working together on clean energy.',
    yields: 'verb work, advancing, planned'
  },
  linkingParticiple: {
    id: 'action/linking-participle',
    what: 'A linking verb with no class of its own ("remain", "stay") before a participle the lexicon lists: the participle is the verb ("remain engaged" → "engage"); before an adjectival participle ("remain concerned") the linking verb stays.',
    example: 'The partners remain engaged in the region.',
    yields: 'verb engage, advancing, ongoing'
  },
  phrasalVerb: {
    id: 'action/phrasal-verb',
    what: 'A verb followed by a particle that the lexicon lists with it is the phrasal verb, with the phrasal entry\'s class ("work toward", "build on").',
    example: 'Working toward the launch of a new bilateral space accelerator;',
    yields: 'verb work toward, advancing, ongoing'
  },
  prefixSynonym: {
    id: 'action/prefix-synonym',
    what: 'A verb the lexicon lacks, built with a prefix on a listed verb ("co-develop", "relaunch"), takes that verb\'s class.',
    example: 'FEMA has pre-positioned meals, water, and shelter items.',
    yields: 'verb pre-position, advancing, done (built on position)'
  },
  thatClause: {
    id: 'action/that-clause',
    what: 'A verb whose class changes before a "that" clause takes that class: "agreed that X is necessary" states a view (`noting`).',
    example: 'The leaders agreed that cooperation is necessary.',
    yields: 'verb agree, noting, done'
  }
})

/** Follows `why` with a further rule, its reason appended. */
export function andThen(why: Why, rule: { id: string }, reason?: string): Why {
  return { rule: rule.id, reason: reason === undefined ? why.reason : `${why.reason}, ${reason}` }
}

/** The verb at `k` (lemma, phrasal particle, complement of a light verb) and its class. */
export function verbAt(s: Sentence, k: number, modality: Modality, why: Why): Decision {
  const t = s.tokens
  const token = t[k]!
  const readings = s.readings(token.lower)
  // A word the lexicon lacks is lemmatised only where compromise sees a verb:
  // "Longstanding", "Forthcoming" (adjectives) and "victims" (a noun) are no verbs (rule 4).
  if (!readings && !words.LIGHT_VERBS.has(token.lower) && (listedAsNonVerb(token.lower) || !s.taggedAsVerb(token))) {
    return none(andThen(why, verbRules.notAVerb, `no verb (\`${token.text}\` is no verb)`))
  }
  const lemma = readings?.[0]?.lemma ?? toInfinitive(token.lower)

  // Light and intent verbs take their complement verb ("agreed to eliminate").
  if (words.LIGHT_VERBS.has(lemma)) {
    const v = complementOfLight(s, k, lemma)
    if (v !== undefined) return verbAt(s, v, 'planned', andThen(why, verbRules.complementOf, `complement of ${lemma}`))
  }

  // "remain committed to", "stay engaged": a linking verb before a participle is that participle's verb.
  if (words.LINKING_VERBS.has(lemma) && (s.lexicon.classes.get(lemma) ?? 'other') === 'other') {
    const next = s.skipAdverbs(k + 1)
    const participle = t[next]
    // "remain concerned", "remain united": adjectives, the linking verb stays.
    if (participle?.word && !words.ADJECTIVAL_PARTICIPLES.has(participle.lower) && s.readings(participle.lower)?.some((r) => r.kind === 'past')) {
      return verbAt(s, next, modality, andThen(why, verbRules.linkingParticiple))
    }
  }

  // Phrasal verbs the lexicon lists ("work toward", "build on", "work together with").
  let verb = lemma
  let end = token.end
  const phrasal = s.lexicon.phrasal.get(lemma)
  if (phrasal) {
    const p = s.skipAdverbs(k + 1, true)
    for (const entry of phrasal) {
      const last = matchParticle(s, p, entry.particles)
      if (last === undefined) continue
      // "look forward to working": the complement verb, as for intent verbs (SPEC §5 rule 3).
      if (words.INTENT_PHRASALS.has(entry.lemma)) {
        const v = s.skipAdverbs(last + 1)
        if (t[v]?.word && s.readings(t[v]!.lower)?.some((r) => r.kind === 'ing')) {
          return verbAt(s, v, 'planned', andThen(why, verbRules.phrasalComplement, `complement of ${entry.lemma}`))
        }
      }
      verb = entry.lemma
      why = andThen(why, verbRules.phrasalVerb)
      // The phrase is the verb with its particle when they stand together.
      if (p === k + 1) end = t[last]!.end
      break
    }
  }
  const phrase = s.text.slice(token.start, end)
  const known = s.lexicon.classes.get(verb) ?? s.lexicon.phrasal.get(lemma)?.find((e) => e.lemma === verb)?.class
  let cls: ActionClass
  let unknown: string | undefined
  if (known) cls = known
  else {
    const synonym = synonymOf(s, verb)
    if (synonym) {
      cls = synonym.class
      why = andThen(why, verbRules.prefixSynonym, `like ${synonym.lemma}`)
    } else {
      cls = 'other'
      unknown = verb
    }
  }
  const that = words.THAT_CLASSES.get(verb)
  if (that && t[s.skipAdverbs(k + 1)]?.lower === 'that') {
    cls = that
    why = andThen(why, verbRules.thatClause)
  }
  const decision: Decision = { verb, phrase, class: cls, modality: withClass(cls, modality), rule: why.rule, reason: why.reason }
  if (unknown) decision.unknown = unknown
  return decision
}

/** "agreed to eliminate", "take steps to reduce", "spare no effort to end": the complement verb's index. */
function complementOfLight(s: Sentence, k: number, lemma: string): number | undefined {
  const t = s.tokens
  let m = s.skipAdverbs(k + 1)
  // "take steps to", "spare no efforts to": the object belongs to the light verb.
  const objects = words.LIGHT_OBJECTS.get(lemma)
  if (objects) {
    // One modifier may stand before the object ("take significant steps"), and "forward" after it.
    const at = (from: number) => objects.find((parts) => parts.every((part, n) => t[from + n]?.lower === part))
    const from = at(m) ? m : t[m]?.word && at(m + 1) ? m + 1 : m
    const object = at(from)
    m = object ? s.skipAdverbs(from + object.length + (t[from + object.length]?.lower === 'forward' ? 1 : 0)) : -1
  }
  return m >= 0 && t[m]?.lower === 'to' ? verbAfterTo(s, m + 1) : undefined
}

/** The verb right after "to" (skipping adverbs), if there is one. */
export function verbAfterTo(s: Sentence, m: number): number | undefined {
  const n = s.skipAdverbs(m)
  const token = s.tokens[n]
  if (!token || !token.word || token.capitalised) return undefined
  const readings = s.readings(token.lower)
  if (readings?.some((r) => r.kind === 'base' || r.kind === 'ing')) return n
  if (readings) return undefined
  return s.tagsOf(token)?.has('Verb') ? n : undefined
}

/** Index of the last token of a particle ("with", "forward to") starting at `p`. */
function matchParticle(s: Sentence, p: number, particles: string[]): number | undefined {
  for (const particle of particles) {
    const parts = particle.split(/\s+/)
    if (parts.every((part, n) => s.tokens[p + n]?.lower === part)) return p + parts.length - 1
  }
  return undefined
}

/** A listed verb this one is built on: "co-develop" → "develop", "relaunch" → "launch". */
function synonymOf(s: Sentence, lemma: string): { lemma: string; class: ActionClass } | undefined {
  for (const prefix of words.VERB_PREFIXES) {
    if (!lemma.startsWith(prefix)) continue
    const base = lemma.slice(prefix.length)
    const cls = s.lexicon.classes.get(base)
    if (base.length > 2 && cls) return { lemma: base, class: cls }
  }
  return undefined
}
