/**
 * Entity mentions in a commitment's text (SPEC §6), by rules over the
 * shape of names and data in `gazetteer.json`:
 *
 * 1. Chunk: maximal runs of name-like words (Capitalised, ACRONYMS,
 *    alphanumerics such as MQ-9B, 3rdiTech, iCET), joined by connectors
 *    ("of", "and", "for") when a name-like word follows, never across
 *    punctuation. A leading "the", a sentence-initial ordinary word and a
 *    trailing possessive are left out.
 * 2. Split: a title before a name leaves the person ("President Biden" →
 *    Biden); "U.S.-India" alone is two countries.
 * 3. Type: the gazetteers (countries from world-countries with ISO codes,
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
import type { Entity, EntityType } from '../schema/document.js'
import { countryCode } from './countries.js'
import { lexiconGivenName, lexiconKnows, lexiconOrganization, tagTerms } from '../nlp/compromise.js'
import worldCountries, { type Country } from 'world-countries'
import data from './gazetteer.json' with { type: 'json' }
import placeData from './places.json' with { type: 'json' }

interface Token {
  text: string
  start: number
  end: number
}

const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()))

/** The name lists, the bundled ones plus what `pipeline.config.ts` adds (`entities`). */
export interface Gazetteer {
  places: Set<string>
  organizations: Set<string>
  initiatives: Set<string>
  products: Set<string>
  countries: Map<string, string>
}

/** US states by name, and capitals from world-countries: places. */
const STATES = Object.entries(data.usStates).filter(([code]) => !code.startsWith('$')) as Array<[string, string]>
const STATE_CODES = new Set(STATES.map(([code]) => code))
const STATE_NAMES = new Set(STATES.map(([, name]) => name))
const CAPITALS = (worldCountries as unknown as Country[]).flatMap((country) => country.capital ?? [])

export function buildGazetteer(extra: Partial<{ countries: Record<string, string[]>; places: string[]; organizations: string[]; initiatives: string[]; products: string[] }> = {}): Gazetteer {
  const countries = new Map<string, string>()
  for (const [code, names] of Object.entries(extra.countries ?? {})) for (const name of names) countries.set(name, code)
  return {
    places: lowerSet([...data.places, ...STATES.map(([, name]) => name), ...CAPITALS, ...placeData.cities, ...placeData.provinces, ...(extra.places ?? [])]),
    organizations: lowerSet([...data.organizations, ...(extra.organizations ?? [])]),
    initiatives: lowerSet([...data.initiatives, ...(extra.initiatives ?? [])]),
    products: lowerSet(extra.products ?? []),
    countries
  }
}

const BUNDLED = buildGazetteer()
/** Without a lexicon: a sentence-initial -ing or -ed word is a verb ("Launching", "Welcomed"). */
const ordinary = (word: string) => /^\p{Lu}\p{Ll}+(?:ing|ed)$/u.test(word)
/** Cue words that may follow a parenthesised abbreviation inside one name. */
const INSIDE_CUES = new Set([...data.initiativeCues, ...data.orgCues])
const NOT_ENTITIES = new Set(data.notEntities.words)
const EDGE_WORDS = new Set(data.edgeWords.words)
const CONNECTORS = new Set(data.connectors)
const ORG_CUES = new Set(data.orgCues)
const INITIATIVE_CUES = new Set(data.initiativeCues)
const PRODUCT_CUES = new Set(data.productCues)
const PLACE_CUES = new Set(data.placeCues.words)
const HEAD_INITIATIVE = new Set(data.headNouns.initiative)
const COMPANY_SUFFIXES = new Set(data.companySuffixes)
/** Shapes of common words, never a firm's one-word name: plurals, abstract-noun suffixes, hyphenated compounds ("Volunteers", "Prevention", "California-based"). */
const COMMON_SHAPE = /(?:[^su]s|tion|sion|ment|ness|ity|ance|ence|ing|ship|ism|al|ic|ive|ean|can)$|-/u
const VERBS_AFTER = new Set(data.organizationContext.verbsAfter)
const WORDS_BEFORE = new Set(data.organizationContext.wordsBefore)
const isCue = (w: string) => ORG_CUES.has(w) || INITIATIVE_CUES.has(w)
/** Titles by their words, longest first ("Vice President" before "President"). */
const TITLES = data.titles.map((t) => t.split(' ')).sort((a, b) => b.length - a.length)
const TITLE_WORDS = new Set(data.titles.flatMap((t) => t.split(' ')))
/** Words that follow a name without being part of it ("the NASA Administrator", "ROK Government"). */
const TRAILING = new Set(data.trailingTitles)

