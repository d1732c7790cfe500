// The pipeline side of `npm run bench`: one `extract` over the archive in a
// process of its own (the built dist/), reporting its wall time, CPU time
// and peak RSS (worker threads included) as one JSON line.
//
//   node bench/child.mjs ARCHIVE OUT [WORKERS]   (WORKERS: 0 = one thread; omitted = the default pool)
import { loadConfig } from '../dist/config/load.js'
import { runExtract } from '../dist/batch/run.js'

const [input, out, workers] = process.argv.slice(2)
const config = await loadConfig()
const before = process.resourceUsage()
const summary = await runExtract({ inputs: [input], out, config, workers: workers === undefined ? undefined : Number(workers), progress: { quiet: true } })
const usage = process.resourceUsage()
const cpu = (usage.userCPUTime + usage.systemCPUTime - before.userCPUTime - before.systemCPUTime) / 1e6
process.stdout.write(JSON.stringify({ ...summary, files: summary.files.length, cpu, maxRssKb: usage.maxRSS }) + '\n')
