/**
 * Which verb is the action verb, its class and its modality (SPEC §5).
 *
 * The lexicon decides first; compromise is asked only to confirm an
 * ambiguous present-tense form ("projects", "welcome") or to lemmatise a
 * verb the lexicon lacks, and only on the first sentence. Every decision
 * carries the rule (`reason`) that made it.
 */
import type { ActionClass, Modality } from '../schema/document.js'
import { lookup, type Lexicon, type VerbForm } from '../lexicon/verbs.js'
import { listedAsAdjective, listedAsNonVerb, tagTerms, toInfinitive, type TaggedTerm } from '../nlp/compromise.js'
import { isTitleCase } from '../text/title-case.js'
import { firstSentence, tokenize, type Token } from './tokens.js'
import * as words from './function-words.js'

export interface Decision {
  verb: string | null
  phrase: string | null
  class: ActionClass
  modality: Modality
  reason: string
  /** The id of the rule that decided (SPEC §9); until the rule tables land, one id for all. */
  rule?: string
  /** Set when the verb is not in the lexicon (a warning names it). */
  unknown?: string
  /** The subject of the verb's clause, as offsets into the text (SPEC §5 `actor`); unset for a verb-led bullet. */
  subject?: { start: number; end: number }
}

interface Hit {
  index: number
  kind: 'modal' | 'aux' | 'finite' | 'present' | 'imperative'
  modality: Modality
  /** Token index where the clause's subject begins, when the rule found one. */
  subject?: number
}

/** Decide the action of one commitment text. */
export function decideAction(text: string, lexicon: Lexicon): Decision {
  return new Decider(text, lexicon).decide()
}

class Decider {
  private readonly tokens: Token[]
  /** Index of the first word: only there does a base or past form lead a bullet. */
  private readonly firstWord: number
  private tags: TaggedTerm[] | undefined
  /** The comma that closes an appositive after a subject ("We, the leaders of …, reaffirm"). */
  private appositiveEnd = -1

  constructor(
    private readonly text: string,
    private readonly lexicon: Lexicon
  ) {
    this.tokens = firstSentence(tokenize(text))
    this.firstWord = this.tokens.findIndex((token) => token.word)
  }

  decide(): Decision {
    const t = this.tokens
    let i = this.firstWord
    if (i < 0) return none('no words')
    // "Importantly, …", "Today, …": a lone lead-in adverb sets no frame.
    if (t[i + 1]?.text === ',' && words.isLeadAdverb(t[i]!.lower)) i += 2
    // "FURTHER REAFFIRMING…", "Also welcoming…": an adverb before a verb-led bullet.
    if (words.ADVERBS.has(t[i]?.lower ?? '') && lookup(this.lexicon, t[i + 1]?.lower ?? '')?.some((r) => r.kind === 'ing')) i += 1
    const first = t[i]
    if (!first) return none('no words')
    // "Open Radio Access Networks (Open RAN):", "Supply Chain Resilience:": a
    // title introducing a nested list, not a verb-led bullet (rule 4).
    if (isTitleIntro(this.text) && !lookup(this.lexicon, first.lower)?.some((r) => r.kind === 'ing')) return none('title introducing a list')
    // A quotation is a quote, not an action (rule 4).
    if (/^["“]/.test(this.text) && /["”][.!]?$/.test(this.text)) return none('quote')

    // Rule 1/2: a bullet opening with a verb form.
    const lead = this.leadVerb(i)
    if (lead) {
      const readings = lead.readings
      if (lead.gerund || lead.readings?.[0]?.kind === 'past') {
        // Rule 2: a participial frame followed by a main clause with its own subject.
        const main = this.mainClauseAfterComma(i + 1, 'gerund', this.allowsImperative(i))
        if (main) return this.withSubject(this.resolve(main, 'participial frame, main clause'), main)
      }
      const kind = readings?.[0]?.kind
      const modality: Modality = lead.gerund || kind === 's' ? 'ongoing' : kind === 'past' ? 'done' : 'planned'
      return this.verbAt(i, modality, lead.gerund ? 'verb-led bullet (gerund)' : 'verb-led bullet')
    }

    // A frame ("As …,", "To …,", "In 2023,", "Under …,") before the main clause.
    if (words.FRAME_STARTERS.has(first.lower) || this.isParticipleFrame(i)) {
      const main = this.mainClauseAfterComma(i + 1, 'frame', this.allowsImperative(i))
      if (main) return this.withSubject(this.resolve(main, 'frame, main clause'), main)
      // The subject may be interrupted ("…, the Department, in concert with …, facilitated …").
      const comma = t.findIndex((token, n) => n > i && token.text === ',')
      if (comma > 0) {
        const hit = this.findFinite(comma + 1, t.length)
        if (hit) return this.withSubject(this.resolve(hit, 'frame, main verb'), { ...hit, subject: comma + 1 })
      }
    }

    // Rule 3: a sentence with a subject.
    const hit = this.findFinite(i, t.length)
    if (hit) return this.withSubject(this.resolve(hit, 'subject, main verb'), { ...hit, subject: i })
    return none('no verb in the first sentence')
  }

