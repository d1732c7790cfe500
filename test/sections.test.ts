/** SPEC §3 and §4 on small inputs: each heading habit, splits, labels, nesting. */
import { describe, expect, it } from 'vitest'
import { md } from './helpers.js'

describe('sections (SPEC §3)', () => {
  it('reads bold+underline, bold-only and # headings; the preamble is -1', async () => {
    const doc = await md(
      [
        '- Launching a preamble item for the test.',
        '',
        '**<u>Launching a New Era in Space  ',
        '</u>**',
        '',
        '- Announcing the first joint effort.',
        '',
        '**Ongoing Programs**',
        '',
        '- Expanding the exchange programs now.',
        '',
        '## A Markdown Heading',
        '',
        '- Welcoming the new partners today.'
      ].join('\n')
    )
    expect(doc.sections.map((s) => [s.index, s.heading, s.level])).toEqual([
      [0, 'Launching a New Era in Space', 2],
      [1, 'Ongoing Programs', 2],
      [2, 'A Markdown Heading', 2]
    ])
    expect(doc.commitments.map((c) => [c.sectionIndex, c.section])).toEqual([
      [-1, null],
      [0, 'Launching a New Era in Space'],
      [1, 'Ongoing Programs'],
      [2, 'A Markdown Heading']
    ])
  })

  it('keeps numbering before an underlined title, and sup text', async () => {
    const doc = await md('I. <span style="text-decoration: underline">A STRONG PARTNERSHIP</span>\n\n**For the 21<sup>st</sup> Century**\n\n- Deepening our ties further.')
    expect(doc.sections.map((s) => s.heading)).toEqual(['I. A STRONG PARTNERSHIP', 'For the 21st Century'])
  })

  it('does not take a sentence, a long line or italics for a heading', async () => {
    const doc = await md('**This is a bold sentence that ends in a stop.**\n\n*An italic line*\n\n**' + 'word '.repeat(21).trim() + '**\n\n- Item text goes here.')
    expect(doc.sections).toEqual([])
  })

  it('reads an ALL-CAPS run-in as a heading and as the first commitment', async () => {
    const doc = await md('**TREATING AMERICANS EQUALLY:** Today, President Trump signed an Executive Order.\n\n- It directs all agencies to act.')
    expect(doc.sections.map((s) => s.heading)).toEqual(['TREATING AMERICANS EQUALLY'])
    expect(doc.commitments[0]).toMatchObject({ label: 'TREATING AMERICANS EQUALLY', text: 'Today, President Trump signed an Executive Order.', section: 'TREATING AMERICANS EQUALLY' })
    expect(doc.commitments[0]!.action).toMatchObject({ verb: 'sign', class: 'launching', modality: 'done' })
  })

  it('splits paragraphs at <br><br> and after an emphasised first line', async () => {
    const doc = await md('<strong>Space Cooperation</strong><br><br>**Space.** The United States will launch a mission.\n\n**Ongoing Programs**  \n**Health.** The United States will fund clinics.')
    expect(doc.sections.map((s) => s.heading)).toEqual(['Space Cooperation', 'Ongoing Programs'])
    expect(doc.commitments.map((c) => [c.section, c.label, c.text])).toEqual([
      ['Space Cooperation', 'Space', 'The United States will launch a mission.'],
      ['Ongoing Programs', 'Health', 'The United States will fund clinics.']
    ])
  })

  it('reads a numbered one-item bold list standing before its list as a heading', async () => {
    const doc = await md('1.  **Improving Access to Development Financing:**\n\n-   DFC will explore ways to increase access.\n\n1.  **Enhancing Local Capacity Building:**\n\n-   USAID will train local staff.')
    expect(doc.sections.map((s) => s.heading)).toEqual(['1. Improving Access to Development Financing:', '1. Enhancing Local Capacity Building:'])
    expect(doc.commitments.map((c) => c.section)).toEqual(['1. Improving Access to Development Financing:', '1. Enhancing Local Capacity Building:'])
  })

  it('keeps a bold item with nested items as a commitment', async () => {
    const doc = await md('-   **Building Bridges to Infrastructure Jobs:**\n    -   Washington, DC is using funds to expand its academy.')
    expect(doc.sections).toEqual([])
    expect(doc.commitments.map((c) => c.text)).toEqual(['Building Bridges to Infrastructure Jobs:', 'Washington, DC is using funds to expand its academy.'])
    expect(doc.commitments[1]!.context).toBe('Building Bridges to Infrastructure Jobs:')
  })

  it('never makes the title a section', async () => {
    const doc = await md('# FACT SHEET: Test\n\n- Launching the test programme.')
    expect(doc.sections).toEqual([])
  })

  it('repairs whitespace inside emphasis delimiters (NBSP before the closer)', async () => {
    const doc = await md('**PROMOTING GLOBAL HEALTH\u00a0**  \n\n- Supporting health workers everywhere.')
    expect(doc.sections.map((s) => s.heading)).toEqual(['PROMOTING GLOBAL HEALTH'])
  })
})

