/**
 * SPEC §6 entities: the contract's own examples and sentences from the
 * corpus, each with the mentions a reader finds; abbreviations defined in
 * a document link their short and long forms.
 */
import { describe, expect, it } from 'vitest'
import { findAbbreviations } from '../src/entities/abbreviations.js'
import { buildGazetteer, findEntities } from '../src/entities/find-entities.js'
import { md } from './helpers.js'

type Expected = { text: string; type: string; canonical?: string }
const table: Array<[string, Expected[]]> = [
  ['Welcoming India’s acquisition of the MQ-9B platforms.', [{ text: 'India', type: 'country', canonical: 'IN' }, { text: 'MQ-9B', type: 'product' }]],
  ['Deepening U.S.-India cooperation with the U.S. Department of Commerce.', [{ text: 'U.S.', type: 'country', canonical: 'US' }, { text: 'India', type: 'country', canonical: 'IN' }, { text: 'U.S. Department of Commerce', type: 'organization' }]],
  ['President Biden and Prime Minister Modi welcomed the work of NSA Sullivan.', [{ text: 'Biden', type: 'person' }, { text: 'Modi', type: 'person' }, { text: 'Sullivan', type: 'person' }]],
  ['The United States and India will expand the partnership between NASA and ISRO.', [{ text: 'United States', type: 'country', canonical: 'US' }, { text: 'India', type: 'country', canonical: 'IN' }, { text: 'NASA', type: 'organization' }, { text: 'ISRO', type: 'organization' }]],
  ['Launching the Defense Acceleration Ecosystem (INDUS-X) Summit in Boston.', [{ text: 'Defense Acceleration Ecosystem (INDUS-X) Summit', type: 'initiative' }, { text: 'Boston', type: 'place' }]],
  ['Support from the Government of Ukraine and Filipino and Indian scientists.', [{ text: 'Ukraine', type: 'country', canonical: 'UA' }, { text: 'Filipino', type: 'country', canonical: 'PH' }, { text: 'Indian', type: 'country', canonical: 'IN' }]],
  ['Announcing a new Strategic Framework for Human Spaceflight Cooperation under the CHIPS and Science Act.', [{ text: 'Strategic Framework for Human Spaceflight Cooperation', type: 'initiative' }, { text: 'CHIPS and Science Act', type: 'initiative' }]],
  ['General Electric will co-produce F414-INS6 engines with Hindustan Aeronautics Limited.', [{ text: 'F414-INS6', type: 'product' }, { text: 'Hindustan Aeronautics Limited', type: 'organization' }]],
  ['Visiting Stanford University and the NASA Johnson Space Center in the Indo-Pacific.', [{ text: 'Stanford University', type: 'organization' }, { text: 'NASA Johnson Space Center', type: 'organization' }, { text: 'Indo-Pacific', type: 'place' }]],
  ['The mayors of Richmond, VA and San Antonio, TX met in Kyiv and the West Bank.', [{ text: 'Richmond', type: 'place' }, { text: 'VA', type: 'place' }, { text: 'San Antonio', type: 'place' }, { text: 'TX', type: 'place' }, { text: 'Kyiv', type: 'place' }, { text: 'West Bank', type: 'place' }]],
  ['The two countries will work with industry on semiconductors and clean energy.', []]
]

describe('entities (SPEC §6)', () => {
  for (const [text, expected] of table) {
    it(text, () => {
      const found = findEntities(text)
      for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text)
      expect(found.map(({ start: _s, end: _e, ...rest }) => rest)).toEqual(expected)
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
})
