/**
 * Entity mentions in a commitment's text (SPEC §6), by rules over the
 * shape of names and data in `gazetteer.json` and `words.json`:
 *
 * 1. Chunk (`chunks.ts`, over the words of `tokens.ts`): maximal runs of name-like words (Capitalised, ACRONYMS,
 *    alphanumerics such as MQ-9B, 3rdiTech, iCET), joined by connectors
 *    ("of", "and", "for") when a name-like word follows, never across
 *    punctuation. A leading "the", a sentence-initial ordinary word and a
 *    trailing possessive are left out.
 * 2. Split: a title before a name leaves the person ("President Biden" →
 *    Biden); "U.S.-India" alone is two countries.
 * 3. Type (`type-of.ts`): the gazetteers (countries from world-countries with ISO codes,
 *    cities and provinces from GeoNames / Natural Earth via `places.json`,
 *    places, organizations, initiatives), then the last word's cue
 *    (Department, Agency… → organization; Initiative, Dialogue, Act… →
 *    initiative; Ocean, Gulf, Province… → place; System, -class… →
 *    product), the head noun after the name ("the Fulbright program",
 *    "ARP funds" → initiative), acronyms (organization unless known),
 *    model numbers (product). Anything else is not an entity.
 *
 * Every mention carries the id of the rule that typed it (SPEC §9), listed
 * with an example in `rules.json`. Each rule is linear in the text.
 */
import type { Entity } from '../schema/document.js'
import { countryCode } from './countries.js'
import { lexiconGivenName, lexiconKnows, lexiconOrganization, tagTerms } from '../nlp/compromise.js'
import { bothNames, chunks, splitAtTitle, titleLength } from './chunks.js'
import { BUNDLED, STATE_CODES, STATE_NAMES } from './gazetteer.js'
import { commonAcronym, ordinary, tokenize, type Token } from './tokens.js'
import { entryOf, typed, typeOf, WEAK_RULES, type FindOptions, type Typed } from './type-of.js'
import { COMMON_SHAPE, COMPANY_SUFFIXES, CONNECTORS, EDGE_WORDS, isCue, NAME_PARTICLES, NOT_ENTITIES, PLACE_CUES, TITLE_WORDS, TRAILING, VERBS_AFTER, WORDS_BEFORE } from './words.js'

export { buildGazetteer, type Gazetteer } from './gazetteer.js'
export { WEAK_RULES, type FindOptions, type Typed } from './type-of.js'

/** Whether the text before `at` ends a sentence (or is empty), looking back over spaces only: constant work per name. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && /\s/.test(text[i]!)) i--
  return i < 0 || '.!?:;'.includes(text[i]!)
}

/** The lower-cased word right after `end` ("program" in "the X program"), skipping one "(ABBR)". */
function wordAfter(text: string, end: number): string | undefined {
  const m = /^(?:\s+\([^()\s]{1,12}\))?\s+([\p{L}]+)/u.exec(text.slice(end, end + 40))
  return m?.[1]!.toLowerCase()
}

/** The lower-cased word right before `start`, across a comma of a list ("including Trafigura, Cheniere and Centrus" reads "including" for the first only). */
function wordBefore(text: string, start: number): string | undefined {
  const m = /([\p{L}]+)\s+$/u.exec(text.slice(Math.max(0, start - 30), start))
  return m?.[1]!.toLowerCase()
}


