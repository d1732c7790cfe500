/**
 * Debian's Chromium driven by playwright-core, headless and kept off the
 * network: what the report tests open pages in.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Headless, and nothing that phones home. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions']

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`)
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS })
}

/** Where the browser tests leave their screenshots. */
export const screenshots = path.resolve(import.meta.dirname, '..', '.vitest-artifacts', 'screenshots')

/** One browser for the test file (launched before its tests, closed after): `open(url)` opens a guarded page in it. */
export function useBrowser(): (url: string) => ReturnType<typeof openPage> {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
    fs.mkdirSync(screenshots, { recursive: true })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })
  return (url) => openPage(browser, url)
}

/** A page that may only load file: URLs; every other request is refused and recorded, as are errors and dialogs. */
export async function openPage(browser: Browser, url: string, options: { timeout?: number } = {}): Promise<{ page: Page; requests: string[]; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const requests: string[] = []
  const problems: string[] = []
  await page.route('**/*', (route) => {
    const target = route.request().url()
    if (target.startsWith('file:')) return route.continue()
    requests.push(target)
    return route.abort()
  })
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`)
    await dialog.dismiss()
  })
  await page.goto(url, { timeout: options.timeout })
  return { page, requests, problems }
}
