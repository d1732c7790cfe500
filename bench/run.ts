/**
 * `npm run bench`: archives of distinct releases built from the corpus
 * (each copy varied, so no two are identical), and on each, in one run:
 *
 * - the parse-only floor: the same files through the pipeline's own unified
 *   parsers and nothing else, on one thread;
 * - `extract` on one thread (`--workers 0`) and with the default workers,
 *   each in a process of its own;
 *
 * with releases/s, wall and CPU seconds, the ratios to the floor, and peak
 * RSS; then the cold start of a one-release run against `node -e 0`.
 *
 *   npm run bench [-- --sizes 1000,5000] [-- --full]
 *   npm run bench -- --cold      (the cold start alone: seconds, not minutes)
 *
 * By default the one-thread pipeline runs on the first size only (it is the
 * longest measure; the second size is there to show growth and memory);
 * `--full` runs it on every size.
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
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined)
const sizes = (arg('--sizes') ?? '1000,5000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b)
const full = process.argv.includes('--full')
const coldOnly = process.argv.includes('--cold')

/** Sources: the shared corpus when it is beside the project, else the bundled fixtures. */
function sources(): string[] {
  const shared = path.resolve(root, '..', 'shared', 'corpus')
  if (fs.existsSync(shared)) {
    return ['markdown', 'html'].flatMap((dir) => fs.readdirSync(path.join(shared, dir)).map((f) => path.join(shared, dir, f)))
  }
  const fixtures = path.join(root, 'fixtures')
  return fs.readdirSync(fixtures).flatMap((dir) => ['input.md', 'input.html'].map((f) => path.join(fixtures, dir, f)).filter((f) => fs.existsSync(f)))
}

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).freeze()
const html = unified().use(rehypeParse).freeze()
const cpuNow = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Parse only, in this process, one thread: what no extraction can go below. */
async function floor(files: string[]): Promise<{ seconds: number; cpu: number }> {
  const cpu = cpuNow()
  const started = performance.now()
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8')
    if (file.endsWith('.html')) await html.run(html.parse(text))
    else await markdown.run(markdown.parse(text))
  }
  return { seconds: (performance.now() - started) / 1000, cpu: cpuNow() - cpu }
}

interface Run { seconds: number; cpu: number; documents: number; commitments: number; failures: number; maxRssKb: number }

