/**
 * SPEC §6 entities: the contract's own examples and sentences from the
 * corpus, each with the mentions a reader finds; abbreviations defined in
 * a document link their short and long forms.
 */
import { describe, expect, it } from 'vitest'
import { findAbbreviations } from '../src/entities/abbreviations.js'
import { buildGazetteer, findEntities } from '../src/entities/find-entities.js'
import { md, root } from './helpers.js'
import fs from 'node:fs'
import path from 'node:path'
import { ARCHIVE_RULES } from '../src/entities/archive-names.js'
import rules from '../src/entities/rules.json' with { type: 'json' }
import { countriesJson, placesJson } from '../scripts/build-places.js'

const RULE_IDS = new Set(rules.rules.map((r) => r.id))

type Expected = { text: string; type: string; canonical?: string }
const table: Array<[string, Expected[]]> = [
  ['Welcoming India’s acquisition of the MQ-9B platforms.', [{ text: 'India', type: 'country', canonical: 'IN' }, { text: 'MQ-9B', type: 'product' }]],
  ['Deepening U.S.-India cooperation with the U.S. Department of Commerce.', [{ text: 'U.S.', type: 'country', canonical: 'US' }, { text: 'India', type: 'country', canonical: 'IN' }, { text: 'U.S. Department of Commerce', type: 'organization' }]],
  ['President Biden and Prime Minister Modi welcomed the work of NSA Sullivan.', [{ text: 'Biden', type: 'person' }, { text: 'Modi', type: 'person' }, { text: 'Sullivan', type: 'person' }]],
  ['The United States and India will expand the partnership between NASA and ISRO.', [{ text: 'United States', type: 'country', canonical: 'US' }, { text: 'India', type: 'country', canonical: 'IN' }, { text: 'NASA', type: 'organization' }, { text: 'ISRO', type: 'organization' }]],
  ['Launching the Defense Acceleration Ecosystem (INDUS-X) Summit in Boston.', [{ text: 'Defense Acceleration Ecosystem (INDUS-X) Summit', type: 'initiative' }, { text: 'Boston', type: 'place' }]],
  ['Support from the Government of Ukraine and Filipino and Indian scientists.', [{ text: 'Ukraine', type: 'country', canonical: 'UA' }, { text: 'Filipino', type: 'country', canonical: 'PH' }, { text: 'Indian', type: 'country', canonical: 'IN' }]],
  ['Announcing a new Strategic Framework for Human Spaceflight Cooperation under the CHIPS and Science Act.', [{ text: 'Strategic Framework for Human Spaceflight Cooperation', type: 'initiative' }, { text: 'CHIPS and Science Act', type: 'initiative' }]],
  ['General Electric will co-produce F414-INS6 engines with Hindustan Aeronautics Limited.', [{ text: 'General Electric', type: 'organization' }, { text: 'F414-INS6', type: 'product' }, { text: 'Hindustan Aeronautics Limited', type: 'organization' }]],
  ['Visiting Stanford University and the NASA Johnson Space Center in the Indo-Pacific.', [{ text: 'Stanford University', type: 'organization' }, { text: 'NASA Johnson Space Center', type: 'organization' }, { text: 'Indo-Pacific', type: 'place' }]],
  ['The mayors of Richmond, VA and San Antonio, TX met in Kyiv and the West Bank.', [{ text: 'Richmond', type: 'place' }, { text: 'VA', type: 'place' }, { text: 'San Antonio', type: 'place' }, { text: 'TX', type: 'place' }, { text: 'Kyiv', type: 'place' }, { text: 'West Bank', type: 'place' }]],
  ['The two countries will work with industry on semiconductors and clean energy.', []],
  // Issue 17: two companies, titles and offices peeled, features and divisions, curly apostrophes, hyphenated names kept whole.
  ['Talks between Ultra Maritime and Bharat Dynamics Limited advanced.', [{ text: 'Ultra Maritime', type: 'organization' }, { text: 'Bharat Dynamics Limited', type: 'organization' }]],
  ['U.S. Secretary of Energy Jennifer Granholm visited the Atlantic Ocean.', [{ text: 'U.S.', type: 'country', canonical: 'US' }, { text: 'Jennifer Granholm', type: 'person' }, { text: 'Atlantic Ocean', type: 'place' }]],
  ['We back Côte d’Ivoire in the Gulf of Guinea and Puerto Plata.', [{ text: 'Côte d’Ivoire', type: 'country', canonical: 'CI' }, { text: 'Gulf of Guinea', type: 'place' }, { text: 'Puerto Plata', type: 'place' }]],
  ['We convened the U.S.-India Strategic Trade Dialogue to deepen U.S.-India ties.', [{ text: 'U.S.-India Strategic Trade Dialogue', type: 'initiative' }, { text: 'U.S.', type: 'country', canonical: 'US' }, { text: 'India', type: 'country', canonical: 'IN' }]],
  ['We will use ARP funds for the Fulbright program.', [{ text: 'ARP', type: 'initiative' }, { text: 'Fulbright', type: 'initiative' }]]
]