  /**
   * The subject as written: from where the clause begins to its verb,
   * without adverbs or punctuation standing before the verb ("President
   * Trump today called" → "President Trump").
   */
  private withSubject(decision: Decision, hit: Hit): Decision {
    if (hit.subject === undefined || hit.kind === 'imperative') return decision
    let last = hit.index - 1
    while (last >= hit.subject && ((!this.tokens[last]!.word && !/^[)\]"”’]$/.test(this.tokens[last]!.text)) || this.isAdverb(last) || words.LEAD_ADVERBS.has(this.tokens[last]!.lower))) last--
    if (last < hit.subject) return decision
    // "Will provide…" (a bullet with no written subject): a modal alone is no subject.
    if (last === hit.subject && words.MODALS.has(this.tokens[last]!.lower)) return decision
    let first = hit.subject
    const pronoun = (k: number) => words.SUBJECT_PRONOUNS.has(this.tokens[k]!.lower)
    // "To this end we will…", "Even as we…" (a frame without its comma): the subject is the
    // pronoun; not in "The endeavor we launch…", where it heads a relative clause.
    const opener = this.tokens[first]!.lower
    if (last > first && pronoun(last) && (words.FRAME_STARTERS.has(opener) || words.PREPOSITIONS.has(opener) || words.ADVERBS.has(opener) || words.LEAD_ADVERBS.has(opener) || opener === 'even')) first = last
    // "We, the leaders of Japan, …, commit": the pronoun, not its appositive.
    else if (pronoun(first) && this.tokens[first + 1]?.text === ',') last = first
    return { ...decision, subject: { start: this.tokens[first]!.start, end: this.tokens[last]!.end } }
  }

  /** The bullet opens with a verb form: "Announcing…", "Facilitate…", "Advances…". */
  private leadVerb(i: number): { readings: VerbForm[] | undefined; gerund: boolean } | undefined {
    const token = this.tokens[i]!
    if (!token.word) return undefined
    const next = this.nextWord(i + 1)
    // "Funding will…", "Training programs are…": a noun subject, not a verb.
    if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower) || words.HAVE.has(next.lower))) return undefined
    if (next && next.text === "'s") return undefined
    // "Leading American companies have announced…": the -ing word is part of the subject.
    if (this.auxiliarySoon(i + 1)) return undefined
    // "Ending the pandemic through cooperation is our first priority": a gerund subject.
    if (/ing$/.test(token.lower) && this.copulaInClause(i + 1)) return undefined
    const atStart = i === this.firstWord
    // Past forms lead bullets of what was done ("Provided 200 ventilators…").
    const readings = lookup(this.lexicon, token.lower)?.filter((r) => r.kind === 'ing' || r.kind === 'base' || r.kind === 's' || (r.kind === 'past' && atStart))
    if (readings && readings.length > 0) {
      if (this.lexicon.classes.get(readings[0]!.lemma) === undefined && !this.lexicon.phrasal.has(readings[0]!.lemma)) return undefined
      // A base form led by a capital only counts at the very start of the text.
      if (readings[0]!.kind !== 'ing' && !atStart) return undefined
      return { readings, gerund: readings.some((r) => r.kind === 'ing') }
    }
    // An -ing word the lexicon lacks, opening the bullet: a verb-led bullet
    // with an unknown verb ("Modernizing…", "Re-launching…"), unless it is a known noun.
    if (/^\p{Lu}[\p{Ll}-]+ing$/u.test(token.text) && !words.ING_NOUNS.has(token.lower) && atStart) {
      // "Lansing Mayor…", "Boeing and…": names ending in -ing are not verbs.
      if (this.tagsOf(token)?.has('ProperNoun') || listedAsNonVerb(token.lower)) return undefined
      return { readings: undefined, gerund: true }
    }
    return undefined
  }

  /** A modal or auxiliary within the next three words, with no comma before it. */
  private auxiliarySoon(k: number): boolean {
    let seen = 0
    for (; k < this.tokens.length && seen < 3; k++) {
      const token = this.tokens[k]!
      if (!token.word) return false
      if (seen === 0 && (words.DETERMINERS.has(token.lower) || words.PREPOSITIONS.has(token.lower))) return false
      if (words.MODALS.has(token.lower) || words.BE.has(token.lower) || words.HAVE.has(token.lower)) return seen > 0
      seen++
    }
    return false
  }

  /** A finite "is"/"are" in the same clause, before any comma, relative or dash. */
  private copulaInClause(k: number): boolean {
    for (; k < this.tokens.length; k++) {
      const token = this.tokens[k]!
      if (!token.word) {
        if (token.text === '(' || token.text === ')' || token.text === '-' || token.text === '’' || token.text === "'") continue
        return false
      }
      if (words.RELATIVES.has(token.lower) || token.lower === 'to') return false
      if (token.lower === 'is' || token.lower === 'are' || token.lower === 'was' || token.lower === 'were') return true
    }
    return false
  }

  /** "Recognizing that …, advance cooperation": an imperative main clause may follow. */
  private allowsImperative(i: number): boolean {
    return this.tokens[i + 1]?.lower === 'that' || this.tokens[i]?.lower === 'to'
  }

  /** "Building on this, …", "Given …, …", "Consistent with …, …". */
  private isParticipleFrame(i: number): boolean {
    const token = this.tokens[i]!
    return /ing$|ed$/.test(token.lower) && token.capitalised && this.tokens.slice(i + 1).some((t) => t.text === ',')
  }

  /**
   * The first comma after `from` that opens a clause with its own subject
   * and finite verb; failing that (if allowed), one that opens an imperative.
   */
  private mainClauseAfterComma(from: number, mode: 'gerund' | 'frame', imperative: boolean): Hit | undefined {
    const t = this.tokens
    const commas: number[] = []
    for (let c = from; c < t.length; c++) if (t[c]!.text === ',') commas.push(c)
    // A participle before a preposition opens a participial phrase, not the verb of an
    // interrupted subject: "As leaders of X, guided by Y, we resolve…" reads on to "we resolve".
    let phrase: Hit | undefined
    for (const c of commas) {
      const hit = this.clauseAt(c + 1, mode)
      if (hit && hit.index === c + 1 && words.PREPOSITIONS.has(t[c + 2]?.lower ?? '')) phrase ??= hit
      else if (hit) return hit
    }
    if (phrase) return phrase
    if (!imperative) return undefined
    for (const c of commas) {
      const start = t[c + 1]
      if (!start || !start.word || start.capitalised || words.CLAUSE_BLOCKERS.has(start.lower)) continue
      const readings = lookup(this.lexicon, start.lower)
      if (readings?.some((r) => r.kind === 'base') && this.lexicon.classes.has(readings[0]!.lemma)) {
        return { index: c + 1, kind: 'imperative', modality: 'planned' }
      }
    }
    return undefined
  }

  /** A main clause starting at `k`: a short subject and a finite verb. */
  private clauseAt(k: number, mode: 'gerund' | 'frame'): Hit | undefined {
    const t = this.tokens
    const start = t[k]
    if (!start || !start.word) return undefined
    if (words.CLAUSE_BLOCKERS.has(start.lower)) return undefined
    if (!start.capitalised) {
      const readings = lookup(this.lexicon, start.lower)
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
      const hit = this.finiteAt(m, true)
      if (hit) return { ...hit, subject: k }
    }
    return undefined
  }

  /** The first finite verb from `from` (rule 3), or undefined. */
  private findFinite(from: number, to: number): Hit | undefined {
    for (let j = from; j < to; j++) {
      // "SunCulture, an Africa-focused company dedicated to X, commits…":
      // an appositive after a name says nothing about the main verb.
      if (this.tokens[j]!.text === ',' && this.tokens[j - 1]?.capitalised && words.ARTICLES.has(this.tokens[j + 1]?.lower ?? '')) {
        const close = this.tokens.findIndex((t, n) => n > j && t.text === ',')
        if (close > j && close < to) {
          j = close
          this.appositiveEnd = close
          continue
        }
      }
      const hit = this.finiteAt(j, j > from) ?? (j > from ? this.unknownFiniteAt(j) : undefined)
      if (hit) return hit
    }
    return undefined
  }

  /** Whether token `j` is a finite verb (or a modal/auxiliary opening one). */
  private finiteAt(j: number, allowPresent: boolean): Hit | undefined {
    const t = this.tokens
    const token = t[j]!
    if (!token.word || token.capitalised) return undefined
    const lower = token.lower
    if (words.MODALS.has(lower)) return { index: j, kind: 'modal', modality: words.modalModality(lower) }
    if (words.BE.has(lower) || words.HAVE.has(lower) || words.DO.has(lower)) {
      if (lower === 'being' || lower === 'having') return undefined
      return { index: j, kind: 'aux', modality: words.PAST_AUX.has(lower) || words.HAVE.has(lower) ? 'done' : 'ongoing' }
    }
    const readings = lookup(this.lexicon, lower)
    if (!readings) return undefined
    // "We further call upon…": read past the adverb to the subject.
    const prev = t[j - 1] && words.ADVERBS.has(t[j - 1]!.lower) ? this.subjectEnd(j) : t[j - 1]
    const prev2 = t[j - 2]
    const next = this.nextWord(j + 1)
    // "We further call upon…": an adverb before the verb, not the verb.
    if (words.ADVERBS.has(lower) && next && lookup(this.lexicon, next.lower)) return undefined
    // "A Digital Invest grant of $500,000": a noun before "of".
    if (next?.lower === 'of' && !readings.some((r) => r.kind === 'past')) return undefined
    // "This includes…" is a verb after a pronoun; "the launched…" is not.
    const onlyPresent = readings.every((r) => r.kind === 's')
    const determiners = onlyPresent ? words.ARTICLES : words.DETERMINERS
    const attributive =
      (prev && /['’]s$/.test(prev.text)) ||
      (prev && (determiners.has(prev.lower) || words.PREPOSITIONS.has(prev.lower) || prev.lower === 'to')) ||
      (prev && /ly$/.test(prev.lower) && prev2 && words.DETERMINERS.has(prev2.lower))
    if (attributive) return undefined
    if (readings.some((r) => r.kind === 'past')) {
      // "funds appropriated by Congress": a participle modifying a noun.
      if (next?.lower === 'by' && !readings.some((r) => r.kind === 's')) return undefined
      if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower))) return undefined
      return { index: j, kind: 'finite', modality: 'done' }
    }
    if (!allowPresent) return undefined
    if (readings.some((r) => r.kind === 's' || r.kind === 'base')) {
      // "INL support expanded access", "Asia travels underscored": a noun before
      // the real verb; only a linking verb stands before a participle ("remain committed").
      if (next && lookup(this.lexicon, next.lower)?.every((r) => r.kind === 'past') && !readings.some((r) => words.LINKING_VERBS.has(r.lemma))) return undefined
      // "projects will…": a noun heading the subject.
      if (next && (words.MODALS.has(next.lower) || words.BE.has(next.lower) || words.HAVE.has(next.lower))) return undefined
      if (readings.every((r) => r.kind === 'base') && prev && !this.canPrecedeBase(j)) return undefined
      // After a name or pronoun the lexicon is trusted ("DTA coordinates");
      // after a common noun compromise must agree ("resource projects").
      const subject = this.subjectEnd(j)
      const trusted =
        j - 1 === this.appositiveEnd ||
        (subject && ((subject.capitalised && !listedAsAdjective(subject.lower)) || words.PLURAL_PRONOUNS.has(subject.lower) || subject.text === ')')) ||
        // "commits to mobilizing", "aims to strengthen": an -s form before "to".
        (next?.lower === 'to' && readings.some((r) => r.kind === 's')) ||
        // "– NATO 3.0 – moves the Alliance": an -s form before a determiner.
        (next !== undefined && words.ARTICLES.has(next.lower) && readings.some((r) => r.kind === 's'))
      if (!trusted && !this.taggedAsVerb(token)) return undefined
      return { index: j, kind: 'present', modality: 'ongoing' }
    }
    return undefined
  }

  /** The last token of what stands before `j`, skipping adverbs ("We also welcome" → "We"). */
  private subjectEnd(j: number): Token | undefined {
    let k = j - 1
    while (k > 0 && this.isAdverb(k)) k--
    return this.tokens[k]
  }

  /** A plural subject can stand before a base-form present at `j` ("The leaders welcome…", "We also welcome…"). */
  private canPrecedeBase(j: number): boolean {
    if (j - 1 === this.appositiveEnd) return true
    const subject = this.subjectEnd(j)
    return subject !== undefined && (subject.capitalised || words.PLURAL_PRONOUNS.has(subject.lower) || /s$/.test(subject.lower))
  }

  /** A verb the lexicon lacks, where compromise sees a finite verb right after a subject. */
  private unknownFiniteAt(j: number): Hit | undefined {
    const t = this.tokens
    const token = t[j]!
    if (!token.word || token.capitalised || !/(ed|es|s)$/.test(token.lower) || lookup(this.lexicon, token.lower)) return undefined
    if (words.FUNCTION_WORDS.has(token.lower)) return undefined
    const prev = t[j - 1]
    // Only after something that can end a subject: a name, a pronoun, ")".
    if (!prev || !(prev.capitalised || words.PLURAL_PRONOUNS.has(prev.lower) || prev.text === ')')) return undefined
    const tags = this.tagsOf(token)
    if (tags && tags.has('Verb') && (tags.has('PastTense') || tags.has('PresentTense')) && !tags.has('Infinitive') && !tags.has('Gerund') && !tags.has('Auxiliary')) {
      return { index: j, kind: 'finite', modality: tags.has('PastTense') ? 'done' : 'ongoing' }
    }
    return undefined
  }

  private taggedAsVerb(token: Token): boolean {
    const tags = this.tagsOf(token)
    return tags === undefined || tags.has('Verb')
  }

  private tagsOf(token: Token): Set<string> | undefined {
    if (!this.tags) {
      const last = this.tokens[this.tokens.length - 1]
      this.tags = tagTerms(this.text.slice(0, last ? last.end : this.text.length))
    }
    const term = this.tags.find((term) => term.start <= token.start && term.end >= token.end)
    return term?.tags
  }

  /** Turn a hit into a decision: follow modals and auxiliaries to the verb. */
  private resolve(hit: Hit, reason: string): Decision {
    const t = this.tokens
    if (hit.kind === 'imperative') return this.verbAt(hit.index, 'planned', `${reason} (imperative)`)
    if (hit.kind === 'finite' || hit.kind === 'present') return this.verbAt(hit.index, hit.modality, reason)
    // Modal or auxiliary: skip adverbs and further auxiliaries ("will also be", "has been").
    let k = hit.index + 1
    // The copula as written, if one is seen: "is", or the "be" after "will".
    let be = words.BE.has(t[hit.index]!.lower) ? t[hit.index] : undefined
    let sawHave = words.HAVE.has(t[hit.index]!.lower)
    let modality = hit.modality
    for (; k < t.length; k++) {
      const token = t[k]!
      if (!token.word) {
        if (token.text === '-' || token.text === '–' || token.text === '—' || token.text === ',') continue
        break
      }
      if (words.BE.has(token.lower)) {
        be ??= token
        continue
      }
      if (words.HAVE.has(token.lower) && hit.kind === 'modal') {
        sawHave = true
        continue
      }
      if (this.isAdverb(k)) continue
      // "has aggressively and successfully negotiated".
      if ((token.lower === 'and' || token.lower === 'or') && this.isAdverb(k - 1) && this.isAdverb(k + 1)) continue
      break
    }
    const token = t[k]
    const sawBe = be !== undefined
    if (hit.kind === 'aux' && sawHave && !sawBe && modality !== 'done') modality = 'done'
    // "is on track to provide", "is poised to launch".
    if (token && sawBe && words.BE_COMPLEMENTS.has(token.lower)) {
      let m = k + 1
      if (token.lower === 'on' && t[m]?.lower === 'track') m++
      if (t[m]?.lower === 'to') {
        const v = this.verbAfterTo(m + 1)
        if (v !== undefined) return this.verbAt(v, 'planned', `${reason}, be ${token.lower} to`)
      }
    }
    // "We are united in our resolve", "We are concerned by…": a copula.
    const adjectival = token !== undefined && sawBe && words.ADJECTIVAL_PARTICIPLES.has(token.lower)
    if (token && token.word && !token.capitalised && !adjectival) {
      const all = lookup(this.lexicon, token.lower)
      // After "has"/"is" only a participle continues the verb ("has impacts" is "have").
      const readings = hit.kind === 'aux' && !sawBe ? all?.filter((r) => r.kind === 'past') : hit.kind === 'aux' ? all?.filter((r) => r.kind === 'past' || r.kind === 'ing') : all
      if (readings && readings.length > 0) return this.verbAt(k, modality, reason)
      // After a modal a lowercase word is a verb ("will envision").
      if (hit.kind === 'modal' && !words.DETERMINERS.has(token.lower) && !words.PREPOSITIONS.has(token.lower) && !sawBe) {
        return this.verbAt(k, modality, reason)
      }
      const tags = this.tagsOf(token)
      if (tags && tags.has('Verb') && !tags.has('Noun') && (sawBe || sawHave || hit.kind === 'modal')) return this.verbAt(k, modality, reason)
    }
    // A copula or "have" with no verb after it: that verb, class `other` (rule 4).
    const aux = sawBe ? 'be' : sawHave ? 'have' : words.DO.has(t[hit.index]!.lower) ? 'do' : t[hit.index]!.lower
    return {
      verb: aux,
      phrase: (be ?? t[hit.index]!).text,
      class: this.lexicon.classes.get(aux) ?? 'other',
      modality: hit.kind === 'modal' ? hit.modality : 'ongoing',
      reason: `${reason}, copula`
    }
  }

  /** The verb at `k` (lemma, phrasal particle, complement of a light verb) and its class. */
  private verbAt(k: number, modality: Modality, reason: string): Decision {
    const t = this.tokens
    const token = t[k]!
    const readings = lookup(this.lexicon, token.lower)
    // A word the lexicon lacks is lemmatised only where compromise sees a verb:
    // "Longstanding", "Forthcoming" (adjectives) and "victims" (a noun) are no verbs (rule 4).
    if (!readings && !words.LIGHT_VERBS.has(token.lower) && (listedAsNonVerb(token.lower) || !this.taggedAsVerb(token))) return none(`${reason}, no verb (\`${token.text}\` is no verb)`)
    const lemma = readings?.[0]?.lemma ?? toInfinitive(token.lower)

    // Light and intent verbs take their complement verb ("agreed to eliminate").
    if (words.LIGHT_VERBS.has(lemma)) {
      let m = this.skipAdverbs(k + 1)
      // "take steps to", "spare no efforts to": the object belongs to the light verb.
      const objects = words.LIGHT_OBJECTS.get(lemma)
      if (objects) {
        // One modifier may stand before the object ("take significant steps"), and "forward" after it.
        const at = (from: number) => objects.find((parts) => parts.every((part, n) => t[from + n]?.lower === part))
        const from = at(m) ? m : t[m]?.word && at(m + 1) ? m + 1 : m
        const object = at(from)
        m = object ? this.skipAdverbs(from + object.length + (t[from + object.length]?.lower === 'forward' ? 1 : 0)) : -1
      }
      if (m >= 0 && t[m]?.lower === 'to') {
        const v = this.verbAfterTo(m + 1)
        if (v !== undefined) {
          return this.verbAt(v, 'planned', `${reason}, complement of ${lemma}`)
        }
      }
    }

    // "remain committed to", "stay engaged": a linking verb before a participle is that participle's verb.
    if (words.LINKING_VERBS.has(lemma) && (this.lexicon.classes.get(lemma) ?? 'other') === 'other') {
      const next = this.skipAdverbs(k + 1)
      const participle = t[next]
      // "remain concerned", "remain united": adjectives, the linking verb stays.
      if (participle?.word && !words.ADJECTIVAL_PARTICIPLES.has(participle.lower) && lookup(this.lexicon, participle.lower)?.some((r) => r.kind === 'past')) {
        return this.verbAt(next, modality, reason)
      }
    }

    // Phrasal verbs the lexicon lists ("work toward", "build on", "work together with").
    let verb = lemma
    let end = token.end
    const phrasal = this.lexicon.phrasal.get(lemma)
    if (phrasal) {
      const p = this.skipAdverbs(k + 1, true)
      for (const entry of phrasal) {
        const last = this.matchParticle(p, entry.particles)
        if (last === undefined) continue
        // "look forward to working": the complement verb, as for intent verbs (SPEC §5 rule 3).
        if (words.INTENT_PHRASALS.has(entry.lemma)) {
          const v = this.skipAdverbs(last + 1)
          if (this.tokens[v]?.word && lookup(this.lexicon, this.tokens[v]!.lower)?.some((r) => r.kind === 'ing')) return this.verbAt(v, 'planned', `${reason}, complement of ${entry.lemma}`)
        }
        verb = entry.lemma
        // The phrase is the verb with its particle when they stand together.
        if (p === k + 1) end = t[last]!.end
        break
      }
    }
    const phrase = this.text.slice(token.start, end)
    const known = this.lexicon.classes.get(verb) ?? this.lexicon.phrasal.get(lemma)?.find((e) => e.lemma === verb)?.class
    let cls: ActionClass
    let unknown: string | undefined
    let why = reason
    if (known) cls = known
    else {
      const synonym = this.synonym(verb)
      if (synonym) {
        cls = synonym.class
        why = `${reason}, like ${synonym.lemma}`
      } else {
        cls = 'other'
        unknown = verb
      }
    }
    const that = words.THAT_CLASSES.get(verb)
    if (that && t[this.skipAdverbs(k + 1)]?.lower === 'that') cls = that
    // Exploring verbs ("explore", "seeks to") propose rather than do (SPEC §5).
    if (cls === 'exploring' && modality !== 'done') modality = 'proposed'
    const decision: Decision = { verb, phrase, class: cls, modality, reason: why }
    if (unknown) decision.unknown = unknown
    return decision
  }

  /** Index of the last token of a particle ("with", "forward to") starting at `p`. */
  private matchParticle(p: number, particles: string[]): number | undefined {
    for (const particle of particles) {
      const parts = particle.split(/\s+/)
      if (parts.every((part, n) => this.tokens[p + n]?.lower === part)) return p + parts.length - 1
    }
    return undefined
  }

  /** A listed verb this one is built on: "co-develop" → "develop", "relaunch" → "launch". */
  private synonym(lemma: string): { lemma: string; class: ActionClass } | undefined {
    for (const prefix of words.VERB_PREFIXES) {
      if (!lemma.startsWith(prefix)) continue
      const base = lemma.slice(prefix.length)
      const cls = this.lexicon.classes.get(base)
      if (base.length > 2 && cls) return { lemma: base, class: cls }
    }
    return undefined
  }

  /** The verb right after "to" (skipping adverbs), if there is one. */
  private verbAfterTo(m: number): number | undefined {
    const n = this.skipAdverbs(m)
    const token = this.tokens[n]
    if (!token || !token.word || token.capitalised) return undefined
    const readings = lookup(this.lexicon, token.lower)
    if (readings?.some((r) => r.kind === 'base' || r.kind === 'ing')) return n
    if (readings) return undefined
    const tags = this.tagsOf(token)
    if (tags?.has('Verb')) return n
    return undefined
  }

  private skipAdverbs(k: number, phrasal = false): number {
    while (k < this.tokens.length && this.isAdverb(k, phrasal)) k++
    return k
  }

  private isAdverb(k: number, phrasal = false): boolean {
    const token = this.tokens[k]
    if (!token || !token.word) return false
    if (token.lower === 'no' && this.tokens[k + 1]?.lower === 'longer') return true
    if (words.ADVERBS.has(token.lower)) {
      // "will further strengthen" (adverb) but "Further cooperation" (verb).
      if (token.lower === 'further' || token.lower === 'together') return phrasal || k + 1 < this.tokens.length
      return true
    }
    if (phrasal && token.lower === 'together') return true
    return /ly$/.test(token.lower) && !lookup(this.lexicon, token.lower) && !words.NOT_ADVERBS.has(token.lower)
  }

  private nextWord(k: number): Token | undefined {
    for (; k < this.tokens.length; k++) if (this.tokens[k]!.word) return this.tokens[k]
    return undefined
  }
}

/** A short Title Case phrase ending in a colon; parenthesised abbreviations aside. */
function isTitleIntro(text: string): boolean {
  return /:$/.test(text) && isTitleCase(text.slice(0, -1).replace(/\([^)]*\)/g, ' '), 12)
}

function none(reason: string): Decision {
  return { verb: null, phrase: null, class: 'other', modality: 'ongoing', reason }
}
