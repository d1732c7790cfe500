/**
 * SPEC §2–§4 for HTML: whole pages cut down to their article, page
 * metadata, the same blocks as markdown, records and sniffing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, extractAll, sniffFormat, type Document } from '../src/index.js'
import { cleanPageTitle } from '../src/stages/parse/page-meta.js'
import { config, root } from './helpers.js'

const fixture = (name: string) => fs.readFileSync(path.join(root, 'fixtures', name, fs.readdirSync(path.join(root, 'fixtures', name)).find((f) => f.startsWith('input.'))!), 'utf8')
const wholePage = fixture('html-001-joint-readout-meeting-between-president-donald-j-trump')
const korea = fixture('html-011-fs-united-states-republic-of-korea-partnership')

async function html(text: string, name = 'test.html'): Promise<{ document: Document; bodyFoundBy: unknown }> {
  const { document, file } = await extract(text, { path: name, config })
  if (!document) throw new Error(file.messages.map(String).join('\n'))
  return { document, bodyFoundBy: file.data.bodyFoundBy }
}

/** What a reader would compare: sections, and each commitment's place, unit, text, label and action. */
const essence = (document: Document) => ({
  sections: document.sections.map((s) => s.heading),
  commitments: document.commitments.map((c) => ({ section: c.section, unit: c.unit, label: c.label, text: c.text, verb: c.action.verb, class: c.action.class }))
})

/** The real whitehouse.gov page with its article body replaced by another release's feed body. */
function pageWith(body: string, { containerClass = 'field-name-field-forall-body' } = {}): string {
  const start = wholePage.indexOf('<div class="field-item even">')
  const end = wholePage.indexOf('</div>', wholePage.indexOf('###</p>', start))
  expect(start).toBeGreaterThan(0)
  return (wholePage.slice(0, start) + `<div class="field-item even">${body}` + wholePage.slice(end)).replace('field-name-field-forall-body', containerClass)
}

describe('whole pages (SPEC §2)', () => {
  it('reads the metadata of a saved whitehouse.gov page', async () => {
    const { document, bodyFoundBy } = await html(wholePage)
    expect(bodyFoundBy).toBe('container')
    expect(document).toMatchObject({
      title: 'Joint Readout of the Meeting between President Donald J. Trump of the United States and President Moon Jae-in of South Korea',
      date: '2017-09-22',
      publishedAt: '2017-09-22T11:54:01-04:00',
      modifiedAt: '2017-09-22T11:54:01-04:00',
      kind: 'readout',
      source: { format: 'html', url: 'https://www.whitehouse.gov/the-press-office/2017/09/22/joint-readout-meeting-between-president-donald-j-trump-united-states-and' }
    })
    // 160 menu items on the page; the article has only paragraphs, so its commitments are
    // its commitment sentences (SPEC §4 item 3), each inside the article, none from the page's chrome.
    expect(wholePage.match(/<li/g)!.length).toBeGreaterThan(100)
    const articleStart = wholePage.indexOf('<div class="field-item even">')
    const articleEnd = wholePage.indexOf('###</p>', articleStart)
    expect(articleStart).toBeGreaterThan(0)
    expect(document.commitments.map((c) => c.unit)).toEqual(Array(8).fill('sentence'))
    for (const c of document.commitments) {
      expect(c.position.start.offset).toBeGreaterThan(articleStart)
      expect(c.position.end.offset).toBeLessThan(articleEnd)
    }
    expect(document.commitments[0]).toMatchObject({
      text: 'President Donald J. Trump met in New York with President Moon Jae-in of South Korea to discuss the serious and escalating threat posed by North Korea’s nuclear and missile programs.',
      actor: { text: 'President Donald J. Trump' },
      action: { verb: 'meet' }
    })
    expect(document.sections).toEqual([])
  })

  it('yields only the article’s items: the same as the feed body alone', async () => {
    const alone = essence((await html(korea)).document)
    // 37 list items and labelled paragraphs, and 14 commitment sentences of its narrative paragraphs.
    expect(alone.commitments.filter((c) => c.unit !== 'sentence')).toHaveLength(37)
    expect(alone.commitments.filter((c) => c.unit === 'sentence')).toHaveLength(14)
    const inPage = await html(pageWith(korea))
    expect(inPage.bodyFoundBy).toBe('container')
    expect(essence(inPage.document)).toEqual(alone)
  })

  it('finds the article of an unknown site by its text, lists kept whole', async () => {
    // An unmarked menu (no nav, role or telling class) before the article, too.
    const menu = '<div class="top"><ul><li><a href="/1">Briefing Room statements and releases</a></li><li><a href="/2">Presidential actions and orders</a></li></ul></div>'
    const inPage = await html(pageWith(korea, { containerClass: 'story-text' }).replace(/(<body[^>]*>)/, `$1${menu}`))
    expect(inPage.bodyFoundBy).toBe('fallback')
    expect(essence(inPage.document)).toEqual(essence((await html(korea)).document))
  })

  it('drops related boxes, share bars and menus inside the article', async () => {
    const noise = [
      '<div class="share-bar"><ul><li><a href="/x">Share this release on Facebook today</a></li><li><a href="/y">Share this release on Twitter today</a></li></ul></div>',
      '<aside><ul><li>Related: The United States will host the next summit meeting.</li></ul></aside>',
      '<section class="related-posts"><h2>Related</h2><ul><li><a href="/a">Fact sheet on the partnership with Japan</a></li></ul></section>',
      '<nav aria-label="pager"><ol><li><a href="/prev">Previous statement from the press office</a></li></ol></nav>'
    ].join('\n')
    for (const containerClass of ['field-name-field-forall-body', 'story-text']) {
      const { document } = await html(pageWith(korea + noise, { containerClass }))
      expect(essence(document)).toEqual(essence((await html(korea)).document))
    }
  })
})

