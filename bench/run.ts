/**
 * `npm run bench`: an archive of ≥ 1,000 releases built from the corpus
 * (each copy varied, so no two are identical), the parse-only floor (the
 * same files through the same unified parsers and nothing else, one core),
 * and `extract` over it in a process of its own; prints docs/s, MB/s, peak
 * RSS and the ratio pipeline/floor, and a one-release latency.
 *
 *   npm run bench [-- --size 2000]
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import rehypeParse from 'rehype-parse'
import rehypeRaw from 'rehype-raw'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { buildTimelines } from '../src/versions/timelines-file.js'
import { buildArchive } from './archive.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const size = Number(process.argv[process.argv.indexOf('--size') + 1]) || 1200

/** Sources: the shared corpus when it is beside the project, else the bundled fixtures. */
function sources(): string[] {
  const shared = path.resolve(root, '..', 'shared', 'corpus')
  if (fs.existsSync(shared)) {
    return ['markdown', 'html'].flatMap((dir) => fs.readdirSync(path.join(shared, dir)).map((f) => path.join(shared, dir, f)))
  }
  const fixtures = path.join(root, 'fixtures')
  return fs.readdirSync(fixtures).flatMap((dir) => ['input.md', 'input.html'].map((f) => path.join(fixtures, dir, f)).filter((f) => fs.existsSync(f)))
}

const files = sources()
const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-bench-'))
const { files: copies, bytes } = buildArchive(files, size, archive)
const mb = bytes / 1024 / 1024
console.log(`archive   ${size} releases from ${files.length} sources, ${mb.toFixed(1)} MB, ${archive}`)

// The floor: parsing only, with the pipeline's own parsers, in this process on one core.
const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze()
const html = unified().use(rehypeParse).freeze()
let floor = performance.now()
for (const file of copies) {
  const text = fs.readFileSync(file, 'utf8')
  if (file.endsWith('.html')) await html.run(html.parse(text))
  else await markdown.run(markdown.parse(text))
}
floor = (performance.now() - floor) / 1000
const rate = (seconds: number) => `${(size / seconds).toFixed(1)} docs/s, ${(mb / seconds).toFixed(2)} MB/s`
console.log(`floor     ${floor.toFixed(1)} s  ${rate(floor)}  (parse only, 1 core)`)

// The pipeline: `extract` in its own process, worker threads included in its peak RSS.
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-bench-out-'))
const child = spawnSync(process.execPath, [path.join(root, 'bench', 'child.mjs'), archive, out], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
if (child.status !== 0) throw new Error(`extract failed (${child.status})`)
const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; documents: number; commitments: number; failures: number; maxRssKb: number }
const rss = run.maxRssKb / 1024
const ratio = run.seconds / floor
console.log(`pipeline  ${run.seconds.toFixed(1)} s  ${rate(run.seconds)}  (${os.availableParallelism()} cores; ${run.documents} documents, ${run.commitments} commitments, ${run.failures} failed)`)
console.log(`peak RSS  ${rss.toFixed(0)} MB  (target ≤ 400)`)
console.log(`ratio     ${ratio.toFixed(2)}  pipeline/floor  (target ≤ 3)`)

// Timelines (SPEC §12): the run above built them (learning names as Documents passed, then one read of
// documents.jsonl); here they are built again alone, reading it twice: an upper bound of what they add.
let timelineSeconds = performance.now()
const timelines = await buildTimelines(path.join(out, 'documents.jsonl'))
timelineSeconds = (performance.now() - timelineSeconds) / 1000
const timelineShare = timelineSeconds / (run.seconds - timelineSeconds)
console.log(`timelines ${timelineSeconds.toFixed(2)} s  ${(timelineShare * 100).toFixed(1)} % of the rest of the run  (target < 10 %; ${timelines.length} keys, ${timelines.reduce((n, t) => n + t.events.length, 0)} events)`)

// One release, cold: what a user waits for on a new release.
const one = spawnSync(process.execPath, [path.join(root, 'bin', 'commitments.js'), 'extract', copies[0]!, '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-one-')), '--quiet'], { cwd: root })
let latency = performance.now()
spawnSync(process.execPath, [path.join(root, 'bin', 'commitments.js'), 'extract', copies[0]!, '--out', fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-one-')), '--quiet'], { cwd: root })
latency = performance.now() - latency
if (one.status !== 0) throw new Error('single-release extract failed')
console.log(`one file  ${latency.toFixed(0)} ms  (cold process, ${path.basename(copies[0]!)})`)

fs.rmSync(archive, { recursive: true, force: true })
fs.rmSync(out, { recursive: true, force: true })
const ok = ratio <= 3 && rss <= 400 && run.failures === 0 && timelineShare < 0.1
console.log(ok ? 'targets   met' : 'targets   NOT met')
