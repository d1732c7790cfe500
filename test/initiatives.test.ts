/**
 * The report's initiative pages and document history (issue 14), in Debian's
 * Chromium through playwright-core like test/report.test.ts, kept off the
 * network: the index lists the initiatives in the most releases; an
 * initiative page shows its events on a time axis in class colours and
 * links each to its commitment; an entity mention leads to its page; a
 * release with two versions shows its history.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { runExtract } from '../src/index.js'
import { buildReport } from '../src/report/build.js'
import { CLASSES } from '../src/report/classes.js'
import type { Timeline } from '../src/versions/timelines.js'
import { screenshots, useBrowser } from './browser.js'
import { config, readJsonl, root, tmp } from './helpers.js'

const open = useBrowser()

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`

describe('initiative pages of the iCET thread', () => {
  let out: string
  let timelines: Timeline[]

  beforeAll(async () => {
    out = path.join(tmp('initiatives-'), 'out')
    const thread = path.join(root, 'test', 'threads', 'us-india-icet')
    const inputs = fs.readdirSync(thread).filter((f) => f.endsWith('.md')).map((f) => path.relative(root, path.join(thread, f)))
    await runExtract({ inputs, out, config, cwd: root, db: false })
    await buildReport({ out, config, cwd: root })
    timelines = readJsonl(path.join(out, 'timelines.jsonl'))
  }, 120_000)

  it('are listed on the index, most releases first, and show the events on a time axis in class colours', async () => {
    const { page, requests, problems } = await open(pathToFileURL(path.join(out, 'report', 'index.html')).href)
    const rows = page.locator('#initiatives tbody tr')
    const listed = timelines.filter((t) => t.releases > 1)
    expect(await rows.count()).toBe(Math.min(25, listed.length))
    const counts = (await rows.locator('td:nth-child(3)').allTextContents()).map(Number)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const icet = timelines.find((t) => t.aliases.includes('iCET'))!
    await page.click(`#initiatives a[href="initiatives/${icet.slug}.html"]`)
    await page.waitForURL(/initiatives\//)
    expect(await page.locator('h1').textContent()).toBe(icet.name)
    expect(await page.locator('#release-count').textContent()).toBe(String(icet.releases))
    // One dot per dated event, filled with its class's colour (a ring for a title).
    const dots = page.locator('svg.timeline circle.event')
    expect(await dots.count()).toBe(icet.events.filter((e) => e.date).length)
    for (const { name, colour } of CLASSES) {
      const ofClass = page.locator(`svg.timeline circle.event[data-class="${name}"]`)
      const n = await ofClass.count()
      expect(n).toBe(icet.events.filter((e) => e.class === name).length)
      if (n > 0) expect(await ofClass.first().evaluate((el) => (globalThis as unknown as { getComputedStyle: (e: unknown) => { fill: string } }).getComputedStyle(el).fill)).toBe(rgb(colour))
    }
    // Events by release, in date order, each leading to its commitment.
    const dates = (await page.locator('section.release h3').allTextContents()).map((t) => t.slice(0, 10))
    expect(dates).toEqual([...dates].sort())
    expect(dates).toHaveLength(icet.releases)
    await page.screenshot({ path: path.join(screenshots, 'initiative.png'), fullPage: false })
    const withCommitment = icet.events.find((e) => e.commitment)!
    await page.click(`a[href="../documents/${withCommitment.document}.html#c-${withCommitment.commitment}"]`)
    await page.waitForURL(/documents\//)
    expect(await page.locator(`[id="c-${withCommitment.commitment}"]`).count()).toBe(1)
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)

  it('are reached from entity mentions on the document pages', async () => {
    const icet = timelines.find((t) => t.aliases.includes('iCET'))!
    const event = icet.events.find((e) => e.commitment && /\biCET\b/.test(e.text))!
    const { page, requests, problems } = await open(pathToFileURL(path.join(out, 'report', 'documents', `${event.document}.html`)).href)
    const mention = page.locator('mark.entity a.initiative', { hasText: 'iCET' }).first()
    expect(await mention.getAttribute('href')).toBe(`../initiatives/${icet.slug}.html`)
    await mention.click()
    await page.waitForURL(/initiatives\//)
    expect(await page.locator('h1').textContent()).toBe(icet.name)
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 60_000)
})

describe('a release with two versions', () => {
  it('shows its history: the versions, and what changed', async () => {
    const dir = tmp('history-')
    const out = path.join(dir, 'out')
    const release = path.join(dir, 'chips.md')
    const edit = path.join(root, 'test', 'edits', '14-chips-5b-nstc-text')
    fs.copyFileSync(path.join(edit, 'before.md'), release)
    await runExtract({ inputs: [release], out, config, cwd: dir, db: false })
    fs.copyFileSync(path.join(edit, 'after.md'), release)
    await runExtract({ inputs: [release], out, config, cwd: dir, db: false })
    await buildReport({ out, config, cwd: dir })
    const [document] = readJsonl(path.join(out, 'documents.jsonl'))
    const { page, requests, problems } = await open(pathToFileURL(path.join(out, 'report', 'documents', `${document.id}.html`)).href)
    expect(await page.locator('#history').count()).toBe(1)
    expect(await page.locator('table.versions tbody tr').count()).toBe(2)
    expect(await page.locator('table.versions tbody tr').last().textContent()).toContain('(current)')
    expect(await page.locator('h3', { hasText: 'Version 1 → 2' }).count()).toBe(1)
    const changed = page.locator('.revision li.rev-changed')
    expect(await changed.count()).toBe(2)
    expect(await changed.first().locator('del').first().textContent()).toContain('Natcast CEO Deirdre Hanford;')
    // Each changed commitment links to where it now stands on the page.
    const href = await changed.first().locator('a').getAttribute('href')
    expect(await page.locator(`[id="${href!.slice(1)}"]`).count()).toBe(1)
    await page.screenshot({ path: path.join(screenshots, 'history.png'), fullPage: true })
    expect(requests).toEqual([])
    expect(problems).toEqual([])
    await page.close()
  }, 120_000)
})