describe('page metadata', () => {
  it('cleans site names from titles', () => {
    expect(cleanPageTitle('Statement by the President | whitehouse.gov')).toBe('Statement by the President')
    expect(cleanPageTitle('FACT SHEET: A New Era – The White House')).toBe('FACT SHEET: A New Era')
    expect(cleanPageTitle('Joint Statement - United States Department of State')).toBe('Joint Statement')
    expect(cleanPageTitle('U.S.-India Joint Statement | Embassy News', 'Embassy News')).toBe('U.S.-India Joint Statement')
    expect(cleanPageTitle('The U.S.-Japan Climate Partnership – Fact Sheet')).toBe('The U.S.-Japan Climate Partnership – Fact Sheet')
    // Other publishers (issue 12): listed names, og:site_name, and unlisted offices by their shape.
    expect(cleanPageTitle('Prime Minister Carney speaks with President of the European Commission Ursula von der Leyen | Prime Minister of Canada')).toBe(
      'Prime Minister Carney speaks with President of the European Commission Ursula von der Leyen'
    )
    expect(cleanPageTitle('UK-India Joint Statement - GOV.UK')).toBe('UK-India Joint Statement')
    expect(cleanPageTitle('Joint Statement on Quantum Cooperation - United States Department of State')).toBe('Joint Statement on Quantum Cooperation')
    expect(cleanPageTitle('Readout of President Biden’s Call | The White House')).toBe('Readout of President Biden’s Call')
    expect(cleanPageTitle('Japan-Australia Joint Statement | Ministry of Foreign Affairs of Japan')).toBe('Japan-Australia Joint Statement')
    expect(cleanPageTitle('Joint Communiqué – Ministry of Foreign Affairs of Ruritania')).toBe('Joint Communiqué')
    expect(cleanPageTitle('Media Release – Prime Minister’s Office')).toBe('Media Release')
    expect(cleanPageTitle('Statement | Canada.ca | Government of Canada')).toBe('Statement')
    expect(cleanPageTitle('Joint Statement | Acme News', 'Acme News')).toBe('Joint Statement')
    // A tail that is a people's meeting, not an office, stays.
    expect(cleanPageTitle('Joint Statement – President Biden and Prime Minister Kishida')).toBe('Joint Statement – President Biden and Prime Minister Kishida')
    expect(cleanPageTitle('Readout - Prime Minister’s meeting with the President of Kenya')).toBe('Readout - Prime Minister’s meeting with the President of Kenya')
  })

  it('reads og:/article: tags, <time>, a canonical link, and falls back to <title>', async () => {
    const page = `<!doctype html><html><head><title>Joint Statement on Trade &amp; Investment | whitehouse.gov</title>
      <link rel="canonical" href="https://www.whitehouse.gov/briefings/joint-statement/">
      <meta property="article:tag" content="Trade"></head>
      <body><main><time datetime="2025-02-13T18:00:00-05:00">February 13, 2025</time>
      <h1>Joint Statement on Trade &amp; Investment</h1><ul><li>The leaders welcomed the new&nbsp;trade&nbsp;framework.<br></li></ul></main></body></html>`
    const { document } = await html(page)
    expect(document).toMatchObject({
      title: 'Joint Statement on Trade & Investment',
      date: '2025-02-13',
      publishedAt: '2025-02-13T18:00:00-05:00',
      tags: ['Trade'],
      kind: 'joint-statement',
      source: { url: 'https://www.whitehouse.gov/briefings/joint-statement/' },
      sections: []
    })
    expect(document.commitments.map((c) => c.text)).toEqual(['The leaders welcomed the new trade framework.'])
  })

  it('takes a fragment’s date from its opening lines only', async () => {
    const opening = await html('<p>The Ministers met in Bonn on 19 June 2022.</p><ul><li>We will promote media freedom together.</li></ul>')
    expect(opening.document.date).toBe('2022-06-19')
    const history = await html(`<p>${'The alliance is old. '.repeat(40)}It was invoked after September 11, 2001.</p>`)
    expect(history.document.date).toBeNull()
  })
})

