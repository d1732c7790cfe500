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
 *    places, organizations, initiatives), then the last word's cue
 *    (Department, Agency… → organization; Initiative, Dialogue, Act… →
 *    initiative; System, -class… → product), acronyms (organization unless
 *    known), model numbers (product). Anything else is not an entity.
 */
import type { Entity, EntityType } from '../schema/document.js'
import { countryCode } from './countries.js'
import worldCountries, { type Country } from 'world-countries'
import data from './gazetteer.json' with { type: 'json' }

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
const CAPITALS = (worldCountries as unknown as Country[]).flatMap((country) => country.capital ?? [])

export function buildGazetteer(extra: Partial<{ countries: Record<string, string[]>; places: string[]; organizations: string[]; initiatives: string[]; products: string[] }> = {}): Gazetteer {
  const countries = new Map<string, string>()
  for (const [code, names] of Object.entries(extra.countries ?? {})) for (const name of names) countries.set(name, code)
  return {
    places: lowerSet([...data.places, ...STATES.map(([, name]) => name), ...CAPITALS, ...(extra.places ?? [])]),
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
/** Titles by their words, longest first ("Vice President" before "President"). */
const TITLES = data.titles.map((t) => t.split(' ')).sort((a, b) => b.length - a.length)
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

const isAcronym = (w: string) => /^[\p{Lu}\d][\p{Lu}\d&\-.]*\p{Lu}[\p{Lu}\d\-.]*$/u.test(w) && /\p{Lu}.*\p{Lu}|\p{Lu}\d|\d\p{Lu}/u.test(w)
const isModel = (w: string) => /^\p{Lu}{1,4}-?\d+[\p{L}\d-]*$/u.test(w) || /\d.*-|-.*\d/.test(w) && /\p{Lu}/u.test(w)
/** Capitalised, ALL CAPS, or alphanumeric with a letter (3rdiTech, 114ai, iCET). */
const isNameLike = (w: string) => (/^\p{Lu}/u.test(w) || /^\d+\p{L}/u.test(w) || /^\p{Ll}+\p{Lu}/u.test(w)) && !/^\d+(?:s|st|nd|rd|th|G|GW|MW|km|kg|m)$/.test(w)

export interface FindOptions {
  gazetteer?: Gazetteer
  /** Words that are ordinary when they open a sentence (verbs, function words). */
  isOrdinary?: (word: string) => boolean
  /** Abbreviations defined in the document: short form → long form. */
  abbreviations?: Map<string, string>
  /** Types of long forms already seen in the document. */
  known?: Map<string, EntityType>
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

function typeOf(words: string[], name: string, options: FindOptions): EntityType | undefined {
  const lower = name.toLowerCase()
  const g = options.gazetteer ?? BUNDLED
  if (countryCode(name, g.countries)) return 'country'
  if (g.places.has(lower)) return 'place'
  if (g.initiatives.has(lower)) return 'initiative'
  if (g.organizations.has(lower)) return 'organization'
  if (g.products.has(lower)) return 'product'
  const known = options.known?.get(name) ?? (options.abbreviations?.has(name) ? options.known?.get(options.abbreviations.get(name)!) : undefined)
  if (known) return known
  // A defined abbreviation takes the type its long form would have.
  const long = options.abbreviations?.get(name)
  if (long && long !== name) {
    const type = typeOf(long.split(/\s+/), long, { ...options, abbreviations: undefined })
    if (type) return type
  }
  const last = words.at(-1)!
  if (last.endsWith('-class') || PRODUCT_CUES.has(last)) return 'product'
  /** A cue word after the first word (the last word's was checked first). */
  const cue = (set: Set<string>) => words.slice(1).some((w) => set.has(w))
  const twoWordCue = words.length >= 2 ? `${words.at(-2)} ${last}` : ''
  if (INITIATIVE_CUES.has(twoWordCue)) return 'initiative'
  // "Department of State", "Memorandum of Understanding", "Partnership for Global Infrastructure".
  if (words.length > 2 && ['of', 'for', 'on'].includes(words[1]!)) {
    if (ORG_CUES.has(words[0]!)) return 'organization'
    if (INITIATIVE_CUES.has(words[0]!)) return 'initiative'
  }
  if (INITIATIVE_CUES.has(last) && words.length > 1) return 'initiative'
  if (ORG_CUES.has(last) && words.length > 1) return 'organization'
  if (cue(ORG_CUES)) return 'organization'
  if (cue(INITIATIVE_CUES)) return 'initiative'
  if (words.length === 1) {
    if (isModel(name)) return 'product'
    if (isAcronym(name) || /^\d+\p{L}/u.test(name) || /^\p{Ll}+\p{Lu}/u.test(name)) return 'organization'
    return undefined
  }
  // Several capitalised words with no cue: a named body if it holds an acronym or a country, else nothing.
  if (words.some((w) => isAcronym(w)) || words.some((w) => countryCode(w, g.countries))) return 'organization'
  return undefined
}

/** Entity mentions of one commitment text, in order, with exact offsets. */
export function findEntities(text: string, options: FindOptions = {}): Entity[] {
  const extra = (options.gazetteer ?? BUNDLED).countries
  const isOrdinary = options.isOrdinary ?? ordinary
  const longForms = new Set(options.abbreviations?.values() ?? [])
  const tokens = tokenize(text)
  const found: Entity[] = []
  const push = (run: Token[], type: EntityType) => {
    const start = run[0]!.start
    let end = run.at(-1)!.end
    let mention = text.slice(start, end)
    const possessive = /['’]s$/.exec(mention)
    if (possessive) {
      end -= 2
      mention = mention.slice(0, -2)
    }
    const entity: Entity = { text: mention, type, start, end }
    if (options.known && !options.known.has(mention)) options.known.set(mention, type)
    const code = type === 'country' ? countryCode(mention, extra) : undefined
    if (code) entity.canonical = code
    else if (options.abbreviations?.has(mention)) entity.canonical = options.abbreviations.get(mention)!
    else if (longForms.has(mention)) entity.canonical = mention
    found.push(entity)
  }
  const pending = chunks(text, tokens)
  /** Starts of tokens already taken (a state code after a city). */
  const skip = new Set<number>()
  while (pending.length > 0) {
    let run = pending.shift()!
    // A state code already taken by the city before it: the rest of its run is still read.
    if (run.length > 0 && skip.has(run[0]!.start)) run = run.slice(1)
    // Sentence-initial ordinary words ("Launching", "The") and a leading "the" are not part of a name.
    while (run.length > 0) {
      const first = run[0]!
      const opensSentence = first.start === 0 || /[.!?:;]\s*$/.test(text.slice(0, first.start))
      if (first.text === 'The' || first.text === 'the' || CONNECTORS.has(first.text) || EDGE_WORDS.has(first.text) || (opensSentence && isOrdinary(first.text))) run = run.slice(1)
      else break
    }
    while (run.length > 0 && (CONNECTORS.has(run.at(-1)!.text) || EDGE_WORDS.has(run.at(-1)!.text) || (run.length > 1 && TRAILING.has(run.at(-1)!.text)))) run = run.slice(0, -1)
    if (run.length === 0) continue
    if (run.length === 1 && NOT_ENTITIES.has(run[0]!.text)) continue
    // "United States and India", "Stanford University and the NASA Johnson Space
    // Center": "and" joins two names unless a cue word makes one name of it
    // ("Department of Health and Human Services", "CHIPS and Science Act").
    const cued = run.some((t) => ORG_CUES.has(t.text) || INITIATIVE_CUES.has(t.text))
    const and = run.findIndex((t, k) => {
      if (k === 0 || (t.text !== 'and' && t.text !== '&') || k === run.length - 1) return false
      const right = run.slice(k + 1)
      return !cued || right[0]!.text === 'the' || countryCode(text.slice(right[0]!.start, right.at(-1)!.end), extra) !== undefined || countryCode(right[0]!.text, extra) !== undefined
    })
    if (and > 0) {
      pending.unshift(run.slice(and + 1))
      run = run.slice(0, and)
      while (run.length > 0 && CONNECTORS.has(run.at(-1)!.text)) run = run.slice(0, -1)
      if (run.length === 0) continue
    }
    // A title before a name: the person, without the title.
    const title = titleLength(run)
    if (title > 0) {
      const person = run.slice(title)
      if (person.length <= 3 && person.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || /^(?:J\.|Jr\.?|de|López|Lopez)$/.test(t.text))) {
        push(person, 'person')
        continue
      }
      run = person
    }
    // A state's government is a mention of the state: "Government of Ukraine" → Ukraine.
    if (run[0]!.text === 'Government' && run[1]?.text === 'of') {
      const state = run.slice(run[2]?.text === 'the' ? 3 : 2)
      if (state.length > 0 && countryCode(text.slice(state[0]!.start, state.at(-1)!.end), extra)) {
        push(state, 'country')
        continue
      }
    }
    const words = run.map((t) => t.text.replace(/['’]s$/, ''))
    const name = text.slice(run[0]!.start, run.at(-1)!.end).replace(/['’]s$/, '')
    // "U.S.-India", "U.S.-ROK": two countries.
    if (run.length === 1 && /[-–]/.test(name)) {
      const parts = name.split(/(?<=[\p{L}.])[-–](?=\p{L})/u)
      if (parts.length > 1 && parts.every((p) => countryCode(p, extra))) {
        let at = run[0]!.start
        for (const part of parts) {
          push([{ text: part, start: at, end: at + part.length }], 'country')
          at += part.length + 1
        }
        continue
      }
    }
    // "Richmond, VA": a name before a state's postal code is a city; both are places.
    const state = /^,\s*([A-Z]{2})\b(?![.\-])/.exec(text.slice(run.at(-1)!.end))
    if (state && STATE_CODES.has(state[1]!) && run.length <= 4 && !run.some((t) => ORG_CUES.has(t.text) || INITIATIVE_CUES.has(t.text))) {
      push(run, 'place')
      const at = run.at(-1)!.end + state[0].indexOf(state[1]!)
      push([{ text: state[1]!, start: at, end: at + 2 }], 'place')
      skip.add(at)
      continue
    }
    const type = typeOf(words, name, options)
    if (!type) {
      // No type for the whole run: its countries still count ("Indian and Korean").
      for (const token of run) if (countryCode(token.text, extra)) push([token], 'country')
      continue
    }
    push(run, type)
  }
  return found
}
