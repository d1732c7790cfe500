/**
 * A publication date written in the text ("January 6, 2025", "6 January
 * 2025"), for inputs without front matter (SPEC §2: date unknown unless
 * found in the text). Month names from the date grammar's lexicon.
 */
import lexicon from '../../dates/lexicon.json' with { type: 'json' }

/** Full month names, lower-cased, in calendar order. */
const MONTHS = lexicon.months.names.map((names) => names[0]!.toLowerCase())
const MONTH = `(${MONTHS.join('|')})`
const US = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i')
const EU = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i')

export function findWrittenDate(text: string): string | null {
  const us = US.exec(text)
  const eu = EU.exec(text)
  const pick = us && (!eu || us.index <= eu.index) ? { m: us[1]!, d: us[2]!, y: us[3]! } : eu ? { m: eu[2]!, d: eu[1]!, y: eu[3]! } : undefined
  if (!pick) return null
  const month = MONTHS.indexOf(pick.m.toLowerCase()) + 1
  const day = Number(pick.d)
  if (day < 1 || day > 31) return null
  return `${pick.y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
