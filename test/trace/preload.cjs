// Records every module a process loads, CommonJS and ESM, in the file named by
// COMMITMENTS_TRACE (one path or URL a line): what test/cold-start.test.ts reads.
const fs = require('node:fs')
const Module = require('node:module')
const { pathToFileURL } = require('node:url')

const trace = process.env.COMMITMENTS_TRACE
const load = Module._load
Module._load = function (request, parent, isMain) {
  let file = request
  try {
    file = Module._resolveFilename(request, parent, isMain)
  } catch {
    // A builtin or a name only the loader itself resolves: the request says enough.
  }
  fs.appendFileSync(trace, `${file}\n`)
  return load.apply(this, arguments)
}
Module.register(pathToFileURL(`${__dirname}/hooks.mjs`))
