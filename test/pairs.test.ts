/**
 * The same release saved as HTML and as markdown gives the same answers:
 * the same sections, and commitments with the same texts, sections, labels
 * and actions. The pairs bundled in fixtures/ always run; all 28 pairs of
 * the shared corpus run when it sits beside the project. The only
 * differences allowed are listed, with the reason, in
 * pairs/known-differences.json: places where the two sources differ.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract } from '../src/index.js'
import { comparePair } from './pairs/compare.js'
import known from './pairs/known-differences.json' with { type: 'json' }
import { config, root } from './helpers.js'

const shared = path.resolve(root, '..', 'shared', 'corpus')

/** `html/X.html` → `markdown/Y.md` for each "SAME DOCUMENT as" row of a manifest. */
function twins(manifest: string): Array<[string, string]> {
  return fs
    .readFileSync(manifest, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cells) => cells[0]?.startsWith('html/'))
    .flatMap((cells) => {
      const twin = /SAME DOCUMENT as (\S+)/.exec(cells.at(-1) ?? '')
      return twin ? [[cells[0]!, twin[1]!] as [string, string]] : []
    })
}

/** Where a corpus file is bundled in fixtures/, if it is. */
function bundled(corpusPath: string): string | undefined {
  const stem = path.basename(corpusPath).replace(/\.(md|html)$/, '')
  const dir = corpusPath.startsWith('html/') ? `html-${stem}` : stem
  const file = path.join(root, 'fixtures', dir, corpusPath.startsWith('html/') ? 'input.html' : 'input.md')
  return fs.existsSync(file) ? file : undefined
}

async function differences(htmlPath: string, mdPath: string): Promise<string[]> {
  const read = async (file: string) => {
    const { document, file: vfile } = await extract(fs.readFileSync(file, 'utf8'), { path: file, config })
    expect(document, vfile.messages.map(String).join('\n')).toBeDefined()
    return document!
  }
  return comparePair(await read(htmlPath), await read(mdPath))
}

const expected = (htmlPath: string): string[] => (known.pairs as Record<string, { differences: string[] }>)[htmlPath]?.differences ?? []

describe('HTML and markdown twins agree', () => {
  const local = twins(path.join(root, 'fixtures', 'SOURCES.tsv')).filter(([h, m]) => bundled(h) && bundled(m))

  it('bundles at least three pairs', () => {
    expect(local.length).toBeGreaterThanOrEqual(3)
  })

  for (const [h, m] of local) {
    it(`${path.basename(h)} ~ ${path.basename(m)} (fixtures)`, async () => {
      expect(await differences(bundled(h)!, bundled(m)!)).toEqual(expected(h))
    })
  }

  const all = fs.existsSync(path.join(shared, 'manifest.tsv')) ? twins(path.join(shared, 'manifest.tsv')) : []
  describe.skipIf(all.length === 0)('all pairs of the shared corpus', () => {
    it('has the 28 pairs the manifest promises', () => {
      expect(all).toHaveLength(28)
    })
    for (const [h, m] of all) {
      it(`${path.basename(h)} ~ ${path.basename(m)}`, async () => {
        expect(await differences(path.join(shared, h), path.join(shared, m))).toEqual(expected(h))
      })
    }
  })
})
