/**
 * Stage: amounts (SPEC §8). Money and percentages in each commitment's text.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { findAmounts } from '../../amounts/find-amounts.js'
import { hasFatal } from '../guard.js'

export default function amounts() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file)) return
    for (const item of file.data.classified ?? []) item.amounts = findAmounts(item.text)
  }
}