describe('HTML blocks read as markdown’s (SPEC §3–§4)', () => {
  it('splits <p><strong>H</strong><br><br>text</p> into a heading and a paragraph', async () => {
    const { document } = await html('<p>Intro text here for the release.<br><br><strong><u>Technology and Innovation</u></strong><br><br>As global leaders, we act.</p><ul><li>Launching a new partnership today.</li></ul>')
    expect(document.sections.map((s) => s.heading)).toEqual(['Technology and Innovation'])
    // The paragraph after the heading belongs to its section; its sentence is a commitment (SPEC §4 item 3), the intro's is not.
    expect(document.commitments.map((c) => [c.section, c.unit, c.text])).toEqual([
      ['Technology and Innovation', 'sentence', 'As global leaders, we act.'],
      ['Technology and Innovation', 'item', 'Launching a new partnership today.']
    ])
  })

  it('reads a break inside the bold run as the end of a heading line', async () => {
    const { document } = await html('<p><strong>Expanding and Renewing our Partnership<br></strong>The two countries committed to strengthen ties.</p>')
    expect(document.sections.map((s) => s.heading)).toEqual(['Expanding and Renewing our Partnership'])
    // The text after the heading line is a narrative paragraph, not a labelled one: only its sentence counts.
    expect(document.commitments.map((c) => [c.section, c.unit, c.label ?? null, c.text])).toEqual([
      ['Expanding and Renewing our Partnership', 'sentence', null, 'The two countries committed to strengthen ties.']
    ])
  })

  it('makes numbered paragraphs list items, as markdown does', async () => {
    const { document } = await html('<p><strong>INTRODUCTION</strong><br><br>1. We, the Leaders of the Group of Seven, met in Cornwall.&nbsp;<br><br>2. We acknowledge the ongoing impacts of COVID-19.</p>')
    expect(document.commitments.map((c) => [c.section, c.text])).toEqual([
      ['INTRODUCTION', 'We, the Leaders of the Group of Seven, met in Cornwall.'],
      ['INTRODUCTION', 'We acknowledge the ongoing impacts of COVID-19.']
    ])
    const source = '<p><strong>INTRODUCTION</strong><br><br>1. We, the Leaders of the Group of Seven, met in Cornwall.&nbsp;<br><br>2. We acknowledge the ongoing impacts of COVID-19.</p>'
    const second = document.commitments[1]!.position
    expect(source.slice(second.start.offset, second.end.offset)).toBe('2. We acknowledge the ongoing impacts of COVID-19.')
  })

  it('reads numbered paragraphs in markdown split by hard breaks the same way, each at its own place', async () => {
    const text = "---\ntitle: 'Joint Statement'\n---\n\n1.\u00a0 We, the Leaders<sup>1</sup>, met in Cornwall.  \n\u00a0  \n2.\u00a0 We acknowledge the ongoing impacts.  \n\u00a0  \n3. We commit to beating COVID-19.\n"
    const { document } = await extract(text, { path: 'j.md', config })
    expect(document!.commitments.map((c) => text.slice(c.position.start.offset, c.position.end.offset))).toEqual([
      '1.\u00a0 We, the Leaders<sup>1</sup>, met in Cornwall.',
      '2.\u00a0 We acknowledge the ongoing impacts.',
      '3. We commit to beating COVID-19.'
    ])
  })

  it('decodes entities and NBSP, and ignores a <br> at an item’s end', async () => {
    const { document } = await html('<ul><li>Encourage joint R&amp;D on critical&#8211;emerging technologies.&nbsp;<br></li><li>Strengthen the U.S.&#x2d;ROK alliance&nbsp;&nbsp;now.<br><br></li></ul>')
    expect(document.commitments.map((c) => c.text)).toEqual(['Encourage joint R&D on critical–emerging technologies.', 'Strengthen the U.S.-ROK alliance now.'])
  })

  it('labels a list item by its bold lead-in and keeps links absolute', async () => {
    const page = '<html><head><link rel="canonical" href="https://www.state.gov/a/b/"></head><body><article><ul><li><strong>Space.</strong> The United States will launch a <a href="/nisar">satellite</a>.</li></ul></article></body></html>'
    const { document } = await html(page)
    expect(document.commitments[0]).toMatchObject({ label: 'Space', text: 'The United States will launch a satellite.', links: [{ text: 'satellite', url: 'https://www.state.gov/nisar' }] })
  })
})

