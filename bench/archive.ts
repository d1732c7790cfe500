/**
 * Archives of distinct releases made from real ones, for the bench and the
 * batch tests: copy n of a release gets its own URL (ids come from it) and
 * a closing paragraph (narrative: no commitment), so no two are identical.
 */
import fs from 'node:fs'
import path from 'node:path'

export function varyRelease(text: string, html: boolean, n: number): string {
  const moved = text.replace(/^(source_url: \S+?)\/?$/m, `$1/copy-${n}/`).replace(/(rel="canonical" href="[^"]+?)\/?"/, `$1/copy-${n}/"`)
  return moved + (html ? `\n<p>Archive copy ${n}.</p>\n` : `\n\nArchive copy ${n}.\n`)
}

/** Write n copies of `sources` (in turn) into `dir` as `0000.md`, `0001.html`…; returns the files and their size. */
export function buildArchive(sources: string[], n: number, dir: string): { files: string[]; bytes: number } {
  const files: string[] = []
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const source = sources[i % sources.length]!
    const html = source.endsWith('.html')
    const text = varyRelease(fs.readFileSync(source, 'utf8'), html, i)
    const target = path.join(dir, `${String(i).padStart(4, '0')}.${html ? 'html' : 'md'}`)
    fs.writeFileSync(target, text)
    bytes += Buffer.byteLength(text)
    files.push(target)
  }
  return { files, bytes }
}
