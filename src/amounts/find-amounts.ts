/**
 * Money and percentages in a commitment's text (SPEC §8): "$5 billion" →
 * 5000000000 USD, "€200 million" → EUR, "₹1,000 crore" → 10000000000 INR,
 * "25%" → 25 %. A range written as one amount ("$2-3 billion", "25–30%")
 * keeps its upper end in `max`; a qualifier before it ("up to", "more
 * than") becomes `mod`. Counts without a currency ("2 billion doses") and
 * "percentage points" are not amounts.
 */
import type { Amount } from '../schema/document.js'
import data from './currencies.json' with { type: 'json' }
import { keepLongest } from '../text/overlaps.js'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
const alternatives = (list: Iterable<string>) => [...list].sort((a, b) => b.length - a.length).map(escape).join('|')

const SYMBOLS = data.symbols as Record<string, string>
const SCALES = data.scales as Record<string, number>
const WORDS = data.words as Record<string, string>
const QUALIFIERS = data.qualifiers as Record<string, NonNullable<Amount['mod']>>
const ALIASES = data.codeAliases as Record<string, string>
const WEAK_CODES = new Set(data.weakCodes.codes)

const NUMBER = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)'
/** A scale word, or an abbreviation written against the number or after one space. */
const SCALE = `(?:\\s?(${alternatives(Object.keys(SCALES))})(?![\\p{L}\\p{N}]|\\.\\p{L}))?`
const SYMBOL = `(${alternatives(Object.keys(SYMBOLS))})`
const CODE = `\\b(${data.codes.join('|')})\\s?`
const DASH = '\\s*[-–—]\\s*'
const TO = '\\s+to\\s+'

/** `$2-3 billion`, `AUD $85 million`, `USD $ 5.2 billion`, `EUR 220 M`, `$10 to $15 million`, `$450 million USD`. */
const PREFIXED = new RegExp(
  `(?:${CODE})?(?:${SYMBOL}\\s?)?${NUMBER}${SCALE}(?:(${DASH}|${TO})(?:${SYMBOL}|${CODE})?${NUMBER}${SCALE})?(?:\\s+(${data.codes.join('|')})\\b)?`,
  'gu'
)
/** `220 million euros`, `5 million USD`. */
const SUFFIXED = new RegExp(`(?<![\\p{L}\\p{N}$€£¥₹₩.,])${NUMBER}${SCALE}(?:${DASH}${NUMBER}${SCALE})?\\s+(${alternatives(Object.keys(WORDS))}|${data.codes.join('|')})\\b`, 'gu')
/** `25%`, `25 percent`, `25-30%`; not `25 percentage points`. */
const PERCENT = new RegExp(
  `(?<![\\p{L}\\p{N}$€£¥₹₩.,])${NUMBER}(?:\\s?%|\\s+(?:percent|per\\s+cent|pct)\\b)?(?:(${DASH}|${TO})${NUMBER})?(\\s?%|\\s+(?:percent|per\\s+cent|pct)\\b)`,
  'gu'
)
const QUALIFIER = new RegExp(`\\b(${alternatives(Object.keys(QUALIFIERS))})\\s+$`, 'i')
/** Cheap tests: no digit, no amount; and each form only when its marks are there. */
const DIGIT = /\d/
const HAS_PREFIX = new RegExp(`${SYMBOL}|\\b(?:${data.codes.join('|')})(?![A-Za-z])`, 'u')
const HAS_SUFFIX = new RegExp(`\\b(?:${alternatives(Object.keys(WORDS))}|${data.codes.join('|')})\\b`)
const HAS_PERCENT = /%|\bper\s*cent\b|\bpct\b/

const toNumber = (digits: string) => Number(digits.replace(/,/g, ''))
/** Scale without float noise: 1.3 × 1e9 is 1300000000, not 1300000000.0000002. */
const scaled = (digits: string, scale: string | undefined) => Number((toNumber(digits) * (scale ? SCALES[scale] ?? 1 : 1)).toPrecision(15))
const codeOf = (code: string) => ALIASES[code] ?? code

