/**
 * Commitment sentences (SPEC §4 item 3): the splitter as a table, the
 * party-subject test on each main clause, `unit` and `actor` (SPEC §5),
 * exact source positions, and the warning of a release with no commitment.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, runExtract } from '../src/index.js'
import { splitSentences } from '../src/sentences/split.js'
import { normalizeText } from '../src/text/normalize.js'
import { config, md, tmp } from './helpers.js'

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('sentence splitter', () => {
  const cases: Array<[string, string[]]> = [
    ['The leaders met. They agreed.', ['The leaders met.', 'They agreed.']],
    ['President Donald J. Trump met Mr. Smith on Jan. 5. He left.', ['President Donald J. Trump met Mr. Smith on Jan. 5.', 'He left.']],
    ['The U.S. Government will act. Both sides agreed.', ['The U.S. Government will act.', 'Both sides agreed.']],
    ['They met in Washington, D.C. The talks went well.', ['They met in Washington, D.C.', 'The talks went well.']],
    ['He said, "We will act." Then he left!', ['He said, "We will act."', 'Then he left!']],
    ['Partners (e.g. Japan) joined; others did not. Why? Time.', ['Partners (e.g. Japan) joined; others did not.', 'Why?', 'Time.']],
    ['It costs $1.5 billion. (See annex.) Done.', ['It costs $1.5 billion.', '(See annex.)', 'Done.']],
    ['No. 5 is next. It starts at 3 p.m. Eastern time.', ['No. 5 is next.', 'It starts at 3 p.m. Eastern time.']],
    ['He met U.S. Secretary of State Blinken. Launching the Brazil-U.S. Partnership was next.', ['He met U.S. Secretary of State Blinken.', 'Launching the Brazil-U.S. Partnership was next.']],
    ['the end... and more', ['the end... and more']]
  ]
  for (const [text, expected] of cases) it(text, () => expect(split(text)).toEqual(expected))
})

/** The sentence commitments of one narrative paragraph: [actor, verb, class] each. */
async function sentences(paragraph: string, title = 'United States – India Joint Statement') {
  const doc = await md(paragraph, title)
  return doc.commitments.filter((c) => c.unit === 'sentence').map((c) => [c.actor?.text ?? null, c.action.verb, c.action.class])
}

describe('party-subject test (SPEC §4 item 3)', () => {
  const cases: Array<[string, Array<[string | null, string | null, string]>]> = [
    ['We will continue to act decisively together to address these challenges.', [['We', 'continue', 'advancing']]],
    ['The Leaders welcomed the launch of the Quad Fellowship program.', [['The Leaders', 'welcome', 'welcoming']]],
    ['Today, President Biden is announcing new funding for clean energy projects.', [['President Biden', 'announce', 'launching']]],
    ['The two countries have deep bonds, and we are committed to strengthening our defense partnership.', [['we', 'strengthen', 'advancing']]],
    ['To this end we will improve our trilateral communication mechanism.', [['we', 'improve', 'advancing']]],
    ['We, the leaders of Japan and the United States, reaffirm our commitment to peace.', [['We', 'reaffirm', 'noting']]],
    ['Senior U.S. and Indian officials recognized the success of the framework.', [['Senior U.S. and Indian officials', 'recognize', 'welcoming']]],
    ['India will contribute to the renaissance of the shipbuilding sector.', [['India', 'contribute', 'launching']]],
    // Narrative: background, subjects that are no party, copulas.
    ['The pandemic has cost millions of lives across the region.', []],
    ['This partnership between the two countries will deliver results for our people.', []],
    ['It is essential that the region remains free and open.', []],
    ['The Quad is a force for good in the region.', []],
    ['Our mandate is to ensure that the alliance remains strong.', []],
    ["India's acquisition of the platforms will strengthen deterrence.", []]
  ]
  for (const [text, expected] of cases) it(text, async () => expect(await sentences(text)).toEqual(expected))

  it('reads "they" as a party only after a party is named', async () => {
    expect(await sentences('President Biden met Prime Minister Modi in Delhi. They discussed the new framework for trade.')).toEqual([
      ['President Biden', 'meet', 'launching'],
      ['They', 'discuss', 'noting']
    ])
    expect(await sentences('The weather was fine in Delhi that day. They discussed the new framework for trade.')).toEqual([])
  })

  it('takes no sentence from titles, headings, block quotes or tables', async () => {
    const doc = await md(
      [
        '# The Leaders will launch a new initiative on health.',
        '> The Leaders will launch a new initiative on energy.',
        '<table><tr><td>The Leaders will launch a new initiative on water.</td></tr></table>',
        'The Leaders will launch a new initiative on space.'
      ].join('\n\n'),
      'The Leaders will launch a new initiative on food.'
    )
    expect(doc.commitments.map((c) => c.text)).toEqual(['The Leaders will launch a new initiative on space.'])
  })
})

