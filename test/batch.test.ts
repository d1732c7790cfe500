/**
 * Archives (issue 6): bad files of every kind beside good ones, a run
 * killed with SIGKILL mid-batch and resumed, the manifest's skips and
 * `--force`, shards, and the worker pool giving the same output as one
 * thread. All on real releases from fixtures/.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { parseShard } from '../src/batch/shard.js'
import { Document, runExtract } from '../src/index.js'
import { buildArchive } from '../bench/archive.js'
import { config, fixtureInputs, manifestReaches, readJsonl, root, tmp } from './helpers.js'

const inputs = fixtureInputs()
const real = (i: number) => fs.readFileSync(inputs[i % inputs.length]!)

/** An archive of n distinct real releases. */
function archive(n: number): string {
  const dir = tmp('archive-')
  buildArchive(inputs, n, dir)
  return dir
}

describe('faults (issue 6)', () => {
  it('records each bad file with its position in errors.jsonl and writes every good file whole', async () => {
    const dir = tmp()
    const good = [0, 1, 2].map((i) => {
      const file = path.join(dir, `good-${i}${path.extname(inputs[i]!)}`)
      fs.writeFileSync(file, real(i))
      return file
    })
    const text = real(0).toString('utf8')
    const curly = Buffer.from(text.slice(0, text.indexOf('’')), 'utf8').length
    const bad: Record<string, Buffer> = {
      'binary.md': zlib.gzipSync(real(0)),
      'empty.md': Buffer.alloc(0),
      // Cut inside the three bytes of a ’.
      'truncated.md': real(0).subarray(0, curly + 1),
      // The release as Latin-1: its NBSP becomes a lone 0xA0 byte.
      'latin1.md': Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1'),
      'junk.md': Buffer.alloc(50 * 1024 * 1024, 'junk text '),
      'front-matter.md': Buffer.from(text.replace(/^title: .*$/m, "title: 'unclosed"), 'utf8')
    }
    for (const [name, bytes] of Object.entries(bad)) fs.writeFileSync(path.join(dir, name), bytes)
    const out = path.join(dir, 'out')
    const summary = await runExtract({ inputs: [dir], out, config, cwd: dir })
    expect(summary.failures).toBe(6)
    expect(summary.documents).toBe(3)

    const errors = readJsonl(path.join(out, 'errors.jsonl'))
    const byFile = Object.fromEntries(errors.map((e) => [path.basename(e.path), e]))
    expect(Object.keys(byFile).sort()).toEqual(Object.keys(bad).sort())
    expect(byFile['binary.md'].reason).toMatch(/binary|UTF-8/)
    expect(byFile['empty.md'].reason).toMatch(/empty/)
    expect(byFile['truncated.md'].reason).toMatch(/Unexpected byte 0xe2 \(a 3-byte sequence cut short: the file ends\) at offset/)
    expect(byFile['truncated.md'].line).toBeGreaterThan(1)
    expect(byFile['latin1.md'].reason).toMatch(/Unexpected byte 0xa0/)
    expect(byFile['junk.md'].reason).toMatch(/50\.0 MB, expected at most 20\.0 MB/)
    expect(byFile['front-matter.md']).toMatchObject({ ruleId: 'front-matter', line: expect.any(Number) })
    expect(byFile['front-matter.md'].line).toBeGreaterThan(1)

    // The good files' outputs are complete: the same Documents as each file alone.
    const docs = readJsonl(path.join(out, 'documents.jsonl'))
    expect(docs.map((d) => path.basename(d.source.path))).toEqual(good.map((f) => path.basename(f)))
    for (const doc of docs) {
      expect(Document.safeParse(doc).success).toBe(true)
      expect(JSON.parse(fs.readFileSync(path.join(out, 'documents', `${doc.id}.json`), 'utf8'))).toEqual(doc)
    }
  }, 60_000)
})

