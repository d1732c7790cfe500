/**
 * The action rules as tables (SPEC §5, §9): every rule's example fires that
 * rule, and every decision on the bundled fixtures names a rule the table
 * lists, so the rules reference covers what the output says.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { actionRules } from '../src/action/rules.js'
import { buildLexicon, decideAction, extract } from '../src/index.js'
import { RuleDoc } from '../src/schema/rules.js'
import { config, fixtureInputs, root } from './helpers.js'

const lexicon = buildLexicon(config)

describe('action rules', () => {
  it('lists each rule once, under a valid id', () => {
    const ids = actionRules.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of actionRules) expect(RuleDoc.safeParse(rule).success, rule.id).toBe(true)
    expect(ids.length).toBeGreaterThanOrEqual(20)
  })

  for (const rule of actionRules) {
    it(`${rule.id}: its example fires it and yields what the table says`, () => {
      const decision = decideAction(rule.example, lexicon)
      expect(decision.rule).toBe(rule.id)
      // "verb V, CLASS, MODALITY (unknown verb warning)"
      const [, verb, cls, modality, note] = /^verb (.+?), (\w+), (\w+)( \(unknown verb warning\))?/.exec(rule.yields ?? '') ?? []
      expect({ verb: decision.verb ?? 'null', class: decision.class, modality: decision.modality, unknown: decision.unknown !== undefined }).toEqual({ verb, class: cls, modality, unknown: note !== undefined })
    })
  }

  it('every decision on the fixtures names a rule in the table', async () => {
    const ids = new Set(actionRules.map((rule) => rule.id))
    const seen = new Map<string, number>()
    for (const input of fixtureInputs()) {
      const { document } = await extract(fs.readFileSync(input, 'utf8'), { path: path.relative(root, input), config })
      for (const commitment of document?.commitments ?? []) {
        expect(ids.has(commitment.action.rule), `${input}: ${commitment.action.rule} for "${commitment.text}"`).toBe(true)
        seen.set(commitment.action.rule, (seen.get(commitment.action.rule) ?? 0) + 1)
      }
    }
    // The fixtures exercise the common rules, not a single catch-all.
    expect(seen.size).toBeGreaterThanOrEqual(8)
  })
})
