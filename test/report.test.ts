/**
 * The review pages (issue 8), opened in a real browser: Debian's Chromium
 * driven by playwright-core, headless, kept off the network. The report of
 * the bundled fixtures is filtered and read as a user would; a hostile
 * release must not run code in it. Screenshots go to
 * `.vitest-artifacts/screenshots/`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../src/report/build.js'
import { runExtract, type Document } from '../src/index.js'
import { screenshots, useBrowser } from './browser.js'
import { config, readJsonl, root, tmp } from './helpers.js'

const open = useBrowser()

describe('the report of the fixtures, in Chromium', () => {
  let out: string
  let documents: Document[]

  beforeAll(async () => {
    const dir = tmp('report-')
    out = path.join(dir, 'out')
    // Extract from the project folder, as `npm start` does, so the pages can read the sources again.
    await runExtract({ inputs: ['fixtures/*/input.*'], out, config, cwd: root, db: false })
    const summary = await buildReport({ out, config, cwd: root })
    expect(summary.withoutSource).toBe(0)
    documents = readJsonl(path.join(out, 'documents.jsonl'))
  }, 120_000)

  it('lists documents and commitments a page at a time, with charts, and filters, sorts and exports the table', async () => {
    const { page, requests, problems } = await open(pathToFileURL(path.join(out, 'report', 'index.html')).href)
    const all = documents.flatMap((d) => d.commitments.map((c) => ({ c, d })))
    const total = all.length
    const shown = async () => Number(await page.locator('#shown').textContent())
    const rows = page.locator('#commitments tbody tr')
    expect(await page.title()).toBe('Commitments report')
    expect(await page.locator('#documents tbody tr').count()).toBe(Math.min(25, documents.length))
    expect(await rows.count()).toBe(Math.min(50, total))
    expect(await shown()).toBe(total)
    expect(await page.locator('#page').textContent()).toBe(`Page 1 of ${Math.ceil(total / 50)}`)
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2)
    await page.screenshot({ path: path.join(screenshots, 'index.png'), fullPage: false })

    // Pages: the next page starts where the first ended.
    if (total > 50) {
      const first = await rows.first().textContent()
      await page.click('#next')
      expect(await page.locator('#page').textContent()).toBe(`Page 2 of ${Math.ceil(total / 50)}`)
      expect(await rows.first().textContent()).not.toBe(first)
      await page.click('#prev')
    }

    // Free-text search: every row shown holds the word, and the count says how many.
    await page.fill('#search', 'semiconductor')
    const found = await shown()
    expect(found).toBeGreaterThan(0)
    expect(found).toBeLessThan(total)
    expect(found).toBe(all.filter(({ c, d }) => [c.text, c.label, c.section, c.action.verb, d.title].some((t) => t?.toLowerCase().includes('semiconductor'))).length)
    for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain('semiconductor')

    // Class filter, then topic alone.
    await page.fill('#search', '')
    await page.selectOption('#class-filter', 'welcoming')
    expect(await shown()).toBe(all.filter(({ c }) => c.action.class === 'welcoming').length)
    expect(new Set(await rows.evaluateAll((trs) => trs.map((r) => r.getAttribute('data-class'))))).toEqual(new Set(['welcoming']))
    await page.selectOption('#class-filter', '')
    await page.selectOption('#topic-filter', 'space')
    expect(await shown()).toBe(all.filter(({ c }) => c.topics.includes('space')).length)
    await page.selectOption('#topic-filter', '')

    // Entities by name, not code: the chart and the filter say "United States", not "US".
    const us = all.filter(({ c }) => c.entities.some((e) => e.canonical === 'US')).length
    expect(us).toBeGreaterThan(0)
    expect(await page.locator('svg[aria-label="Top entities"] text', { hasText: /^United States$/ }).count()).toBe(1)
    expect(await page.locator('svg[aria-label="Top entities"] text', { hasText: /^(US|IN|JP)$/ }).count()).toBe(0)
    await page.selectOption('#entity-filter', 'United States')
    expect(await shown()).toBeGreaterThanOrEqual(us)
    await page.selectOption('#entity-filter', '')

    // One document; then a date range.
    const target = documents.find((d) => d.commitments.length > 3)!
    await page.selectOption('#document-filter', { label: `${target.date ? `${target.date} ` : ''}${target.title}` })
    expect(await shown()).toBe(target.commitments.length)
    await page.selectOption('#document-filter', '')
    const dated = documents.filter((d) => d.date).map((d) => d.date!).sort()
    const [lo, hi] = [dated[Math.floor(dated.length / 4)]!, dated[Math.floor((3 * dated.length) / 4)]!]
    await page.fill('#date-from', lo)
    await page.fill('#date-to', hi)
    expect(await shown()).toBe(all.filter(({ d }) => d.date && d.date >= lo && d.date <= hi).length)
    await page.fill('#date-from', '')
    await page.fill('#date-to', '')
    expect(await shown()).toBe(total)

    // Sorting by verb, both ways.
    const verbs = all.map(({ c }) => c.action.verb ?? '').sort()
    await page.click('#commitments th[data-sort="verb"]')
    expect(await page.locator('#commitments tbody tr td:nth-child(2)').first().textContent()).toBe(verbs[0])
    await page.click('#commitments th[data-sort="verb"]')
    expect(await page.locator('#commitments th[data-sort="verb"]').getAttribute('aria-sort')).toBe('descending')
    expect(await page.locator('#commitments tbody tr td:nth-child(2)').first().textContent()).toBe(verbs[verbs.length - 1])

    // CSV of the filtered rows.
    await page.selectOption('#class-filter', 'welcoming')
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')])
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('document_id,document_title,document_date,commitment_id,class,verb,unit,actor,section,label,text,entities,topics')
    expect(lines).toHaveLength(1 + all.filter(({ c }) => c.action.class === 'welcoming').length)
    expect(lines.slice(1).every((line) => line.includes('"welcoming"'))).toBe(true)

    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 90_000)

  it('shows a release in reading order, commitments highlighted by class, dates marked, positions and warnings', async () => {
    const document = documents.find((d) => d.title?.startsWith('FACT SHEET: The United States and India Committed'))!
    const { page, requests, problems } = await open(pathToFileURL(path.join(out, 'report', 'index.html')).href)
    await page.click(`#documents a[href="documents/${document.id}.html"]`)
    await page.waitForURL(/documents\//)
    expect(await page.locator('h1').textContent()).toBe(document.title)
    expect(await page.locator('.legend span').count()).toBe(7)
    const commitments = page.locator('.reading .commitment')
    expect(await commitments.count()).toBe(document.commitments.length)
    // In reading order, each with its class colour and its place in the source.
    const first = document.commitments[0]!
    const shown = commitments.first()
    expect(await shown.getAttribute('class')).toContain(`c-${first.action.class}`)
    expect(await shown.locator('.where').textContent()).toContain(`line ${first.position.start.line}:${first.position.start.column}–${first.position.end.line}:${first.position.end.column}`)
    const color = await shown.evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { borderLeftColor: string } }).getComputedStyle(el).borderLeftColor)
    expect(color).toBe('rgb(0, 114, 178)')
    // Narrative paragraphs are there too, before the first section.
    expect(await page.locator('.reading > p').count()).toBeGreaterThan(0)
    // Every date mention is marked inline with its value.
    const dates = document.commitments.flatMap((c) => c.dates)
    expect(await page.locator('.reading mark.date').count()).toBe(dates.length)
    expect(await page.locator('.reading mark.date').first().getAttribute('title')).toContain(dates[0]!.value)
    // Why (SPEC §9): the class badge names the action's rule; each commitment's details list every decision's rule.
    expect(await shown.locator('.badge').getAttribute('title')).toBe(first.action.rule)
    await shown.locator('details.why summary').click()
    const why = await shown.locator('details.why').innerText()
    for (const rule of [first.action.rule, ...first.entities.map((e) => e.rule), ...first.dates.map((d) => d.rule)]) expect(why).toContain(rule)
    expect(await page.locator('.reading mark.entity').first().getAttribute('title')).toMatch(/ · entities\/[a-z-]+$/)
    await expect(page.locator('h2', { hasText: 'Warnings' }).count()).resolves.toBe(1)
    await page.screenshot({ path: path.join(screenshots, 'document.png'), fullPage: false })
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})