describe('resume (issue 6)', () => {
  it('skips unchanged inputs, redoes changed ones, and redoes all with force', async () => {
    const dir = archive(6)
    const out = path.join(dir, 'out')
    const first = await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0 })
    expect(first.unchanged).toBe(0)
    const before = fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')
    const again = await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0 })
    expect(again.unchanged).toBe(6)
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).toBe(before)
    fs.appendFileSync(path.join(dir, '0002.md'), '\n- The agencies will launch a new pilot programme.\n')
    const changed = await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0 })
    expect(changed.unchanged).toBe(5)
    expect(changed.commitments).toBe(first.commitments + 1)
    const forced = await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0, force: true })
    expect(forced.unchanged).toBe(0)
    expect(readJsonl(path.join(out, 'manifest.jsonl'))).toHaveLength(6)
    // A manifest written under an older output contract is not reused: documents.jsonl never mixes schema versions.
    const manifest = path.join(out, 'manifest.jsonl')
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/\+s\d+\+/g, '+s2+'))
    const upgraded = await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0 })
    expect(upgraded.unchanged).toBe(0)
  }, 60_000)

  it('leaves every file whole after kill -9 mid-batch, and resumes to the same output as a clean run', async () => {
    const dir = archive(240)
    const out = path.join(dir, 'out')
    const child = spawn(process.execPath, [path.join(root, 'bin', 'commitments.js'), 'extract', dir, '--out', out, '--quiet', '--workers', '2'], { cwd: root, stdio: 'ignore' })
    const manifest = path.join(out, 'manifest.jsonl')
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // Kill once a good part of the batch is done, but well before its end.
    await manifestReaches(child, manifest, 40)
    expect(child.exitCode).toBeNull()
    child.kill('SIGKILL')
    await exited

    // What the killed run wrote is whole: every Document file parses, every
    // manifest line it finished names Documents that exist, and no partial
    // documents.jsonl was published.
    expect(fs.existsSync(path.join(out, 'documents.jsonl'))).toBe(false)
    const written = fs.readdirSync(path.join(out, 'documents')).filter((f) => f.endsWith('.json'))
    expect(written.length).toBeGreaterThanOrEqual(40)
    for (const f of written) expect(Document.safeParse(JSON.parse(fs.readFileSync(path.join(out, 'documents', f), 'utf8'))).success).toBe(true)
    const lines = fs.readFileSync(manifest, 'utf8').split('\n').filter(Boolean)
    const complete = lines.flatMap((line) => {
      try {
        return [JSON.parse(line)]
      } catch {
        return []
      }
    })
    expect(complete.length).toBeGreaterThanOrEqual(lines.length - 1)
    for (const entry of complete) for (const id of entry.documents) expect(written).toContain(`${id}.json`)

    // The resumed run reuses what was done and ends with exactly a clean run's output.
    // (From the folder the CLI ran in: source paths are relative to it.)
    const resumed = await runExtract({ inputs: [dir], out, config, cwd: root })
    expect(resumed.unchanged).toBeGreaterThanOrEqual(complete.length)
    expect(resumed.failures).toBe(0)
    const clean = path.join(tmp(), 'clean')
    await runExtract({ inputs: [dir], out: clean, config, cwd: root })
    expect(fs.readFileSync(path.join(out, 'documents.jsonl'), 'utf8')).toBe(fs.readFileSync(path.join(clean, 'documents.jsonl'), 'utf8'))
    const leftovers = [...fs.readdirSync(out), ...fs.readdirSync(path.join(out, 'documents'))].filter((f) => f.endsWith('.tmp'))
    expect(leftovers).toEqual([])
  }, 120_000)
})

describe('shards and the worker pool (issue 6)', () => {
  it('splits the inputs into disjoint shards that cover them all', async () => {
    const dir = archive(30)
    const outs = tmp('shards-')
    const seen: string[] = []
    for (let i = 1; i <= 3; i++) {
      const out = path.join(outs, `out-${i}`)
      await runExtract({ inputs: [dir], out, config, cwd: dir, workers: 0, shard: parseShard(`${i}/3`) })
      seen.push(...readJsonl(path.join(out, 'manifest.jsonl')).map((e) => path.basename(e.path)))
    }
    expect(seen.sort()).toEqual(fs.readdirSync(dir).filter((f) => /\.(md|html)$/.test(f)).sort())
    expect(() => parseShard('4/3')).toThrow(/1 ≤ i ≤ n/)
  }, 60_000)

  it('gives the same output with worker threads as in one thread, in input order', async () => {
    const dir = archive(12)
    const one = path.join(dir, 'one')
    const pooled = path.join(dir, 'pooled')
    await runExtract({ inputs: [dir], out: one, config, cwd: dir, workers: 0 })
    const summary = await runExtract({ inputs: [dir], out: pooled, config, cwd: dir, workers: 2 })
    expect(summary.documents).toBe(12)
    expect(fs.readFileSync(path.join(pooled, 'documents.jsonl'), 'utf8')).toBe(fs.readFileSync(path.join(one, 'documents.jsonl'), 'utf8'))
  }, 60_000)

  it('reports progress as plain lines when not on a terminal', async () => {
    const dir = archive(4)
    const chunks: string[] = []
    const stream = { isTTY: false, write: (chunk: string) => chunks.push(chunk) } as unknown as NodeJS.WriteStream
    await runExtract({ inputs: [dir], out: path.join(dir, 'out'), config, cwd: dir, workers: 0, progress: { quiet: false, stream, every: 0 } })
    expect(chunks.join('')).toMatch(/extract: 4\/4 inputs {2}[\d.]+\/s {2}ETA 0s\n$/)
  })
})