describe('items (SPEC §4)', () => {
  it('takes every list item, nested ones with parentId and context', async () => {
    const doc = await md('- The key terms of the Agreement include:\n    - Lowering tariffs on industrial goods.\n    - Opening markets to farm products.\n- Launching a separate new dialogue.')
    const [parent, a, b, other] = doc.commitments
    expect(parent!.text).toBe('The key terms of the Agreement include:')
    expect(a).toMatchObject({ parentId: parent!.id, context: 'The key terms of the Agreement include:', text: 'Lowering tariffs on industrial goods.' })
    expect(b!.parentId).toBe(parent!.id)
    expect(other!.parentId).toBeUndefined()
  })

  it('reads labels: an opening bold run, a Title Case title and colon', async () => {
    const doc = await md(
      [
        '- **<u>Bilateral Defense Guidelines</u>**: The United States is adopting guidelines.',
        '- **Space.** The United States will invest in satellites.',
        '- Mobilizing Finance at Scale: The United States is launching a platform.',
        '- **Columbia Sportswear Company** has committed to purchase cotton.',
        '- The key terms of the deal include: lower tariffs and more.'
      ].join('\n')
    )
    expect(doc.commitments.map((c) => [c.label ?? null, c.text])).toEqual([
      ['Bilateral Defense Guidelines', 'The United States is adopting guidelines.'],
      ['Space', 'The United States will invest in satellites.'],
      ['Mobilizing Finance at Scale', 'The United States is launching a platform.'],
      // SPEC §4: any opening bold run followed by more text is a label.
      ['Columbia Sportswear Company', 'has committed to purchase cotton.'],
      [null, 'The key terms of the deal include: lower tariffs and more.']
    ])
  })

  it('takes labelled paragraphs whole, narrative ones only by their commitment sentences', async () => {
    const doc = await md(
      'The President met the Prime Minister today. The pandemic has cost many lives.\n\n**High-Level Economic Dialogue:** The United States and Mexico agreed to hold a dialogue.'
    )
    // SPEC §4 item 3: a party subject ("the President") and a class other than other ("meet"); the background sentence is not one.
    expect(doc.commitments.map((c) => [c.unit, c.label ?? null, c.text])).toEqual([
      ['sentence', null, 'The President met the Prime Minister today.'],
      ['paragraph', 'High-Level Economic Dialogue', 'The United States and Mexico agreed to hold a dialogue.']
    ])
    expect(doc.commitments[1]).toMatchObject({ label: 'High-Level Economic Dialogue', action: { verb: 'hold', class: 'launching' } })
  })

  it('reads a text that only finishes its label together with the label', async () => {
    const doc = await md('**Establish an International Counter Ransomware Task Force**, led by Australia, to coordinate resilience.')
    expect(doc.commitments[0]).toMatchObject({
      label: 'Establish an International Counter Ransomware Task Force',
      text: 'led by Australia, to coordinate resilience.',
      action: { verb: 'establish', class: 'launching' }
    })
  })

  it('drops items under three words with a warning, and skips table rows', async () => {
    const doc = await md('- Too short\n- Long enough item here.\n\n<table><tr><td>Launching a table row item</td></tr></table>')
    expect(doc.commitments.map((c) => c.text)).toEqual(['Long enough item here.'])
    expect(doc.warnings.map((w) => w.ruleId)).toContain('short-item')
  })

  it('normalises text: markup, NBSP, zero-width characters, whitespace', async () => {
    const doc = await md('- Announcing\u00a0the [launch of\n  Axiom-4](https://example.org/ax4) with\u2060 <u>partners</u>\u200b  now;')
    expect(doc.commitments[0]!.text).toBe('Announcing the launch of Axiom-4 with partners now;')
    expect(doc.commitments[0]!.links).toEqual([{ text: 'launch of Axiom-4', url: 'https://example.org/ax4' }])
  })

  it('resolves relative links against the source URL', async () => {
    const doc = await md("---\ntitle: 'X'\nsource_url: https://www.whitehouse.gov/briefing-room/x/\n---\n\n- Read the [full text](../y/) of it.")
    expect(doc.commitments[0]!.links[0]!.url).toBe('https://www.whitehouse.gov/briefing-room/y/')
  })

  it('gives stable ids, numbering repeats of the same text', async () => {
    const text = '- Launching the same programme.\n- Launching the same programme.'
    const one = await md(text)
    const two = await md(text)
    expect(one.commitments.map((c) => c.id)).toEqual(two.commitments.map((c) => c.id))
    expect(one.commitments[1]!.id).toBe(`${one.commitments[0]!.id}-2`)
  })
})
