import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Manifest, type ManifestEntry } from '../src/batch/manifest.js'
import { FolderVersions, readVersions } from '../src/versions/folder.js'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'))
const entry = (p: string, sha256: string): ManifestEntry => ({ path: p, sha256, version: 'v', documents: [], failures: 0 })
const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

describe('the manifest, whose entries a run adds are on disk only', () => {
  it('reuses an entry added in this run, and compacts to each input once, its last, in first-come order, past a torn line', async () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'manifest.jsonl'), JSON.stringify(entry('/a', '1')) + '\n' + JSON.stringify(entry('/b', '1')) + '\n{"path":"/c","sha')
    const manifest = new Manifest(dir)
    manifest.append(entry('/c', '1'))
    manifest.append(entry('/a', '2'))
    expect(manifest.reusable('/c', '1', 'v')?.sha256).toBe('1')
    expect(manifest.reusable('/a', '2', 'v')?.sha256).toBe('2')
    expect(manifest.reusable('/d', '1', 'v')).toBeUndefined()
    await manifest.compact()
    expect(lines(path.join(dir, 'manifest.jsonl')).map((e) => [e.path, e.sha256])).toEqual([['/a', '2'], ['/b', '1'], ['/c', '1']])
  })
})

describe('the versions index, compacted from disk', () => {
  it('keeps each version once, the first line of it, after a torn line', async () => {
    const dir = tmp()
    const v = (id: string, version: number, sha256: string) => JSON.stringify({ id, version, sha256, modifiedAt: null, seenAt: `s${version}${sha256}` })
    fs.writeFileSync(path.join(dir, 'versions.jsonl'), [v('x', 2, 'b'), v('y', 1, 'c'), v('x', 1, 'a'), v('x', 2, 'z')].join('\n') + '\n{"id":"y","ver')
    const folder = await FolderVersions.open(dir)
    expect(folder.current('x')).toEqual({ version: 2, sha256: 'b' })
    expect([...folder.ids()]).toEqual(['x', 'y'])
    await folder.compact()
    expect(lines(path.join(dir, 'versions.jsonl')).map((e) => [e.id, e.version, e.sha256])).toEqual([['x', 1, 'a'], ['x', 2, 'b'], ['y', 1, 'c']])
    expect((await readVersions(dir)).get('x')?.map((e) => e.seenAt)).toEqual(['s1a', 's2b'])
  })
})
