/** A release's kind from its title (SPEC §9, issue 12): data-driven phrases, whole words. */
import { describe, expect, it } from 'vitest'
import { kindOf } from '../src/stages/structure/kind.js'

describe('kind', () => {
  const cases: Array<[string | null, string]> = [
    ['FACT SHEET: The United States and India Committed to Strengthening', 'fact-sheet'],
    ['U.S.-Japan Climate Partnership Fact Sheet', 'fact-sheet'],
    ['Summit for Democracy – Year of Action Factsheet', 'fact-sheet'],
    ['Joint Readout of the Meeting between President Donald J. Trump and President Moon Jae-in', 'readout'],
    ['Readout of President Biden’s Call with Chancellor Scholz', 'readout'],
    ['Prime Minister Carney speaks with President of the European Commission Ursula von der Leyen', 'readout'],
    ['Prime Minister meets with President of Kenya', 'readout'],
    ['CARBIS BAY G7 SUMMIT COMMUNIQUÉ', 'joint-statement'],
    ['The Jeddah Communique: A Joint Statement Between the United States and Saudi Arabia', 'joint-statement'],
    ['G7 Media Ministers Meeting Communiqué', 'joint-statement'],
    ['Joint Statement following the call with President Zelenskyy', 'joint-statement'],
    ['Hiroshima Declaration on Clean Energy', 'joint-statement'],
    ['Quad Joint Leaders’ Statement', 'joint-statement'],
    ['UK and India agree new partnership: news release', 'statement'],
    ['Press release: Foreign Secretary announces support', 'statement'],
    ['Remarks by President Biden at the Summit', 'statement'],
    ['G7 Leaders’ Statement', 'statement'],
    ['Biden-Harris Administration Announces Actions to Address Climate Change', 'other'],
    ['The Spokesperson’s readouts archive', 'other'],
    ['Declarations of interest', 'other'],
    [null, 'other']
  ]
  for (const [title, kind] of cases) it(`${title} → ${kind}`, () => expect(kindOf(title)).toBe(kind))
})
