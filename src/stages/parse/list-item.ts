/**
 * remark-rehype's `listItem` handler, made linear. mdast-util-to-hast
 * decides whether a list is loose again for each of its items, reading
 * every sibling: 100,000 bullets cost 10^10 steps. Here the list's
 * looseness is decided once and each item is handed it; the hast made is
 * the same.
 */
import type { List, ListItem, Parents } from 'mdast'
import { defaultHandlers } from 'remark-rehype'

type State = Parameters<typeof defaultHandlers.listItem>[0]

const looseness = new WeakMap<List, boolean>()

const itemLoose = (item: ListItem) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread)

export function listItem(state: State, node: ListItem, parent: Parents | undefined) {
  if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent)
  let loose = looseness.get(parent)
  if (loose === undefined) {
    loose = Boolean(parent.spread) || parent.children.some(itemLoose)
    looseness.set(parent, loose)
  }
  // Without a parent, the default handler reads looseness from the item alone.
  const spread = node.spread
  node.spread = loose
  try {
    return defaultHandlers.listItem(state, node, undefined)
  } finally {
    node.spread = spread
  }
}
