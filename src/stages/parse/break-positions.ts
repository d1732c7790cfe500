/**
 * Stage: break positions (markdown only). remark-rehype puts a newline
 * text node without a position after each `<br>`, and rehype-raw merges it
 * into the text that follows, which so loses its start. A paragraph split at
 * `<br><br>` (SPEC §3) then could not say where its parts begin. The text
 * starts where the break before it ends: the break covers the source's
 * line ending.
 *
 * The other way round, text that follows an element inside a list item
 * (`**Label:** text` before a nested list, `<span>x</span> text`) keeps its
 * start and loses its end, and the item's position would end at the label
 * (issue 18 #9). Such text ends where what follows it starts (the next
 * sibling, or its parent's end), less the white space before that.
 */
import type { Root } from 'hast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'

export default function breakPositions() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    let place: ReturnType<typeof location> | undefined
    const endBefore = (limit: number) => {
      let offset = limit
      while (offset > 0 && /\s/.test(source[offset - 1]!)) offset--
      place ??= location(source)
      const point = place.toPoint(offset)
      return point ? { line: point.line, column: point.column, offset } : undefined
    }
    // Depth first, in document order: a node is mended after its earlier siblings (and their content), before its own content.
    visit(tree, (child, index, node) => {
      if (!node || index === undefined) return
      const previous = index > 0 ? node.children[index - 1] : undefined
      if (child.type === 'text' && !child.position?.start && child.position?.end && previous?.position?.end) {
        child.position = { start: { ...previous.position.end }, end: child.position.end }
      }
      const start = child.position?.start.offset
      if (child.type === 'text' && start !== undefined && child.position?.end?.offset === undefined) {
        const next = node.children.slice(index + 1).find((sibling) => sibling.position?.start.offset !== undefined)
        const limit = next?.position?.start.offset ?? node.position?.end.offset
        const end = limit !== undefined && limit > start ? endBefore(limit) : undefined
        if (end && end.offset > start) child.position = { start: child.position!.start, end }
      }
    })
  }
}
