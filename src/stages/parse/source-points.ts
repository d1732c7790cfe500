/**
 * Stage: source points (after every parser). parse5 counts a line ending
 * twice when it follows a bare `&` (its character-reference state
 * reconsumes the newline), so every line after `a &\n` is one too far,
 * while the offsets stay right. The offsets are the truth: every point's
 * line and column are derived from them again, once per document.
 */
import type { Root } from 'hast'
import type { Point } from 'unist'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'

export default function sourcePoints() {
  return (tree: Root, file: VFile) => {
    const place = location(file)
    const fix = (point: Point | undefined) => {
      if (point?.offset === undefined) return
      const derived = place.toPoint(point.offset)
      if (derived && (derived.line !== point.line || derived.column !== point.column)) {
        point.line = derived.line
        point.column = derived.column
      }
    }
    visit(tree, (node) => {
      fix(node.position?.start)
      fix(node.position?.end)
    })
  }
}