describe('records and sniffing (SPEC §2)', () => {
  it('sniffs HTML, records and markdown from content', () => {
    expect(sniffFormat('\n  <p>Hello</p>')).toBe('html')
    expect(sniffFormat('{"html":"<p>x</p>","url":"https://x.gov/a"}\n{"markdown":"- y"}\n')).toBe('record')
    expect(sniffFormat('---\ntitle: x\n---\n')).toBe('markdown')
    expect(sniffFormat('# Title\n\n- item')).toBe('markdown')
    expect(sniffFormat('{not json at all}\n')).toBe('markdown')
  })

  it('reads one Document per record; a bad record fails alone, at its line', async () => {
    const lines = [
      JSON.stringify({ html: korea, url: 'https://www.whitehouse.gov/briefing-room/statements-releases/2021/05/21/fact-sheet-united-states-republic-of-korea-partnership/', title: 'FACT SHEET: United States – Republic of Korea Partnership', date: '2021-05-21' }),
      '{"html": "<p>broken", ',
      '',
      JSON.stringify({ markdown: fixture('136-fs-united-states-republic-of-korea-partnership') }),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({ url: 'https://x.gov/no-content' }),
      JSON.stringify({ text: 'Plain text release.\n\n- The agencies will launch a pilot programme.\n', title: 'Readout of a Call' })
    ]
    const results = await extractAll(lines.join('\n') + '\n', { path: 'archive.jsonl', config })
    expect(results.map((r) => r.file.path)).toEqual(['archive.jsonl#L1', 'archive.jsonl#L2', 'archive.jsonl#L4', 'archive.jsonl#L5', 'archive.jsonl#L6', 'archive.jsonl#L7'])
    const [fromHtml, broken, fromMarkdown, array, empty, fromText] = results
    expect(fromHtml!.document).toMatchObject({
      title: 'FACT SHEET: United States – Republic of Korea Partnership',
      date: '2021-05-21',
      kind: 'fact-sheet',
      source: { path: 'archive.jsonl', format: 'record', record: { line: 1, field: 'html' } }
    })
    // The record's content is the release: the same commitments as the file alone.
    expect(essence(fromHtml!.document!).commitments).toEqual(essence((await html(korea)).document).commitments)
    expect(fromMarkdown!.document).toMatchObject({ title: 'FACT SHEET: United States – Republic of Korea Partnership', date: '2021-05-21', source: { record: { line: 4, field: 'markdown' } } })
    expect(essence(fromMarkdown!.document!).commitments).toEqual(essence(fromHtml!.document!).commitments)
    expect(fromText!.document).toMatchObject({ title: 'Readout of a Call', kind: 'readout' })
    expect(fromText!.document!.commitments.map((c) => c.text)).toEqual(['The agencies will launch a pilot programme.'])
    for (const [bad, reason] of [
      [broken, /malformed JSON/],
      [array, /expected a JSON object/],
      [empty, /without content/]
    ] as const) {
      expect(bad!.document).toBeUndefined()
      expect(bad!.file.messages[0]).toMatchObject({ fatal: true, ruleId: 'record' })
      expect(bad!.file.messages[0]!.reason).toMatch(reason)
    }
    expect(broken!.file.messages[0]!.line).toBe(2)
  })
})
