/**
 * The SQLite full-text index written once per group (src/db/fts-group.ts):
 * whatever a group holds (new releases, a changed one replacing its rows,
 * a Document refused and rolled back after the index was written inside its
 * savepoint), what commits is an index in step with `commitments`, found
 * by FTS5's own integrity check against the table, and the insert trigger
 * is in the schema again.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SqliteSink } from '../src/db/sqlite.js'
import type { Document } from '../src/index.js'
import { expectFtsInStep, md, tmp } from './helpers.js'

const atUrl = (body: string, url: string) => md(`---\ntitle: 'FACT SHEET: One'\ndate: '2025-01-06'\nsource_url: ${url}\n---\n\n${body}`)

/** Ids of the commitments a full-text query finds. */
function search(file: string, query: string): string[] {
  const db = new Database(file, { readonly: true })
  const ids = db.prepare('SELECT c.id FROM commitments_fts f JOIN commitments c ON c.rowid = f.rowid WHERE commitments_fts MATCH ? ORDER BY c.id').pluck().all(query) as string[]
  db.close()
  return ids
}

describe('the full-text index, written per group', () => {
  it('follows inserts, a replaced release and a refused Document within one group', async () => {
    const file = path.join(tmp('fts-'), 'commitments.db')
    const mekong = await atUrl('- The United States will provide $80 million to the Mekong region.', 'https://example.gov/mekong')
    const maritime = await atUrl('- Japan will host a conference on maritime safety.', 'https://example.gov/maritime')
    const changed = await atUrl('- The United States will provide $58 million for fisheries in the Mekong region.', 'https://example.gov/mekong')
    const later = await atUrl('- Australia will fund scholarships for engineers.', 'https://example.gov/later')
    // A changed release whose rows the database refuses (two commitments with one id): its delete and the index written before it are rolled back.
    const base = await atUrl('- Japan will host a conference on port security.', 'https://example.gov/maritime')
    const refused: Document = { ...base, commitments: [base.commitments[0]!, base.commitments[0]!] }

    const sink = await SqliteSink.open(file)
    expect(await sink.write(mekong)).toBe('inserted')
    expect(await sink.write(maritime)).toBe('inserted')
    expect(await sink.write(changed)).toBe('versioned')
    await expect(sink.write(refused)).rejects.toThrow(/UNIQUE|PRIMARY KEY/)
    expect(await sink.write(later)).toBe('inserted')
    await sink.close()

    expectFtsInStep(file)
    expect(search(file, 'fisheries')).toEqual([changed.commitments[0]!.id])
    expect(search(file, '"80 million"')).toEqual([])
    expect(search(file, 'maritime')).toEqual([maritime.commitments[0]!.id])
    expect(search(file, 'port')).toEqual([])
    expect(search(file, 'scholarships')).toEqual([later.commitments[0]!.id])
  }, 60_000)

  it('keeps the index in step across groups and a reopened database', async () => {
    const file = path.join(tmp('fts-'), 'commitments.db')
    const documents = await Promise.all(Array.from({ length: 70 }, (_, i) => atUrl(`- Japan will host conference number ${i} on maritime safety.`, `https://example.gov/c${i}`)))
    const sink = await SqliteSink.open(file)
    for (const d of documents.slice(0, 66)) await sink.write(d)
    await sink.close()
    expectFtsInStep(file)
    const again = await SqliteSink.open(file)
    for (const d of documents.slice(60)) await again.write(d)
    await again.close()
    expectFtsInStep(file)
    expect(search(file, 'maritime')).toHaveLength(70)
  }, 60_000)
})