describe('unit and actor (SPEC §4, §5)', () => {
  it('gives every commitment its unit, and actors with offsets and canonical names', async () => {
    const doc = await md(
      [
        'We will deepen cooperation on critical minerals. The United States will lower tariffs on Indian goods.',
        '**Space.** The U.S. government will support a joint mission.',
        '-   Launching a joint effort between American and Indian astronauts.',
        '-   India has agreed to eliminate tariffs on U.S. goods.',
        '-   Will provide $10 million to partners in the region.'
      ].join('\n\n'),
      'FACT SHEET: The United States and India Committed to Strengthening Ties'
    )
    expect(doc.schemaVersion).toBe('3')
    expect(doc.commitments.map((c) => [c.unit, c.actor?.text ?? null, c.actor?.canonical ?? null])).toEqual([
      ['sentence', 'We', 'US+IN'],
      ['sentence', 'The United States', 'US'],
      ['paragraph', 'The U.S. government', 'US'],
      ['item', null, null],
      ['item', 'India', 'IN'],
      ['item', null, null]
    ])
    for (const c of doc.commitments) if (c.actor) expect(c.text.slice(c.actor.start, c.actor.end)).toBe(c.actor.text)
  })

  it('points each sentence at its exact span in the source, across hard-wrapped lines and markup', async () => {
    const source = `---\ntitle: 'Joint Statement'\n---\n\nThe pandemic\nhas cost lives. The United States and\n**India** will expand &amp; deepen\ncooperation in space. It was\\_fine.\n`
    const { document } = await extract(source, { path: 's.md', config })
    const found = document!.commitments
    expect(found.map((c) => c.text)).toEqual(['The United States and India will expand & deepen cooperation in space.'])
    const { start, end } = found[0]!.position
    expect(source.slice(start.offset, end.offset)).toBe('The United States and\n**India** will expand &amp; deepen\ncooperation in space.')
    expect(start).toMatchObject({ line: 6, column: 17 })
    expect(normalizeText(source.slice(start.offset, end.offset).replace(/\*\*/g, '').replace('&amp;', '&'))).toBe(found[0]!.text)
  })
})

describe('a release with no commitment', () => {
  it('says so, and why', async () => {
    const doc = await md('The weather was fine. It rained later in the day.\n\n-   Hi there\n')
    expect(doc.commitments).toEqual([])
    const warning = doc.warnings.find((w) => w.ruleId === 'no-commitment')
    expect(warning?.message).toMatch(/no commitment: its list items are too short, no labelled paragraphs, none of its 2 sentences has a party for subject/)
  })

  it('is counted in the run summary', async () => {
    const dir = tmp('empty-')
    fs.writeFileSync(path.join(dir, 'a.md'), '# Weather\n\nThe weather was fine.\n')
    fs.writeFileSync(path.join(dir, 'b.md'), '# Plans\n\nThe Leaders will launch a new fund.\n')
    const summary = await runExtract({ inputs: [dir], out: path.join(dir, 'out'), config, cwd: dir, db: false })
    expect(summary).toMatchObject({ documents: 2, commitments: 1, withoutCommitments: 1 })
  })
})
