/**
 * Pages from other publishers (issue 12): boxes that are never
 * commitments, a one-item ordered list of bold text as a heading, titles
 * without a site suffix, an untitled fragment's title line, and the kind
 * said by a title or by an untitled release's opening. The shapes are those
 * of the State Department releases in the shared corpus (`036`–`046`: feed
 * bodies opening with "Office of the Spokesperson" and "The text of the
 * following … was released by…", `<ol start="N">` paragraphs) and of
 * whitehouse.gov's one-item lists (`html/014`, `markdown/069`).
 */
import { describe, expect, it } from 'vitest'
import { extract, type Document } from '../src/index.js'
import { kindOf, kindOfOpening } from '../src/stages/structure/kind.js'
import { config } from './helpers.js'

async function run(text: string, name: string): Promise<Document> {
  const { document, file } = await extract(text, { path: name, config })
  if (!document) throw new Error(file.messages.map(String).join('\n'))
  return document
}

const texts = (document: Document) => document.commitments.map((c) => c.text)

/** The opening and a commitment of corpus release html/045, as the feed carries it. */
const negev = `<p>Office of the Spokesperson</p>
<p>The text of the following statement was released by the Governments of the United States of America, Bahrain, Egypt, Israel, Morocco, and the United Arab Emirates.</p>
<p><em>Begin Text:</em></p>
<ul>
<li>The Steering Committee agreed to establish six working groups on regional cooperation.</li>
</ul>
<p>We look forward to the next Negev Forum Ministerial meeting later this year.</p>`

describe('boxes are never commitments (issue 12)', () => {
  it('drops a "Related Products" heading and its link list from a feed body', async () => {
    const box = `<h2>Related Products</h2>
<ul>
<li><a href="https://www.state.gov/secretary-blinkens-meeting-with-negev-forum-ministers/">Secretary Blinken’s Meeting with Negev Forum Ministers on Regional Cooperation</a></li>
<li><a href="https://www.state.gov/joint-statement-negev-summit/">The United States Will Host the Next Negev Summit Meeting of Ministers</a></li>
</ul>
<h3>Associated Links</h3>
<ul><li><a href="https://www.state.gov/bureaus-offices/">Bureau of Near Eastern Affairs and the Office of the Spokesperson</a></li></ul>`
    const plain = await run(negev, 'a.html')
    const boxed = await run(negev + box, 'b.html')
    expect(texts(boxed)).toEqual(texts(plain))
    expect(boxed.sections).toEqual([])
  })

  it('drops "See also" and "Tags" lines of links, and the links after a plain box line, in markdown', async () => {
    const body = `- The Steering Committee agreed to establish six working groups on regional cooperation.

See also

- [The United States will host the Negev Forum Ministerial](https://www.state.gov/a/)
- [Secretary Blinken will travel to Israel next week](https://www.state.gov/b/)

Tags: [Bahrain](https://www.state.gov/c/), [Office of the Spokesperson](https://www.state.gov/d/)

## Next Steps

- The parties will meet again in Israel later this year to review progress.
`
    const document = await run(`---\ntitle: 'Negev Forum Steering Committee Joint Statement - United States Department of State'\n---\n\n${body}`, 'n.md')
    expect(document.title).toBe('Negev Forum Steering Committee Joint Statement')
    expect(document.kind).toBe('joint-statement')
    expect(texts(document)).toEqual([
      'The Steering Committee agreed to establish six working groups on regional cooperation.',
      'The parties will meet again in Israel later this year to review progress.'
    ])
    expect(document.sections.map((s) => [s.index, s.heading])).toEqual([[0, 'Next Steps']])
  })

  it('matches whole box titles only, and ends a box at the next heading of its level', async () => {
    const document = await run(
      `<p>The ministers met in Geneva on trade.</p><h2>Related Products Standards</h2><ul><li>The United States will harmonise related products standards.</li></ul>
<h3>Share this page</h3><ul><li><a href="https://x.example/">Share this release on social media</a></li></ul>
<h3>Health Security</h3><ul><li>The United States will fund new clinics in the region.</li></ul>`,
      'w.html'
    )
    expect(document.sections.map((s) => s.heading)).toEqual(['Related Products Standards', 'Health Security'])
    // The preamble's sentence is a commitment sentence (SPEC §4 item 3: "the ministers" + "meet"); the share box yields nothing.
    expect(document.commitments.map((c) => [c.unit, c.text])).toEqual([
      ['sentence', 'The ministers met in Geneva on trade.'],
      ['item', 'The United States will harmonise related products standards.'],
      ['item', 'The United States will fund new clinics in the region.']
    ])
  })
})