describe('entities (SPEC §6)', () => {
  for (const [text, expected] of table) {
    it(text, () => {
      const found = findEntities(text)
      for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text)
      expect(found.map(({ start: _s, end: _e, rule: _r, lexicon: _l, ...rest }) => rest)).toEqual(expected)
      for (const e of found) expect(RULE_IDS.has(e.rule)).toBe(true)
    })
  }

  it('finds abbreviations the Schwartz–Hearst way', () => {
    expect(
      findAbbreviations([
        'Celebrating the Indian Space Research Organisation (ISRO) and the Defense Acceleration Ecosystem (INDUS-X) launch.',
        'The initiative on Critical and Emerging Technology (iCET) was launched; the U.S. Agency for International Development (USAID) funds it (in part).'
      ])
    ).toEqual([
      { short: 'ISRO', long: 'Indian Space Research Organisation' },
      { short: 'INDUS-X', long: 'Defense Acceleration Ecosystem' },
      { short: 'iCET', long: 'initiative on Critical and Emerging Technology' },
      { short: 'USAID', long: 'U.S. Agency for International Development' }
    ])
  })

  it('takes additions from the config', () => {
    const gazetteer = buildGazetteer({ organizations: ['Acme Rocket Works'], countries: { IN: ['Bharat'] } })
    expect(findEntities('Bharat and Acme Rocket Works will launch.', { gazetteer }).map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Bharat', 'country', 'IN'],
      ['Acme Rocket Works', 'organization', undefined]
    ])
  })

  it('links short and long forms across a document through canonical, and lists the abbreviations', async () => {
    const doc = await md('- Welcoming the Indian Space Research Organisation (ISRO) partnership with NASA.\n- ISRO will launch the satellite with NASA in 2025.\n')
    expect(doc.abbreviations).toEqual([{ short: 'ISRO', long: 'Indian Space Research Organisation' }])
    const isro = doc.commitments.flatMap((c) => c.entities).filter((e) => /ISRO|Indian Space/.test(e.text))
    expect(isro.map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Indian Space Research Organisation', 'organization', 'Indian Space Research Organisation'],
      ['ISRO', 'organization', 'Indian Space Research Organisation'],
      ['ISRO', 'organization', 'Indian Space Research Organisation']
    ])
  })

  it('lists every rule it applies, each with an example that yields it (SPEC §9)', () => {
    const modules = fs.readdirSync(path.join(root, 'src', 'entities')).filter((f) => f.endsWith('.ts'))
    const source = modules.map((f) => fs.readFileSync(path.join(root, 'src', 'entities', f), 'utf8')).join('\n') + fs.readFileSync(path.join(root, 'src', 'stages', 'annotate', 'entities.ts'), 'utf8')
    const used = new Set([...source.matchAll(/'(entities\/[a-z-]+)'/g)].map((m) => m[1]!))
    // The archive's rule works across releases: test/archive-names.test.ts runs its example.
    expect([...used].sort()).toEqual([...RULE_IDS, ...ARCHIVE_RULES.map((r) => r.id)].sort())
    for (const rule of rules.rules) {
      const ex = rule.example as { text: string; mention: string; type: string; products?: string[]; learned?: Record<string, string>; abbreviations?: Record<string, string> }
      const found = findEntities(ex.text, {
        gazetteer: ex.products ? buildGazetteer({ products: ex.products }) : undefined,
        abbreviations: ex.abbreviations ? new Map(Object.entries(ex.abbreviations)) : undefined,
        learned: ex.learned ? new Map(Object.entries(ex.learned).map(([k, type]) => [k, { type: type as 'initiative', rule: 'entities/cue-initiative' }])) : undefined
      })
      expect(found.map((e) => [e.text, e.type, e.rule]), rule.id).toContainEqual([ex.mention, ex.type, rule.id])
    }
  })

  it('types a name by the evidence the release gives anywhere: an acronym before its programme noun', async () => {
    const doc = await md('- The ARP will help cities.\n- Cities are using ARP funds for jobs.\n')
    expect(doc.commitments.flatMap((c) => c.entities).map((e) => [e.text, e.type, e.rule])).toEqual([
      ['ARP', 'initiative', 'entities/same-name-in-release'],
      ['ARP', 'initiative', 'entities/head-noun-initiative']
    ])
  })

  it('ships a place gazetteer built from the packages as scripts/build-places.ts makes it', () => {
    expect(fs.readFileSync(path.join(root, 'src', 'entities', 'places.json'), 'utf8')).toBe(placesJson())
  })

  it('ships the fields of world-countries it reads as scripts/build-places.ts takes them', () => {
    expect(fs.readFileSync(path.join(root, 'src', 'entities', 'countries.json'), 'utf8')).toBe(countriesJson())
  })
})

/**
 * Issue 18 #3: the entity and abbreviation rules are linear. Each
 * pathological text is timed against plain prose of the same size; a
 * quadratic rule was 300× slower at 100 KB ("x (QZ) ": 11 s), a linear one
 * stays within a constant factor (a text that is all names finds more).
 */
describe('entities in linear time', () => {
  const size = 100_000
  const repeat = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size)
  const time = (text: string) => {
    const started = performance.now()
    findAbbreviations([text])
    findEntities(text)
    return performance.now() - started
  }
  const plain = repeat('The partners will expand training for nurses in rural clinics next year. ')
  const cases: Array<[string, string]> = [
    ['"x (QZ) " repeated', repeat('x (QZ) ')],
    ['a run of capitals ending in a lowercase letter', 'A'.repeat(size - 1) + 'a'],
    ['capitalised names and parentheses', repeat('Defense Acceleration Ecosystem (DAE) and ')],
    ['a long digit run with a capital', 'A' + '1'.repeat(size - 1)],
    ['sentence starts', repeat('Launching. ')]
  ]
  for (const [name, text] of cases) {
    it(name, () => {
      time(plain)
      const base = Math.max(time(plain), 5)
      expect(time(text)).toBeLessThan(base * 50)
    })
  }
})
