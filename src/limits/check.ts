/**
 * The per-release limits (config `limits`, README "Limits"), checked
 * before parsing: a release past one is refused with a message naming the
 * limit, at the place it was passed, and its batch goes on. The time
 * budget is checked between stages (`hasFatal`).
 */
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Limits } from '../config/schema.js'
import { htmlShape, markdownShape } from './shape.js'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function refuse(file: VFile, reason: string, ruleId: string, offset?: number): false {
  const place = offset === undefined ? undefined : location(file).toPoint(offset)
  const message = file.message(reason, { place, ruleId, source: 'commitments' })
  message.fatal = true
  return false
}

/** Whether the release is within its size, depth and item limits; if not, a fatal message says which. */
export function withinLimits(file: VFile, text: string, html: boolean, limits: Limits): boolean {
  // UTF-16 units first: a text that short cannot be over in UTF-8 bytes either.
  const bytes = text.length * 3 <= limits.bytes ? text.length : Buffer.byteLength(text)
  if (bytes > limits.bytes) {
    return refuse(file, `Unexpected release of ${megabytes(bytes)}, expected at most ${megabytes(limits.bytes)} (limits.bytes in pipeline.config.ts)`, 'too-large')
  }
  const shape = html ? htmlShape(text, limits.depth) : markdownShape(text, limits.depth)
  if (shape.depth > limits.depth) {
    return refuse(file, `Unexpected nesting deeper than ${limits.depth} levels, expected at most ${limits.depth} (limits.depth in pipeline.config.ts)`, 'too-deep', shape.at)
  }
  if (shape.items > limits.items) {
    return refuse(file, `Unexpected release of ${shape.items} list items, expected at most ${limits.items} (limits.items in pipeline.config.ts)`, 'too-many-items')
  }
  return true
}

/** Start the release's clock: `hasFatal` refuses it once the budget is spent. */
export function startClock(file: VFile, limits: Limits): void {
  file.data.deadline = performance.now() + limits.seconds * 1000
}

/** Whether the release's time budget is spent; the first time, a fatal message says so. */
export function overBudget(file: VFile): boolean {
  const deadline = file.data.deadline
  if (deadline === undefined || performance.now() <= deadline) return false
  const seconds = (file.data.config?.limits.seconds ?? 0)
  const message = file.message(`Unexpected release taking more than ${seconds} s, expected to finish within it (limits.seconds in pipeline.config.ts)`, { ruleId: 'time-budget', source: 'commitments' })
  message.fatal = true
  delete file.data.deadline
  return true
}
