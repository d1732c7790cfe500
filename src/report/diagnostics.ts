/**
 * Diagnostics, one line per message, in the shape editors and grep read:
 * `path:line:column[-line:column] severity reason rule-id source`.
 */
import type { VFile } from 'vfile'

export function formatMessages(files: readonly VFile[], options: { quiet?: boolean } = {}): string {
  const lines: string[] = []
  for (const file of files) {
    for (const message of file.messages) {
      const severity = message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'
      if (options.quiet && severity !== 'error') continue
      const place = message.place
      let where = `${message.line ?? 1}:${message.column ?? 1}`
      if (place && 'end' in place && place.end) where += `-${place.end.line}:${place.end.column}`
      lines.push(`${file.path}:${where} ${severity} ${message.reason}${message.ruleId ? ` ${message.ruleId}` : ''}${message.source ? ` ${message.source}` : ''}`)
    }
  }
  return lines.join('\n')
}