describe('a one-item ordered list of bold text is a heading (issue 12)', () => {
  it('in HTML and markdown, with its numbering as written', async () => {
    const html = await run('<p>Intro paragraph of the release.</p><ol start="3"><li><strong>Strengthening Health Security</strong></li></ol><ul><li>The United States will fund new clinics in the region.</li></ul>', 'o.html')
    const md = await run('Intro paragraph of the release.\n\n3. **Strengthening Health Security**\n\n- The United States will fund new clinics in the region.\n', 'o.md')
    for (const document of [html, md]) {
      expect(document.sections.map((s) => s.heading)).toEqual(['3. Strengthening Health Security'])
      expect(document.commitments.map((c) => [c.section, c.text])).toEqual([['3. Strengthening Health Security', 'The United States will fund new clinics in the region.']])
    }
  })

  it('ending in a stop when a list follows (corpus release 069)', async () => {
    const document = await run('1.  **Prioritizing women and girls in relief, response and recovery.**\n\n-   The U.S. is proud to be one of the largest donors to women-led groups.\n', 'p.md')
    expect(document.sections.map((s) => s.heading)).toEqual(['1. Prioritizing women and girls in relief, response and recovery.'])
    // Without a list after it, a bold numbered sentence stays a commitment.
    const alone = await run('1.  **The United States will fund new clinics in the region.**\n\nThe end of the release is here.\n', 'q.md')
    expect(alone.sections).toEqual([])
    expect(texts(alone)).toEqual(['The United States will fund new clinics in the region.'])
  })
})

describe('titles and kinds of untitled releases (issue 12)', () => {
  it('takes an untitled fragment’s first heading or bold line as its title', async () => {
    const heading = await run('<h2>Readout of the Secretary’s Call with Foreign Minister Wong</h2><p>The Secretary spoke today with the Foreign Minister.</p>', 'h.html')
    expect(heading).toMatchObject({ title: 'Readout of the Secretary’s Call with Foreign Minister Wong', kind: 'readout' })
    const bold = await run('<p><strong>Prime Minister meets with President of Kenya</strong><br>Today, the Prime Minister met the President.</p>', 'b.html')
    expect(bold).toMatchObject({ title: 'Prime Minister meets with President of Kenya', kind: 'readout' })
    const md = await run('**G7 Foreign Ministers’ Communiqué**\n\n- We will continue to support Ukraine for as long as it takes.\n', 'c.md')
    expect(md).toMatchObject({ title: 'G7 Foreign Ministers’ Communiqué', kind: 'joint-statement' })
    // A title guessed from the body changes nothing extracted: its line stays a section.
    expect([heading, bold, md].map((d) => d.sections.map((s) => s.heading))).toEqual([
      ['Readout of the Secretary’s Call with Foreign Minister Wong'],
      ['Prime Minister meets with President of Kenya'],
      ['G7 Foreign Ministers’ Communiqué']
    ])
  })

  it('keeps no title from a first line that is a section name, a dateline or text', async () => {
    // The shapes of corpus releases html/008 ("Preamble"), html/033 (a dateline) and the State Department's feed bodies.
    for (const first of ['<p><strong>Preamble<br></strong><br>The United States and the European Commission are committed.</p>', '<p class="has-text-align-center"><strong>Jeddah, Saudi Arabia</strong></p>', '<p>Office of the Spokesperson</p><h2>Health</h2>']) {
      expect((await run(`${first}<ul><li>The United States will fund new clinics.</li></ul>`, 'u.html')).title).toBeNull()
    }
  })

  it('takes an untitled release’s kind from its opening (the State Department’s "text of the following…")', async () => {
    expect((await run(negev, 'k.html')).kind).toBe('joint-statement')
    expect(kindOfOpening('The following is the text of a communiqué issued by the United States of America, the European Union, France.')).toBe('joint-statement')
    expect(kindOfOpening('The following statement was released by the Spokesperson.')).toBe('statement')
    expect(kindOfOpening('Secretary Blinken will travel to New Delhi to reaffirm the partnership.')).toBe('other')
    // A title, when there is one, decides.
    expect(kindOf('Readout of the Secretary’s Call')).toBe('readout')
  })
})