describe('a hostile release', () => {
  it('cannot run code in the report: scripts, javascript: links and event handlers stay text', async () => {
    const dir = tmp('hostile-')
    const attack = {
      markdown: [
        "---\ntitle: 'FACT SHEET: </title><script>window.pwned = \"title\"</script>'\ndate: '2025-01-06'\n---\n",
        '<script>window.pwned = "raw"</script>\n',
        '- The agencies will launch a <script>window.pwned = "item"</script> programme in 2026.',
        '- We welcome the [partnership](javascript:window.pwned="link") announced today.',
        '- Launching <img src=x onerror="window.pwned=\'img\'"> a "><svg onload="window.pwned=\'svg\'"> program.',
        '- **</td><script>window.pwned="label"</script>** The United States will fund $5 billion in aid.',
        '- We will review the &lt;script&gt;window.pwned="text"&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; tags today.'
      ].join('\n'),
      html: `<!doctype html><html><head><title>Joint Statement <script>window.pwned='head'</script></title></head><body><main>
<ul><li>The leaders will launch <a href="javascript:window.pwned='href'" onclick="window.pwned='click'">the initiative</a> this spring.</li>
<li onmouseover="window.pwned='hover'">We welcome the <b onclick="window.pwned='b'">framework</b> and its 25% target.</li></ul></main></body></html>`
    }
    fs.writeFileSync(path.join(dir, 'attack.md'), attack.markdown)
    fs.writeFileSync(path.join(dir, 'attack.html'), attack.html)
    fs.writeFileSync(path.join(dir, 'attack.jsonl'), JSON.stringify({ markdown: '- We will <script>window.pwned="record"</script> launch the fund.', url: 'javascript:window.pwned="url"', title: '<img src=x onerror=window.pwned=1>' }) + '\n')
    const out = path.join(dir, 'out')
    await runExtract({ inputs: [dir], out, config, cwd: dir, db: false })
    await buildReport({ out, config, cwd: dir })
    const documents = readJsonl(path.join(out, 'documents.jsonl'))
    expect(documents).toHaveLength(3)

    const pages = [path.join(out, 'report', 'index.html'), ...documents.map((d) => path.join(out, 'report', 'documents', `${d.id}.html`))]
    for (const file of pages) {
      const { page, requests, problems } = await open(pathToFileURL(file).href)
      // Poke everything a user could: hover and click every element that has text.
      for (const element of await page.locator('li, b, td, mark, strong, span.text').all()) {
        await element.hover({ timeout: 1000 }).catch(() => undefined)
      }
      for (const link of await page.locator('a').all()) {
        const href = (await link.getAttribute('href')) ?? ''
        expect(href).not.toMatch(/^\s*javascript:/i)
      }
      expect(await page.evaluate(() => (globalThis as unknown as { pwned?: unknown }).pwned)).toBeUndefined()
      // The report's own script, and on the index its data block (JSON, never run), nothing else.
      expect(await page.locator('body script:not([type="application/json"])').count()).toBeLessThanOrEqual(1)
      expect(await page.locator('body script[type="application/json"]').count()).toBe(file.endsWith('index.html') ? 1 : 0)
      expect(await page.locator('[onerror], [onload], [onclick], [onmouseover]').count()).toBe(0)
      expect(problems.filter((p) => !p.startsWith('console: Refused'))).toEqual([])
      expect(requests).toEqual([])
      if (file.endsWith('index.html')) {
        // The attack is shown, as text.
        const text = await page.locator('#commitments').textContent()
        expect(text).toContain('<script>window.pwned="text"</script>')
        expect(text).toContain('<img src=x onerror=alert(1)>')
        await page.screenshot({ path: path.join(screenshots, 'hostile-index.png') })
      }
      await page.close()
    }
  }, 120_000)
})