/** `extract` in a process of its own into `out`; workers undefined = the default pool. */
function pipeline(archive: string, out: string, workers?: number): Run {
  const args = [path.join(root, 'bench', 'child.mjs'), archive, out, ...(workers === undefined ? [] : [String(workers)])]
  const child = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
  if (child.status !== 0) throw new Error(`extract failed (${child.status})`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Run
}
const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-bench-out-'))

const corpus = sources()
const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-bench-'))
const load = () => os.loadavg()[0]!.toFixed(1)
console.log(`machine   ${os.availableParallelism()} cores, load average ${load()} at start (figures under load move: compare ratios, and CPU seconds)`)
const pad = (s: string, n = 9) => s.padEnd(n)
const secs = (wall: number, cpu: number) => `${wall.toFixed(1).padStart(6)} s wall ${cpu.toFixed(1).padStart(6)} s CPU`
const verdicts: boolean[] = []
let copies: string[] = coldOnly ? buildArchive(corpus, 1, archive).files : []
for (const size of coldOnly ? [] : sizes) {
  // The larger archive extends the smaller one: its first copies are the same files.
  const more = buildArchive(corpus, size, archive)
  copies = more.files
  const mb = more.bytes / 1024 / 1024
  const rate = (seconds: number) => `${(size / seconds).toFixed(1).padStart(6)} releases/s`
  console.log(`\n${size} releases from ${corpus.length} sources, ${mb.toFixed(1)} MB`)
  const f = await floor(copies)
  console.log(`${pad('floor')}${secs(f.seconds, f.cpu)}  ${rate(f.seconds)}  parse only, 1 thread`)
  if (full || size === sizes[0]) {
    const oneOut = outDir()
    const one = pipeline(archive, oneOut, 0)
    fs.rmSync(oneOut, { recursive: true, force: true })
    console.log(`${pad('1 thread')}${secs(one.seconds, one.cpu)}  ${rate(one.seconds)}  peak RSS ${(one.maxRssKb / 1024).toFixed(0)} MB  ${one.documents} documents, ${one.commitments} commitments, ${one.failures} failed`)
    const ratio = one.seconds / f.seconds
    console.log(`${pad('ratio')}${ratio.toFixed(2)} wall, ${(one.cpu / f.cpu).toFixed(2)} CPU  1 thread / floor (target ≤ 2.0)`)
    verdicts.push(one.failures === 0)
  }
  const poolOut = outDir()
  const pool = pipeline(archive, poolOut)
  console.log(`${pad('workers')}${secs(pool.seconds, pool.cpu)}  ${rate(pool.seconds)}  peak RSS ${(pool.maxRssKb / 1024).toFixed(0)} MB  (default pool, ${os.availableParallelism()} threads)`)
  console.log(`${pad('ratio')}${(pool.seconds / f.seconds).toFixed(2)} wall  default workers / floor`)
  verdicts.push(pool.failures === 0)
  // Timelines (SPEC §12): the run above built them (learning names as Documents passed, then one read of
  // documents.jsonl); here they are built again alone, reading it twice: an upper bound of what they add.
  let timelineSeconds = performance.now()
  const timelines = await buildTimelines(path.join(poolOut, 'documents.jsonl'))
  timelineSeconds = (performance.now() - timelineSeconds) / 1000
  const timelineShare = timelineSeconds / (pool.seconds - timelineSeconds)
  console.log(`${pad('timelines')}${timelineSeconds.toFixed(2)} s  ${(timelineShare * 100).toFixed(1)} % of the rest of the run  (target < 10 %; ${timelines.length} keys, ${timelines.reduce((n, t) => n + t.events.length, 0)} events)`)
  fs.rmSync(poolOut, { recursive: true, force: true })
}

// Cold start: one release, a fresh process (in a folder of its own: no config file to load), against a
// process that does nothing; wall and CPU time (user + system, read by bench/cpu.cjs as the process exits).
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const cpuFile = path.join(archive, 'cpu.txt')
const time = (args: string[]) => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'commitments-one-'))
  const t = performance.now()
  const r = spawnSync(process.execPath, ['-r', path.join(root, 'bench', 'cpu.cjs'), ...args], { cwd, stdio: 'ignore', env: { ...process.env, COMMITMENTS_CPU: cpuFile } })
  const wall = performance.now() - t
  fs.rmSync(cwd, { recursive: true, force: true })
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`)
  return { wall, cpu: Number(fs.readFileSync(cpuFile, 'utf8')) }
}
const medians = (runs: Array<{ wall: number; cpu: number }>) => ({ wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) })
const one = () => [path.join(root, 'bin', 'commitments.js'), 'extract', copies[0]!, '--out', 'out', '--quiet']
time(one())
const empty = medians([0, 1, 2].map(() => time(['-e', '0'])))
const cold = medians([0, 1, 2, 3, 4].map(() => time(one())))
console.log(`\ncold      ${cold.wall.toFixed(0)} ms wall ${cold.cpu.toFixed(0)} ms CPU  one release (${path.basename(copies[0]!)}; median of 5), node -e 0 ${empty.wall.toFixed(0)} ms wall ${empty.cpu.toFixed(0)} ms CPU (target < 1000 ms)`)
console.log(`machine   load average ${load()} at end`)

fs.rmSync(archive, { recursive: true, force: true })
console.log(verdicts.every(Boolean) ? 'failures  none' : 'failures  SOME RELEASES FAILED')
