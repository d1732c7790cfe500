import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Manifest, type ManifestEntry } from '../src/batch/manifest.js'

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
