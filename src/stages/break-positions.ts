/**
 * Stage: break positions (markdown only). remark-rehype puts a newline
 * text node without a position after each `<br>`, and rehype-raw merges it
 * into the text that follows, which so loses its start. A paragraph split at
 * `<br><br>` (SPEC §3) then could not say where its parts begin. The text
 * starts where the break before it ends: the break covers the source's
 * line ending.
 */
import type { Nodes, Root } from 'hast'

export default function breakPositions() {
  return (tree: Root) => {
    const visit = (node: Nodes) => {
      if (!('children' in node)) return
      let previous: Nodes | undefined
      for (const child of node.children) {
        if (child.type === 'text' && !child.position?.start && child.position?.end && previous?.position?.end) {
          child.position = { start: { ...previous.position.end }, end: child.position.end }
        }
        visit(child)
        previous = child
      }
    }
    visit(tree)
  }
}
