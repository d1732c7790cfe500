/**
 * Calendar arithmetic for TIMEX3 values (SPEC §7): ISO weeks, and the
 * calendar range (`from`/`to`) a value covers. Dates are UTC calendar days;
 * nothing here reads the clock.
 */
export interface Day {
  year: number
  month: number
  day: number
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export const formatDay = ({ year, month, day }: Day) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`

export function parseDay(value: string | null | undefined): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '')
  if (!match) return undefined
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

const toDate = (d: Day) => new Date(Date.UTC(d.year, d.month - 1, d.day))
const fromDate = (date: Date): Day => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() })

export function addDays(d: Day, days: number): Day {
  const date = toDate(d)
  date.setUTCDate(date.getUTCDate() + days)
  return fromDate(date)
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export function isValidDay(d: Day): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month)
}

/** ISO weekday, Monday 1 … Sunday 7. */
export const weekday = (d: Day) => toDate(d).getUTCDay() || 7

/** ISO 8601 week of a day: `{ year, week }` (the week's Thursday decides the year). */
export function isoWeek(d: Day): { year: number; week: number } {
  const thursday = addDays(d, 4 - weekday(d))
  const first = { year: thursday.year, month: 1, day: 1 }
  const week = Math.floor((toDate(thursday).getTime() - toDate(first).getTime()) / 86_400_000 / 7) + 1
  return { year: thursday.year, week }
}

/** Monday of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): Day {
  const jan4 = { year, month: 1, day: 4 }
  return addDays(jan4, 1 - weekday(jan4) + (week - 1) * 7)
}

const SEASONS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] }

/** The calendar range a TIMEX3 value covers, as ISO days; none for references and unresolved values. */
export function rangeOf(value: string, mod?: string): { from: string; to: string } | undefined {
  const range = (from: Day, to: Day) => ({ from: formatDay(from), to: formatDay(to) })
  const lastDay = (year: number, month: number): Day => ({ year, month, day: daysInMonth(year, month) })
  let m: RegExpExecArray | null
  if (mod === 'FY' && (m = /^(\d{4})$/.exec(value))) {
    // The US federal fiscal year: October of the year before to September.
    const year = Number(m[1])
    return range({ year: year - 1, month: 10, day: 1 }, { year, month: 9, day: 30 })
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return { from: value, to: value }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    return range({ year, month, day: 1 }, lastDay(year, month))
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    const year = Number(m[1])
    return range({ year, month: 1, day: 1 }, { year, month: 12, day: 31 })
  }
  if ((m = /^(\d{2})$/.exec(value))) {
    const century = Number(m[1]) * 100
    return range({ year: century, month: 1, day: 1 }, { year: century + 99, month: 12, day: 31 })
  }
  if ((m = /^(\d{3})X$/.exec(value))) {
    const decade = Number(m[1]) * 10
    return range({ year: decade, month: 1, day: 1 }, { year: decade + 9, month: 12, day: 31 })
  }
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) {
    const year = Number(m[1])
    const [from, to] = SEASONS[m[2]!]!
    return range({ year, month: from, day: 1 }, lastDay(to < from ? year + 1 : year, to))
  }
  if ((m = /^(\d{4})-H([12])$/.exec(value))) {
    const year = Number(m[1])
    const first = m[2] === '1' ? 1 : 7
    return range({ year, month: first, day: 1 }, lastDay(year, first + 5))
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const year = Number(m[1])
    const first = (Number(m[2]) - 1) * 3 + 1
    return range({ year, month: first, day: 1 }, lastDay(year, first + 2))
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const start = isoWeekStart(Number(m[1]), Number(m[2]))
    return range(start, addDays(start, 6))
  }
  return undefined
}
