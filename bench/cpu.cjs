// Preloaded by bench/run.ts into each cold-start process: writes the CPU time the
// whole process used (user + system, in ms) to COMMITMENTS_CPU as it exits.
const fs = require('node:fs')

process.on('exit', () => {
  const { user, system } = process.cpuUsage()
  fs.writeFileSync(process.env.COMMITMENTS_CPU, String((user + system) / 1000))
})