/** Entity mentions of one commitment text, in order, with exact offsets. */
export function findEntities(text: string, options: FindOptions = {}): Entity[] {
  const gazetteer = options.gazetteer ?? BUNDLED
  const extra = gazetteer.countries
  const isOrdinary = options.isOrdinary ?? ordinary
  const longForms = new Set(options.abbreviations?.values() ?? [])
  const tokens = tokenize(text)
  const found: Entity[] = []
  const push = (run: Token[], { type, rule, lexicon }: Typed) => {
    const start = run[0]!.start
    let end = run.at(-1)!.end
    let mention = text.slice(start, end)
    const possessive = /['’]s$/.exec(mention)
    if (possessive) {
      end -= 2
      mention = mention.slice(0, -2)
    }
    const entity: Entity = { text: mention, type, start, end, rule }
    if (lexicon) entity.lexicon = lexicon
    if (options.learned && !WEAK_RULES.has(rule) && rule !== 'entities/same-name-in-release' && !options.learned.has(mention)) options.learned.set(mention, { type, rule })
    const code = type === 'country' ? countryCode(mention, extra) : undefined
    if (code) entity.canonical = code
    else if (options.abbreviations?.has(mention)) entity.canonical = options.abbreviations.get(mention)!
    else if (longForms.has(mention)) entity.canonical = mention
    found.push(entity)
  }
  /** Runs still to read, last first (a stack: an "and" or a title pushes the rest back in O(1)). */
  const pending = chunks(text, tokens).reverse()
  /** Where the text already taken ends (a state or country after a city). */
  let skipUntil = -1
  while (pending.length > 0) {
    let run = pending.pop()!
    // A state code already taken by the city before it: the rest of its run is still read.
    while (run.length > 0 && run[0]!.start < skipUntil) run = run.slice(1)
    // Sentence-initial ordinary words ("Launching", "The") and a leading "the" are not part of a name.
    let from = 0
    while (from < run.length) {
      const first = run[from]!
      if (first.text === 'The' || first.text === 'the' || CONNECTORS.has(first.text) || EDGE_WORDS.has(first.text) || (opensSentence(text, first.start) && isOrdinary(first.text))) from++
      else break
    }
    let to = run.length
    // A trailing common acronym is no part of the name: "U.S. LNG", "American AI".
    while (to > from && (CONNECTORS.has(run[to - 1]!.text) || EDGE_WORDS.has(run[to - 1]!.text) || (to - from > 1 && ((TRAILING.has(run[to - 1]!.text) && !CONNECTORS.has(run[to - 2]!.text)) || commonAcronym(run[to - 1]!.text))))) to--
    if (from > 0 || to < run.length) run = run.slice(from, to)
    if (run.length === 0) continue
    if (run.length === 1 && NOT_ENTITIES.has(run[0]!.text)) continue
    // "United States and India", "Stanford University and the NASA Johnson Space
    // Center": "and" joins two names unless a cue word makes one name of it
    // ("Department of Health and Human Services", "CHIPS and Science Act").
    const cued = run.some((t) => isCue(t.text))
    const and = run.findIndex((t, k) => {
      if (k === 0 || (t.text !== 'and' && t.text !== '&') || k === run.length - 1) return false
      const next = run[k + 1]!
      if (!cued || next.text === 'the' || countryCode(next.text, extra) !== undefined) return true
      // The words up to the next connector: a country ("the United States"), or a name of its own.
      let stop = k + 1
      while (stop < run.length && !CONNECTORS.has(run[stop]!.text) && stop - k <= 6) stop++
      if (countryCode(text.slice(next.start, run[stop - 1]!.end), extra) !== undefined) return true
      if (stop !== run.length) return false
      const right = run.slice(k + 1)
      if (right.length === 1 && (lexiconOrganization(right[0]!.text) || (options.gazetteer ?? BUNDLED).organizations.has(right[0]!.text.toLowerCase()))) return true
      return bothNames(run.slice(Math.max(0, k - 6), k), right)
    })
    if (and > 0) {
      const company = cued && COMPANY_SUFFIXES.has(run.at(-1)!.text)
      pending.push(run.slice(and + 1))
      run = run.slice(0, and)
      while (run.length > 0 && CONNECTORS.has(run.at(-1)!.text)) run = run.slice(0, -1)
      if (run.length === 0) continue
      // "Ultra Maritime and Bharat Dynamics Limited": the left side is a company too.
      if (company && !run.some((t) => isCue(t.text))) {
        push(run, typed('organization', 'entities/coordinated-company'))
        continue
      }
    }
    // A title before a name: the person, without the title.
    const title = titleLength(run)
    if (title > 0) {
      const person = run.slice(title)
      if (person.length <= 3 && person.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || NAME_PARTICLES.has(t.text))) {
        push(person, typed('person', 'entities/title-person'))
        continue
      }
      run = person
    }
    // A title inside the run: "New Orleans Mayor LaToya Cantrell", "U.S. Secretary of Energy Jennifer Granholm".
    const titled = splitAtTitle(run, (options.gazetteer ?? BUNDLED).places)
    if (titled) {
      const [before, person, after] = titled
      if (after.length > 0) pending.push(after)
      pending.push(person.map((t) => ({ ...t, person: true })))
      if (before.length > 0) pending.push(before)
      continue
    }
    if ((run[0] as Token & { person?: boolean }).person) {
      push(run, typed('person', 'entities/title-person'))
      continue
    }
    // A state's government is a mention of the state: "Government of Ukraine" → Ukraine.
    if (run[0]!.text === 'Government' && run[1]?.text === 'of') {
      const state = run.slice(run[2]?.text === 'the' ? 3 : 2)
      if (state.length > 0 && countryCode(text.slice(state[0]!.start, state.at(-1)!.end), extra)) {
        push(state, typed('country', 'entities/government-of-country'))
        continue
      }
    }
    // "U.S.-India" alone (or "U.S.-ASEAN"): each side is read as a name of its own.
    const hyphens = run.map((t, k) => k > 0 && /^[-–]$/.test(text.slice(run[k - 1]!.end, t.start)))
    if (hyphens.some(Boolean) && hyphens.every((h, k) => k === 0 || h)) {
      for (let k = run.length - 1; k >= 0; k--) pending.push([run[k]!])
      continue
    }
    const words = run.map((t) => t.text.replace(/['’]s$/, ''))
    const name = text.slice(run[0]!.start, run.at(-1)!.end).replace(/['’]s$/, '')
    // "U.S.-India", "U.S.-ROK": two countries.
    if (run.length === 1 && /[-–]/.test(name)) {
      const parts = name.split(/(?<=[\p{L}.])[-–](?=\p{L})/u)
      if (parts.length > 1 && parts.every((p) => countryCode(p, extra))) {
        let at = run[0]!.start
        for (const part of parts) {
          push([{ text: part, start: at, end: at + part.length }], typed('country', 'entities/country-pair'))
          at += part.length + 1
        }
        continue
      }
    }
    // "Richmond, VA", "Piketon, Ohio", "Hanoi, Vietnam": a name before a state's postal code, a state or a country is a city; both are places.
    const where = /^,\s*(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2})(?=$|[\s.,;:)])/u.exec(text.slice(run.at(-1)!.end, run.at(-1)!.end + 40))
    if (where && run.length <= 4 && !run.some((t) => isCue(t.text)) && !countryCode(name, extra)) {
      const region = where[1]!.replace(/\.$/, '')
      const code = STATE_CODES.has(region) && !/\./.test(region)
      const named = !code && (STATE_NAMES.has(region) || countryCode(region, extra) !== undefined)
      if (code || named) {
        push(run, typed('place', 'entities/city-region'))
        const at = run.at(-1)!.end + where[0].indexOf(region)
        const regionTokens = tokenize(region).map((t) => ({ text: t.text, start: t.start + at, end: t.end + at }))
        push(regionTokens, code ? typed('place', 'entities/city-region') : typeOf(regionTokens.map((t) => t.text), region, options)!)
        skipUntil = at + region.length
        continue
      }
    }
    // An abbreviation of a common noun phrase is no name: "illegal, unreported and unregulated (IUU) fishing".
    const long = options.abbreviations?.get(name)
    if (long && !/\p{Lu}/u.test(long)) continue
    const after = wordAfter(text, run.at(-1)!.end)
    let type = typeOf(words, name, options, after)
    // The verbs and words around a short untyped name: "Google will equip", "including Trafigura and TotalEnergy".
    if (!type && run.length <= 2 && (!opensSentence(text, run[0]!.start) || (after !== undefined && VERBS_AFTER.has(after))) && !run.some((t) => countryCode(t.text, extra) || isCue(t.text) || TITLE_WORDS.has(t.text) || isOrdinary(t.text) || PLACE_CUES.has(t.text) || COMMON_SHAPE.test(t.text) || (run.length === 1 && lexiconKnows(t.text))) && ((after && VERBS_AFTER.has(after)) || WORDS_BEFORE.has(wordBefore(text, run[0]!.start) ?? ''))) {
      type = typed('organization', 'entities/context-organization')
    }
    // A person named without a title: a given name (compromise's lexicon) and one or two capitalised words compromise tags as a person ("Mitch Landrieu").
    if (!type && run.length >= 2 && run.length <= 3 && lexiconGivenName(run[0]!.text) && run.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) && !isCue(t.text) && !PLACE_CUES.has(t.text))) {
      const terms = tagTerms(name)
      if (terms.length === run.length && terms.every((t) => t.tags.has('Person'))) type = typed('person', 'entities/name-person')
    }
    if (!type) {
      // No type for the whole run: its countries still count ("Indian and Korean").
      for (const token of run) if (countryCode(token.text, extra)) push([token], typed('country', 'entities/gazetteer-country', entryOf(gazetteer, token.text)))
      continue
    }
    push(run, type)
  }
  return found
}
