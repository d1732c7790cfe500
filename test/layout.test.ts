/**
 * The source layout (issue 13): no import circle among `src/` modules
 * (type-only imports count: they tie modules together for a reader too),
 * the pipeline's phases visible as folders of `src/stages/`, and no module
 * over 250 lines without the reason in its header.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { root } from './helpers.js'

const SRC = path.join(root, 'src')
const modules = (fs.readdirSync(SRC, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, f))

/** Every relative import of a module (static, type-only, re-export, dynamic), as absolute `.ts` paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]!)
  return specifiers.filter((s) => s.endsWith('.js')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')))
}

/** The import circles of a graph (Tarjan's strongly connected components of more than one module, or a self-import). */
export function circles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const connect = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) connect(v)
  return found
}

describe('source layout', () => {
  it('finds a circle where there is one (the check can fail)', () => {
    expect(circles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']])
    expect(circles(new Map([['a', ['b']], ['b', []]]))).toEqual([])
  })

  it('no import circle among the modules of src/', () => {
    const graph = new Map(modules.map((m) => [m, importsOf(m)]))
    for (const [m, targets] of graph) for (const t of targets) expect(fs.existsSync(t), `${path.relative(root, m)} imports ${path.relative(root, t)}`).toBe(true)
    expect(circles(graph).map((c) => c.map((m) => path.relative(root, m)))).toEqual([])
  })

  it('src/stages/ holds the phases, and the two modules every phase shares', () => {
    const entries = fs.readdirSync(path.join(SRC, 'stages')).sort()
    expect(entries).toEqual(['annotate', 'data.ts', 'guard.ts', 'input', 'output', 'parse', 'structure'])
  })

  it('a module over 250 lines says why in its header', () => {
    const long = modules.filter((m) => fs.readFileSync(m, 'utf8').split('\n').length > 250)
    const silent = long.filter((m) => !/^\/\*\*[\s\S]*?Over 250 lines:[\s\S]*?\*\//.test(fs.readFileSync(m, 'utf8')))
    expect(silent.map((m) => path.relative(root, m))).toEqual([])
  })
})
