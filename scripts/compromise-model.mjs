// compromise computes its tagger's model when it is loaded: it unpacks its
// lexicon, conjugates every verb and merges its plugins' models, about
// 0.25 s of every process that tags. For the bundles (./bundle.mjs) the
// stock build (compromise/two) is loaded once, at build time, its model
// written into the bundle as JSON, and src/nlp/compromise-two.ts replaced by
// a module that builds the same tagger from compromise's own sources (its
// code, plugin by plugin, in the order of its src/two.js) and hands it that
// model. test/bundle.test.ts checks that the model is the same and that the
// two tag every fixture's commitments alike.
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
// compromise's exports map lists no package.json: its CommonJS entry is in builds/two/.
const compromiseDir = path.resolve(path.dirname(require.resolve('compromise/two')), '..', '..')

/** The stock tagger's model as JSON, its regular expressions (which JSON cannot hold) as [path, source, flags] beside it. */
function compromiseModel() {
  const model = require('compromise/two').model()
  const regexps = []
  const walk = (value, at) => {
    if (value instanceof RegExp) regexps.push([at, value.source, value.flags])
    else if (value && typeof value === 'object') for (const key of Object.keys(value)) walk(value[key], [...at, key])
  }
  walk(model, [])
  return { json: JSON.stringify(model), regexps }
}

/** The module that stands in for src/nlp/compromise-two.ts in the bundle (made once: the CLI and the worker share it). */
let made
function fastTwo() {
  made ??= moduleText()
  return made
}

function moduleText() {
  const { json, regexps } = compromiseModel()
  const plugin = (file) => `require(${JSON.stringify(path.join(compromiseDir, 'src', file))}).default`
  return `
let nlp
const REGEXPS = ${JSON.stringify(regexps)}
const withRegexps = (model) => {
  for (const [at, source, flags] of REGEXPS) at.slice(0, -1).reduce((holder, key) => holder[key], model)[at.at(-1)] = new RegExp(source, flags)
  return model
}
export function loadTwo() {
  if (nlp) return nlp
  // compromise/two's own order (src/two.js), each plugin without the model it computes.
  nlp = ${plugin('one.js')}
  nlp.plugin({ compute: ${plugin('2-two/preTagger/compute/index.js')}, methods: ${plugin('2-two/preTagger/methods/index.js')}, hooks: ['preTagger'] })
  nlp.plugin(${plugin('2-two/contraction-two/plugin.js')})
  nlp.plugin({ api: ${plugin('2-two/postTagger/api.js')}, compute: ${plugin('2-two/postTagger/compute/index.js')}, hooks: ['postTagger'] })
  nlp.plugin(${plugin('2-two/lazy/plugin.js')})
  nlp.plugin(${plugin('2-two/swap/plugin.js')})
  // In place: compromise's two world objects (nlp's and View's) share this one model object.
  Object.assign(nlp.model(), withRegexps(JSON.parse(${JSON.stringify(json)})))
  return nlp
}
`
}

/** The esbuild plugin: src/nlp/compromise-two.ts (or its dist/ build) imported from src/nlp or dist/nlp becomes fastTwo(). */
export const fastCompromise = () => ({
  name: 'compromise-model',
  setup(build) {
    const stock = [path.join(root, 'dist', 'nlp', 'compromise-two.js'), path.join(root, 'src', 'nlp', 'compromise-two.js')]
    build.onResolve({ filter: /compromise-two\.js$/ }, (args) => (stock.includes(path.resolve(args.resolveDir, args.path)) ? { path: 'compromise-two', namespace: 'compromise-model' } : undefined))
    build.onLoad({ filter: /.*/, namespace: 'compromise-model' }, () => ({ contents: fastTwo(), loader: 'js', resolveDir: compromiseDir }))
  }
})
