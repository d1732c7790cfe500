// The pipeline side of `npm run bench`: one `extract` over the archive in a
// process of its own (the built dist/), reporting its time and peak RSS
// (worker threads included) as one JSON line.
import { loadConfig } from '../dist/config/load.js'
import { runExtract } from '../dist/batch/run.js'

const [input, out] = process.argv.slice(2)
const config = await loadConfig()
const summary = await runExtract({ inputs: [input], out, config, progress: { quiet: false, every: 10 } })
process.stdout.write(JSON.stringify({ ...summary, files: summary.files.length, maxRssKb: process.resourceUsage().maxRSS }) + '\n')
