/**
 * Every decision explains itself (issue 13, SPEC §9): the rules reference
 * is generated from the rule tables and kept current in docs/rules.md;
 * every rule id the bundled fixtures' outputs name is in it; and
 * `commitments explain` prints each decision with its rule.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { explainDocument } from '../src/explain/explain.js'
import { extract, resolveConfig, type Document } from '../src/index.js'
import { allRules, renderReference } from '../src/rules/reference.js'
import { config, fixtureInputs, root, runCli } from './helpers.js'

const run = (args: string[], input?: string) => runCli(args, { input })

/** Every rule id a Document names, with where. */
function rulesNamed(document: Document): Array<{ rule: string; where: string }> {
  return document.commitments.flatMap((c) => [
    { rule: c.action.rule, where: `#${c.index} action` },
    ...[...c.entities, ...c.dates, ...c.amounts].map((m) => ({ rule: m.rule, where: `#${c.index} “${m.text}”` }))
  ])
}

describe('the rules reference', () => {
  it('docs/rules.md is what `commitments rules` prints (regenerate: node bin/commitments.js rules > docs/rules.md)', async () => {
    expect(fs.readFileSync(path.join(root, 'docs', 'rules.md'), 'utf8')).toBe(renderReference(await allRules()))
  })

  it('lists each id once, in every family', async () => {
    const rules = await allRules()
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
    for (const family of ['action', 'entities', 'dates', 'amounts']) expect(rules.filter((r) => r.family === family).length, family).toBeGreaterThan(0)
    for (const rule of rules) expect(rule.id.startsWith(`${rule.family}/`), rule.id).toBe(true)
  })

  it('every rule the fixtures’ outputs name is in it', { timeout: 120_000 }, async () => {
    const listed = new Set((await allRules()).map((r) => r.id))
    const missing: string[] = []
    for (const input of fixtureInputs()) {
      const { document } = await extract({ path: input }, { config })
      for (const { rule, where } of rulesNamed(document!)) if (!listed.has(rule)) missing.push(`${path.basename(path.dirname(input))} ${where}: ${rule}`)
    }
    expect(missing).toEqual([])
  })
})

describe('the lexicon entry behind a decision', () => {
  it('names the verb or name as listed, and whether the bundled lexicon or the config lists it', async () => {
    const text = "---\ntitle: 'FACT SHEET: Test'\ndate: '2025-01-06'\n---\n\n- Incubating a grid fund with Acme Corp in India.\n- Launching a grid fund with Boeing.\n"
    const custom = resolveConfig({ lexicon: { verbs: { launching: ['incubate'] } }, entities: { organizations: ['Acme Corp'] } }, root)
    const { document } = await extract(text, { path: 'x.md', config: custom })
    const [first, second] = document!.commitments
    expect(first!.action).toMatchObject({ verb: 'incubate', class: 'launching', lexicon: { entry: 'incubate', source: 'config' } })
    expect(first!.entities.find((e) => e.text === 'Acme Corp')).toMatchObject({ type: 'organization', rule: 'entities/gazetteer-organization', lexicon: { entry: 'Acme Corp', source: 'config' } })
    expect(first!.entities.find((e) => e.text === 'India')).toMatchObject({ rule: 'entities/gazetteer-country', lexicon: { entry: 'India', source: 'bundled' } })
    expect(second!.action).toMatchObject({ verb: 'launch', lexicon: { entry: 'launch', source: 'bundled' } })
    // Without the config, the verb is unknown to the lexicon: no entry is named.
    const plain = await extract(text, { path: 'x.md', config })
    expect(plain.document!.commitments[0]!.action.lexicon).toBeUndefined()
  })
})

describe('commitments explain', () => {
  const input = fixtureInputs().find((f) => f.includes('001-'))!

  it('prints every commitment with its action and each mention with its rule', async () => {
    const { document } = await extract({ path: input }, { config })
    const text = explainDocument(document!)
    for (const c of document!.commitments) expect(text).toContain(`#${c.index} ${c.unit}`)
    const india = document!.commitments.flatMap((c) => c.entities).find((e) => e.text === 'India')!
    expect(text).toMatch(new RegExp(`“India” country = IN +${india.rule}`))
    expect(text.match(/^ {4}action /gm)).toHaveLength(document!.commitments.length)
  })

  it('the command: a file, stdin, and the refusals with their exit codes', () => {
    const file = run(['explain', input])
    expect(file.status, file.stderr).toBe(0)
    expect(file.stdout).toMatch(/^FACT SHEET: The United States and India/)
    expect(file.stdout).toMatch(/entities\/gazetteer-country/)
    const stdin = run(['explain', '-'], fs.readFileSync(input, 'utf8'))
    expect(stdin.status, stdin.stderr).toBe(0)
    expect(stdin.stdout.split('\n').slice(2)).toEqual(file.stdout.split('\n').slice(2))
    const missing = run(['explain', 'no-such-release.md'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/no-such-release\.md/)
    expect(missing.stderr).not.toMatch(/\n\s+at /)
    const folder = run(['explain', 'fixtures'])
    expect(folder.status).toBe(2)
    expect(folder.stderr).toMatch(/Unexpected folder `fixtures`, expected one release file/)
    const none = run(['explain'])
    expect(none.status).toBe(2)
    expect(none.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('`commitments rules --json` lists the rules as JSON', () => {
    const result = run(['rules', '--json'])
    expect(result.status).toBe(0)
    const rules = JSON.parse(result.stdout) as Array<{ id: string; family: string }>
    expect(rules.some((r) => r.id === 'entities/gazetteer-country' && r.family === 'entities')).toBe(true)
  })
})