export function findAmounts(text: string): Amount[] {
  if (!DIGIT.test(text)) return []
  const found: Amount[] = []
  const push = (rule: string, start: number, end: number, value: number, unit: string, max?: number) => {
    const amount: Amount = { text: text.slice(start, end), value, unit, start, end, rule }
    if (max !== undefined && max > value) amount.max = max
    else if (rule.endsWith('-range')) amount.rule = rule.slice(0, -'-range'.length)
    const qualifier = QUALIFIER.exec(text.slice(Math.max(0, start - 20), start))
    if (qualifier) amount.mod = QUALIFIERS[qualifier[1]!.toLowerCase().replace(/\s+/g, ' ')]
    found.push(amount)
  }

  for (const m of HAS_PREFIX.test(text) ? text.matchAll(PREFIXED) : []) {
    const [, code, symbol, first, firstScale, joint, symbol2, code2, second, secondScale, trailing] = m
    const unit = code ? codeOf(code) : trailing ? codeOf(trailing) : symbol ? SYMBOLS[symbol] : undefined
    // A number with only a code after it is the suffixed form's ("5 million USD").
    if (!code && !symbol) continue
    if (code && !symbol && WEAK_CODES.has(code) && !firstScale && !secondScale) continue
    if (!unit) continue
    const start = m.index!
    if (second === undefined) {
      push('amounts/currency', start, start + m[0].length, scaled(first!, firstScale), unit)
      continue
    }
    // "$1 billion to $2 billion" is two amounts; "$2-3 billion" and "$10 to $15 million" one range.
    const secondUnit = code2 ? codeOf(code2) : symbol2 ? SYMBOLS[symbol2] : unit
    const dashed = /[-–—]/.test(joint!)
    // "$10 to $15 million" is a range; "$300 to 400 families" is not.
    const isRange = !firstScale && secondUnit === unit && (dashed || ((code2 || symbol2 || secondScale) && !/\bfrom\s+$/i.test(text.slice(Math.max(0, start - 6), start))))
    if (isRange) {
      push('amounts/currency-range', start, start + m[0].length, scaled(first!, secondScale), unit, scaled(second, secondScale))
      continue
    }
    const firstEnd = start + m[0].indexOf(joint!, (code ?? '').length + (symbol ?? '').length + first!.length)
    push('amounts/currency', start, firstEnd, scaled(first!, firstScale), unit)
    if (code2 || symbol2 || secondScale) {
      const secondStart = firstEnd + joint!.length
      push('amounts/currency', secondStart, start + m[0].length, scaled(second, secondScale), secondUnit!)
    }
  }

  for (const m of HAS_SUFFIX.test(text) ? text.matchAll(SUFFIXED) : []) {
    const [, first, firstScale, second, secondScale, word] = m
    const unit = WORDS[word!.replace(/\s+/g, ' ')] ?? (data.codes.includes(word!) ? codeOf(word!) : undefined)
    if (!unit || (WEAK_CODES.has(word!) && !firstScale && !secondScale)) continue
    const scale = firstScale ?? secondScale
    push('amounts/currency-word-range', m.index!, m.index! + m[0].length, scaled(first!, scale), unit, second ? scaled(second, secondScale ?? scale) : undefined)
  }

  for (const m of HAS_PERCENT.test(text) ? text.matchAll(PERCENT) : []) {
    const [whole, first, joint, second] = m
    const start = m.index!
    // "from 25% to 18%": two amounts, each with its own sign.
    if (second !== undefined && joint && !/[-–—]/.test(joint) && /%|percent|per\s+cent|pct/.test(whole.slice(first!.length, whole.indexOf(joint, first!.length)))) {
      const firstEnd = start + whole.indexOf(joint, first!.length)
      push('amounts/percent', start, firstEnd, toNumber(first!), '%')
      push('amounts/percent', firstEnd + joint.length, start + whole.length, toNumber(second), '%')
      continue
    }
    push('amounts/percent-range', start, start + whole.length, toNumber(first!), '%', second !== undefined ? toNumber(second) : undefined)
  }

  // Where matches overlap (a symbol and a word for one amount), the longest wins.
  return keepLongest(found, text.length)
}
