import type { VFile } from 'vfile'
import { overBudget } from '../limits/check.js'

/**
 * Every stage opens with this: skip a file that already has a fatal
 * message (unified-engine's guard), or whose time budget is spent.
 */
export function hasFatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true) || overBudget(file)
}