/** Words with their offsets; `U.S.`, `Inc.` keep their periods, a sentence's final period does not stay on its word. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.'’&\-/][\p{L}\p{N}]+)*\.?(?:-class)?/gu)) {
    let word = m[0]
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word) && !/^(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Ms|Mrs|No)\.$/.test(word)) word = word.slice(0, -1)
    tokens.push({ text: word, start: m.index!, end: m.index! + word.length })
  }
  return tokens
}

/**
 * Capitals, digits and `&.-` only, opening with a capital or digit, with a
 * capital after the first character and no `&` after the last capital,
 * holding two capitals or a capital beside a digit (ISRO, R&D, INDUS-X, C3F).
 * Written without backtracking patterns: linear in the word.
 */
function isAcronym(w: string): boolean {
  if (!/^[\p{Lu}\d][\p{Lu}\d&.-]*$/u.test(w)) return false
  let capitals = 0
  let lastCapital = -1
  for (let i = 0; i < w.length; i++) {
    if (/\p{Lu}/u.test(w[i]!)) {
      capitals++
      if (i > 0) lastCapital = i
    }
  }
  if (lastCapital < 0 || w.indexOf('&', lastCapital) >= 0) return false
  return capitals >= 2 || /\p{Lu}\d|\d\p{Lu}/u.test(w)
}
/** A common acronym that ends a run without naming anything ("U.S. LNG"); not a numeral ("Artemis II") nor a cue ("Awareness MOU"). */
const commonAcronym = (w: string) => NOT_ENTITIES.has(w) && isAcronym(w) && !/^[IVX]+$/.test(w) && !isCue(w)
/** A model number: MQ-9B, F414-INS6, H-1B; a capital with digits and a hyphen. */
const isModel = (w: string) => /^\p{Lu}{1,4}-?\d+[\p{L}\d-]*$/u.test(w) || (w.includes('-') && /\d/.test(w) && /\p{Lu}/u.test(w))
/** Capitalised, ALL CAPS, alphanumeric with a letter (3rdiTech, 114ai, iCET), or a particle and a capital (d’Ivoire). */
const isNameLike = (w: string) => (/^\p{Lu}/u.test(w) || /^\d+\p{L}/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w) || /^\p{Ll}['’]\p{Lu}/u.test(w)) && !/^\d+(?:s|st|nd|rd|th|G|GW|MW|km|kg|m)$/.test(w)

export interface FindOptions {
  gazetteer?: Gazetteer
  /** Words that are ordinary when they open a sentence (verbs, function words). */
  isOrdinary?: (word: string) => boolean
  /** Abbreviations defined in the document: short form → long form. */
  abbreviations?: Map<string, string>
  /** Names the release has typed with evidence beyond their shape (filled as mentions are found). */
  learned?: Map<string, Typed>
}

/** Runs of name-like tokens, joined by connectors, never across punctuation. */
function chunks(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = []
  let i = 0
  while (i < tokens.length) {
    if (!isNameLike(tokens[i]!.text)) {
      i++
      continue
    }
    const run = [tokens[i]!]
    let j = i + 1
    while (j < tokens.length) {
      const gap = text.slice(tokens[j - 1]!.end, tokens[j]!.start)
      // An abbreviation inside a name stays part of it: "Defense Acceleration Ecosystem (INDUS-X) Summit".
      if (/^ \($/.test(gap) && isAcronym(tokens[j]!.text) && j + 1 < tokens.length && text.slice(tokens[j]!.end, tokens[j + 1]!.start) === ') ' && isNameLike(tokens[j + 1]!.text) && INSIDE_CUES.has(tokens[j + 1]!.text)) {
        run.push(tokens[j]!, tokens[j + 1]!)
        j += 2
        continue
      }
      // "U.S.-India Strategic Trade Dialogue": a hyphen after "U.S." joins the next name (a bare pair is split again below).
      if (/^[-–]$/.test(gap) && /\.$/.test(tokens[j - 1]!.text) && isNameLike(tokens[j]!.text)) {
        run.push(tokens[j]!)
        j++
        continue
      }
      if (!/^[ \u00a0]+$/.test(gap)) break
      const word = tokens[j]!.text
      // A possessive ends a name: "ROK’s ASEAN policy" is two.
      if (/['’]s$/.test(tokens[j - 1]!.text)) break
      if (isNameLike(word)) {
        run.push(tokens[j]!)
        j++
        continue
      }
      // A connector joins only when a name-like word follows it ("Department of Commerce").
      if (CONNECTORS.has(word) && j + 1 < tokens.length && /^[ \u00a0]+$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) {
        const next = tokens[j + 1]!.text
        const afterThe = next === 'the' && j + 2 < tokens.length ? tokens[j + 2]!.text : next
        if (isNameLike(afterThe)) {
          run.push(tokens[j]!)
          j++
          continue
        }
      }
      break
    }
    out.push(run)
    i = j
  }
  return out
}

/** A title at the start of a run: how many tokens it takes. */
function titleLength(run: Token[]): number {
  for (const title of TITLES) {
    if (title.length < run.length && title.every((w, k) => run[k]!.text === w)) return title.length
  }
  return 0
}

/** A type and the id of the rule that gave it (SPEC §9). */
export interface Typed {
  type: EntityType
  rule: string
}

/** Rules that type a name by its shape alone: weaker than any evidence the release gives elsewhere. */
export const WEAK_RULES = new Set(['entities/acronym-organization', 'entities/alphanumeric-organization', 'entities/name-with-acronym-organization'])

const typed = (type: EntityType, rule: string): Typed => ({ type, rule })

/**
 * The type of a run of words: gazetteers, what the release said of the same
 * name, the head noun after it, the long form it abbreviates, cue words,
 * then its shape. `after` is the lower-cased word right after the name.
 */
function typeOf(words: string[], name: string, options: FindOptions, after?: string): Typed | undefined {
  const lower = name.toLowerCase()
  const g = options.gazetteer ?? BUNDLED
  if (countryCode(name, g.countries)) return typed('country', 'entities/gazetteer-country')
  if (g.places.has(lower)) return typed('place', 'entities/gazetteer-place')
  if (g.initiatives.has(lower)) return typed('initiative', 'entities/gazetteer-initiative')
  if (g.organizations.has(lower)) return typed('organization', 'entities/gazetteer-organization')
  if (g.products.has(lower)) return typed('product', 'entities/gazetteer-product')
  const long = options.abbreviations?.get(name)
  const learned = options.learned?.get(name) ?? (long ? options.learned?.get(long) : undefined)
  if (learned) return typed(learned.type, 'entities/same-name-in-release')
  const last = words.at(-1)!
  const hasCue = words.some((w) => isCue(w) || PLACE_CUES.has(w) || PRODUCT_CUES.has(w))
  // The head of the phrase the name sits in: "the Fulbright program", "ARP funds", "the CLPS project".
  if (after && !hasCue && HEAD_INITIATIVE.has(after)) return typed('initiative', 'entities/head-noun-initiative')
  // A defined abbreviation takes the type its long form would have.
  if (long && long !== name) {
    const type = typeOf(long.split(/\s+/), long, { ...options, abbreviations: undefined, learned: undefined })
    if (type && !WEAK_RULES.has(type.rule)) return typed(type.type, 'entities/abbreviation-long-form')
  }
  if (last.endsWith('-class') || PRODUCT_CUES.has(last)) return typed('product', 'entities/cue-product')
  /** A cue word after the first word (the last word's was checked first). */
  const cue = (set: Set<string>) => words.slice(1).some((w) => set.has(w))
  const twoWordCue = words.length >= 2 ? `${words.at(-2)} ${last}` : ''
  if (INITIATIVE_CUES.has(twoWordCue)) return typed('initiative', 'entities/cue-initiative')
  // "Gulf of Guinea", "Atlantic Ocean", "Samana Province".
  if (words.length > 1 && (PLACE_CUES.has(last) || (words.length > 2 && PLACE_CUES.has(words[0]!) && words[1] === 'of'))) return typed('place', 'entities/cue-place')
  // The head before the first preposition: "Department of State", "Japan Bank for International Cooperation", "Partnership for Global Infrastructure".
  // A body's cue at any such head wins ("American Network of Services for Afghanistan Refugees").
  const heads = words.filter((_, k) => k < words.length - 2 && ['of', 'for', 'on'].includes(words[k + 1]!))
  if (heads.some((w) => ORG_CUES.has(w))) return typed('organization', 'entities/cue-organization')
  if (heads.length > 0 && INITIATIVE_CUES.has(heads[0]!)) return typed('initiative', 'entities/cue-initiative')
  if (INITIATIVE_CUES.has(last) && words.length > 1) return typed('initiative', 'entities/cue-initiative')
  if (ORG_CUES.has(last) && words.length > 1) return typed('organization', 'entities/cue-organization')
  if (cue(ORG_CUES)) return typed('organization', 'entities/cue-organization')
  if (cue(INITIATIVE_CUES)) return typed('initiative', 'entities/cue-initiative')
  if (words.length === 1) {
    if (isModel(name)) return typed('product', 'entities/model-product')
    if (isAcronym(name)) return typed('organization', 'entities/acronym-organization')
    if (/^\d+\p{L}/u.test(name) || /^\p{Ll}+\p{Lu}/u.test(name)) return typed('organization', 'entities/alphanumeric-organization')
    // A brand's inner capital: TechMet, CSquared, AppleSeeds.
    if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}|^\p{Lu}{2}\p{Ll}{3,}$/u.test(name)) return typed('organization', 'entities/camel-case-organization')
    if (lexiconOrganization(name)) return typed('organization', 'entities/lexicon-organization')
    return undefined
  }
  if (words.length === 2 && lexiconOrganization(name)) return typed('organization', 'entities/lexicon-organization')
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(words[0]!)) return typed('organization', 'entities/camel-case-organization')
  // Several capitalised words with no cue: a named body if it holds an acronym or a country, else nothing.
  if (words.some((w) => isAcronym(w)) || words.some((w) => countryCode(w, g.countries))) return typed('organization', 'entities/name-with-acronym-organization')
  return undefined
}

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

/**
 * "Baton Rouge Mayor Sharon Weston Broome", "U.S. Secretary of Energy Jennifer
 * Granholm": where a title (and its office, "of Energy") sits inside a run
 * and is followed by one to three capitalised words, the words after it are a
 * person and those before it a name of their own. Returns [before, person].
 */
function splitAtTitle(run: Token[], options: FindOptions): [Token[], Token[], Token[]] | undefined {
  for (let k = 0; k < run.length - 1; k++) {
    const title = TITLES.find((t) => t.length < run.length - k && t.every((w, i) => run[k + i]!.text === w))
    if (!title) continue
    // What follows "and" is a name of its own ("… Jennifer Granholm and Baton Rouge Mayor …").
    let rest = run.slice(k + title.length)
    const and = rest.findIndex((t) => t.text === 'and' || t.text === '&')
    const after = and >= 0 ? rest.slice(and + 1) : []
    if (and >= 0) rest = rest.slice(0, and)
    // The office: "Secretary of Energy Jennifer Granholm" → the last two words are the person.
    if (rest[0]?.text === 'of') rest = rest.length >= 4 ? rest.slice(-2) : rest.length === 3 ? rest.slice(-1) : []
    const personLike = (t: Token) => (/^\p{Lu}\p{Ll}/u.test(t.text) && !isCue(t.text) && !PLACE_CUES.has(t.text)) || /^(?:J\.|Jr\.?|de|López|Lopez)$/.test(t.text)
    const place = (options.gazetteer ?? BUNDLED).places.has(rest.map((t) => t.text).join(' ').toLowerCase())
    if (rest.length >= 1 && rest.length <= 3 && rest.every(personLike) && !place) return [run.slice(0, k), rest, after]
  }
  return undefined
}

/** Two names joined by "and" when each is a name on its own: "Ultra Maritime and Bharat Dynamics Limited", "African Development Bank and Africa Finance Corporation". */
function bothNames(left: Token[], right: Token[]): boolean {
  const l = left.at(-1)?.text ?? ''
  const r = right.at(-1)?.text ?? ''
  if (ORG_CUES.has(l) && ORG_CUES.has(r) && left.length >= 2) return true
  const named = (side: Token[]) => side.length >= 2 && side.every((t) => isNameLike(t.text))
  return COMPANY_SUFFIXES.has(r) && named(left) && named(right.slice(0, -1))
}

/** Entity mentions of one commitment text, in order, with exact offsets. */
export function findEntities(text: string, options: FindOptions = {}): Entity[] {
  const extra = (options.gazetteer ?? BUNDLED).countries
  const isOrdinary = options.isOrdinary ?? ordinary
  const longForms = new Set(options.abbreviations?.values() ?? [])
  const tokens = tokenize(text)
  const found: Entity[] = []
  const push = (run: Token[], { type, rule }: Typed) => {
    const start = run[0]!.start
    let end = run.at(-1)!.end
    let mention = text.slice(start, end)
    const possessive = /['’]s$/.exec(mention)
    if (possessive) {
      end -= 2
      mention = mention.slice(0, -2)
    }
    const entity: Entity = { text: mention, type, start, end, rule }
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
      if (person.length <= 3 && person.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || /^(?:J\.|Jr\.?|de|López|Lopez)$/.test(t.text))) {
        push(person, typed('person', 'entities/title-person'))
        continue
      }
      run = person
    }
    // A title inside the run: "New Orleans Mayor LaToya Cantrell", "U.S. Secretary of Energy Jennifer Granholm".
    const titled = splitAtTitle(run, options)
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
      for (const token of run) if (countryCode(token.text, extra)) push([token], typed('country', 'entities/gazetteer-country'))
      continue
    }
    push(run, type)
  }
  return found
}
