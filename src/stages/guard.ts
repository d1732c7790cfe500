import type { VFile } from 'vfile'

/** Every stage opens with this: skip a file that already has a fatal message (unified-engine's guard). */
export function hasFatal(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
