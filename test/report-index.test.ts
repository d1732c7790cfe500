/**
 * The index page's data block is written a few thousand rows at a time
 * (index-page.ts): the bytes must be those of the whole block escaped at
 * once, whatever falls on a piece's edge.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtomicLineWriter } from '../src/sinks/atomic.js'
import { jsonForScript } from '../src/report/escape.js'
import { IndexCollector } from '../src/report/index-data.js'
import { MemoryRows, SpilledRows } from '../src/report/index-rows.js'
import { writeIndexPage } from '../src/report/index-page.js'
import { fixtureDocuments, tmp } from './helpers.js'

const fixtures = fixtureDocuments()

/** The page's data block: between its script tag and the last closing tag before the page's own script. */
const blockOf = (page: string) => page.slice(page.indexOf('id="report-data">') + 'id="report-data">'.length, page.lastIndexOf('</script>', page.indexOf('<script>')))

describe('the index page, written in pieces', () => {
  it('holds exactly jsonForScript(data) over several pieces, rows in memory or in a file, escapes on their edges included', async () => {
    const memory = new MemoryRows()
    const dir = tmp('report-index-')
    const spilled = new SpilledRows(dir)
    const indexes = [new IndexCollector(memory), new IndexCollector(spilled)]
    // Hostile text in every copy's first commitment: what must be escaped lands in every piece.
    for (let n = 0; indexes[0]!.commitments < 5_000; n++) {
      const base = fixtures[n % fixtures.length]!
      const commitments = base.commitments.map((c, i) => (i === 0 ? { ...c, text: `</script><b>&amp;\u2028${c.text}\u2029` } : c))
      for (const index of indexes) {
        index.add({ ...base, id: `copy-${n}`, commitments })
        await index.flush()
      }
    }
    const whole = jsonForScript({ ...indexes[0]!.facts().data, rows: memory.rows })
    for (const [i, index] of indexes.entries()) {
      const facts = index.facts()
      const file = path.join(dir, `index-${i}.html`)
      const writer = new AtomicLineWriter(file)
      await writeIndexPage(writer, facts, '<h2>Initiatives</h2>')
      await writer.close()
      const page = fs.readFileSync(file, 'utf8')
      expect(blockOf(page)).toBe(whole)
      expect(page).toContain(`${facts.data.docs.length} documents, ${facts.total} commitments`)
      // One closing tag for the block: nothing in the data closed it early.
      expect(page.split('</script>').length).toBe(3)
    }
    // The spilled rows' file is gone once written.
    expect(fs.readdirSync(dir).sort()).toEqual(['index-0.html', 'index-1.html'])
  })
})
