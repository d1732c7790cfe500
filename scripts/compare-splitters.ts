/**
 * How the sentence splitter was chosen (issue 12): ours, `Intl.Segmenter`,
 * compromise's sentences and a naive regular expression, run on the same
 * narrative paragraphs (the blocks the pipeline reads sentences from).
 *
 * Reference: the gold sentence commitments of the second-version gold files
 * (`../shared/gold/dev`, those whose `units` include `sentence`). A
 * splitter reproduces a gold sentence when one of its sentences has exactly
 * the gold text. Over the whole corpus it also counts sentences cut right
 * after an abbreviation or an initial that SPEC §4 says never ends one
 * ("U.S. Government", "Donald J. Trump", "Mr. Smith") — false splits — and
 * measures speed.
 *
 *   npm run compare:splitters
 */
import fs from 'node:fs'
import path from 'node:path'
import nlp from 'compromise'
import { processFile, readBytes, resolveConfig } from '../src/index.js'
import { splitSentences } from '../src/sentences/split.js'
import { textOf } from '../src/text/hast.js'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const shared = path.resolve(root, '..', 'shared')
const config = resolveConfig({}, root)

type Splitter = (text: string) => string[]
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const splitters: Record<string, Splitter> = {
  ours: (text) => splitSentences(text).map((s) => text.slice(s.start, s.end)),
  'Intl.Segmenter': (text) => [...segmenter.segment(text)].map((s) => s.segment.trim()).filter(Boolean),
  compromise: (text) => (nlp(text).sentences().out('array') as string[]).map((s) => s.trim()),
  'regex [.!?] + space + capital': (text) => text.split(/(?<=[.!?]["”’)]?)\s+(?=["“(]?[A-Z])/).map((s) => s.trim()).filter(Boolean)
}

/** The narrative paragraphs of a release, as the pipeline sees them (no headings, lists, quotes or labels). */
async function paragraphs(file: string): Promise<string[]> {
  const vfile = readBytes(new Uint8Array(fs.readFileSync(file)), file, root)
  await processFile(vfile, config)
  return (vfile.data.blocks ?? []).flatMap((block) => (block.kind === 'paragraph' && !block.quote ? [textOf(block.nodes)] : []))
}

const corpusFile = (name: string) => ['markdown', 'html'].map((dir) => path.join(shared, 'corpus', dir, name)).find((f) => fs.existsSync(f))!

// 1. Gold sentences reproduced exactly.
const golds = fs
  .readdirSync(path.join(shared, 'gold', 'dev'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(shared, 'gold', 'dev', f), 'utf8')))
  .filter((g) => g.units?.includes('sentence'))
const reproduced: Record<string, number> = Object.fromEntries(Object.keys(splitters).map((k) => [k, 0]))
let goldSentences = 0
for (const gold of golds) {
  const texts = await paragraphs(corpusFile(gold.file))
  const produced = Object.fromEntries(Object.entries(splitters).map(([name, split]) => [name, new Set(texts.flatMap(split))]))
  for (const c of gold.commitments.filter((c: { unit: string }) => c.unit === 'sentence')) {
    goldSentences++
    for (const name of Object.keys(splitters)) if (produced[name]!.has(c.text)) reproduced[name]!++
  }
}

// 2. Over the corpus: false splits after a SPEC §4 abbreviation or initial, and speed.
const FALSE_END = /(?:^|[\s-])(?:U\.S|U\.K|Mr|Mrs|Ms|Dr|St|No|Inc|Ltd|Jr|Gen|Sen|Rep|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|vs|[A-Z])\.$/
const corpus = ['markdown', 'html'].flatMap((dir) => fs.readdirSync(path.join(shared, 'corpus', dir)).map((f) => path.join(shared, 'corpus', dir, f)))
const all: string[] = []
for (const file of corpus) all.push(...(await paragraphs(file)))
const bytes = all.reduce((n, t) => n + Buffer.byteLength(t), 0)

console.log(`reference: ${goldSentences} gold sentence commitments in ${golds.length} second-version gold files; corpus: ${all.length} narrative paragraphs, ${(bytes / 1024 / 1024).toFixed(2)} MB`)
console.log('| splitter | gold sentences reproduced | sentences in corpus | false splits after an abbreviation or initial | MB/s |')
console.log('|---|---|---|---|---|')
for (const [name, split] of Object.entries(splitters)) {
  const started = performance.now()
  const sentences = all.flatMap(split)
  const seconds = (performance.now() - started) / 1000
  // A sentence that ends in "U.S." is a false split only where the text goes on with a name ("U.S. Government"): count those followed by a capitalised non-starter.
  const falseSplits = all.reduce((n, text) => {
    const parts = split(text)
    return n + parts.slice(0, -1).filter((s, i) => FALSE_END.test(s) && !/^(The|We|This|These|In|It|They|He|She|Our|As|On|At)\b/.test(parts[i + 1] ?? '')).length
  }, 0)
  const pct = ((100 * reproduced[name]!) / goldSentences).toFixed(1)
  console.log(`| ${name} | ${reproduced[name]} / ${goldSentences} (${pct}%) | ${sentences.length} | ${falseSplits} | ${(bytes / 1024 / 1024 / seconds).toFixed(2)} |`)
}
