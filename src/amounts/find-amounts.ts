/**
 * Money and percentages in a commitment's text (SPEC §8): "$5 billion" →
 * 5000000000 USD, "€200 million" → EUR, "₹1,000 crore" → 10000000000 INR,
 * "25%" → 25 %. A range written as one amount ("$2-3 billion", "25–30%")
 * keeps its upper end in `max`; a qualifier before it ("up to", "more
 * than") becomes `mod`. Counts without a currency ("2 billion doses") and
 * "percentage points" are not amounts.
 *
 * Three span rules (`text/spans.ts`): a currency sign or code before the
 * number, a currency named after it, a percentage; each gives the id of
 * what decided the amount (SPEC §9), listed in `rules.ts`.
 */
import type { Amount } from '../schema/document.js'
import data from './currencies.json' with { type: 'json' }
import { alternatives, runSpanRules, type SpanRule } from '../text/spans.js'

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
/** Cheap test: no digit, no amount. */
const DIGIT = /\d/
const HAS_PREFIX = new RegExp(`${SYMBOL}|\\b(?:${data.codes.join('|')})(?![A-Za-z])`, 'u')
const HAS_SUFFIX = new RegExp(`\\b(?:${alternatives(Object.keys(WORDS))}|${data.codes.join('|')})\\b`)
const HAS_PERCENT = /%|\bper\s*cent\b|\bpct\b/

const toNumber = (digits: string) => Number(digits.replace(/,/g, ''))
/** Scale without float noise: 1.3 × 1e9 is 1300000000, not 1300000000.0000002. */
const scaled = (digits: string, scale: string | undefined) => Number((toNumber(digits) * (scale ? SCALES[scale] ?? 1 : 1)).toPrecision(15))
const codeOf = (code: string) => ALIASES[code] ?? code

/** An amount of `text` from `start` to `end`; a range only when its upper end is above its lower; the qualifier before it as `mod`. */
function amount(text: string, rule: string, start: number, end: number, value: number, unit: string, max?: number, single = rule): Amount {
  const found: Amount = { text: text.slice(start, end), value, unit, start, end, rule }
  if (max !== undefined && max > value) found.max = max
  else found.rule = single
  const qualifier = QUALIFIER.exec(text.slice(Math.max(0, start - 20), start))
  if (qualifier) found.mod = QUALIFIERS[qualifier[1]!.toLowerCase().replace(/\s+/g, ' ')]
  return found
}

/** A currency amount's id: with a scale word or without. */
const currency = (scale: string | undefined) => (scale ? 'amounts/currency-scale' : 'amounts/currency')

/** The amount rules, in the order they run; each reads its match in the whole text. */
export const RULES: SpanRule<string, Amount>[] = [
  {
    docs: [
      { id: 'amounts/currency', what: 'A currency sign or ISO 4217 code before a number without a scale word ("$500,000", "EUR 300"); a code that is also a common word (COP, TRY) needs a scale.', example: 'A grant of $500,000 for each school.', yields: '$500,000 → 500000 USD' },
      { id: 'amounts/currency-scale', what: 'A currency sign or code before a number with a scale word or abbreviation ("$5 billion", "₹1,000 crore", "EUR 220 M"); the value is multiplied out.', example: 'The United States will provide $5 billion.', yields: '$5 billion → 5000000000 USD' },
      { id: 'amounts/currency-range', what: 'Two numbers of one currency joined by a dash, or by "to" with a sign or scale on the second ("$2-3 billion", "$10 to $15 million"): one amount, the upper end in max.', example: 'Investments of $2-3 billion are planned.', yields: '$2-3 billion → 2000000000–3000000000 USD' }
    ],
    needs: HAS_PREFIX,
    pattern: PREFIXED,
    resolve: (m, text) => {
      const [, code, symbol, first, firstScale, joint, symbol2, code2, second, secondScale, trailing] = m
      const unit = code ? codeOf(code) : trailing ? codeOf(trailing) : symbol ? SYMBOLS[symbol] : undefined
      // A number with only a code after it is the suffixed form's ("5 million USD").
      if (!code && !symbol) return undefined
      if (code && !symbol && WEAK_CODES.has(code) && !firstScale && !secondScale) return undefined
      if (!unit) return undefined
      const start = m.index
      if (second === undefined) return amount(text, currency(firstScale), start, start + m[0].length, scaled(first!, firstScale), unit)
      // "$1 billion to $2 billion" is two amounts; "$2-3 billion" and "$10 to $15 million" one range.
      const secondUnit = code2 ? codeOf(code2) : symbol2 ? SYMBOLS[symbol2] : unit
      const dashed = /[-–—]/.test(joint!)
      // "$10 to $15 million" is a range; "$300 to 400 families" is not.
      const isRange = !firstScale && secondUnit === unit && (dashed || ((code2 || symbol2 || secondScale) && !/\bfrom\s+$/i.test(text.slice(Math.max(0, start - 6), start))))
      if (isRange) return amount(text, 'amounts/currency-range', start, start + m[0].length, scaled(first!, secondScale), unit, scaled(second, secondScale), currency(secondScale))
      const firstEnd = start + m[0].indexOf(joint!, (code ?? '').length + (symbol ?? '').length + first!.length)
      const firstAmount = amount(text, currency(firstScale), start, firstEnd, scaled(first!, firstScale), unit)
      if (!(code2 || symbol2 || secondScale)) return firstAmount
      const secondStart = firstEnd + joint!.length
      return [firstAmount, amount(text, currency(secondScale), secondStart, start + m[0].length, scaled(second, secondScale), secondUnit!)]
    }
  },
  {
    docs: [
      { id: 'amounts/currency-word', what: 'A number, with an optional scale word, followed by a currency named in words or by its code ("220 million euros", "5 million USD").', example: 'The EU adds 220 million euros.', yields: '220 million euros → 220000000 EUR' },
      { id: 'amounts/currency-word-range', what: 'Two numbers joined by a dash, followed by a currency named in words or by its code ("2-3 million euros"): one amount, the upper end in max.', example: 'Grants of 2-3 million euros.', yields: '2-3 million euros → 2000000–3000000 EUR' }
    ],
    needs: HAS_SUFFIX,
    pattern: SUFFIXED,
    resolve: (m, text) => {
      const [, first, firstScale, second, secondScale, word] = m
      const unit = WORDS[word!.replace(/\s+/g, ' ')] ?? (data.codes.includes(word!) ? codeOf(word!) : undefined)
      if (!unit || (WEAK_CODES.has(word!) && !firstScale && !secondScale)) return undefined
      const scale = firstScale ?? secondScale
      return amount(text, 'amounts/currency-word-range', m.index, m.index + m[0].length, scaled(first!, scale), unit, second ? scaled(second, secondScale ?? scale) : undefined, 'amounts/currency-word')
    }
  },
  {
    docs: [
      { id: 'amounts/percent', what: 'A number with a percent sign or "percent", "per cent", "pct" (not "percentage points"); "from 25% to 18%" is two.', example: 'Tariffs fall from 25% to 18%.', yields: '25% → 25 %' },
      { id: 'amounts/percent-range', what: 'Two numbers joined by a dash or "to" before one percent sign ("25–30%", "30 to 40 percent"): one amount, the upper end in max.', example: 'Some 30 to 40 percent of funds.', yields: '30 to 40 percent → 30–40 %' }
    ],
    needs: HAS_PERCENT,
    pattern: PERCENT,
    resolve: (m, text) => {
      const [whole, first, joint, second] = m
      const start = m.index
      // "from 25% to 18%": two amounts, each with its own sign.
      if (second !== undefined && joint && !/[-–—]/.test(joint) && /%|percent|per\s+cent|pct/.test(whole.slice(first!.length, whole.indexOf(joint, first!.length)))) {
        const firstEnd = start + whole.indexOf(joint, first!.length)
        return [amount(text, 'amounts/percent', start, firstEnd, toNumber(first!), '%'), amount(text, 'amounts/percent', firstEnd + joint.length, start + whole.length, toNumber(second), '%')]
      }
      return amount(text, 'amounts/percent-range', start, start + whole.length, toNumber(first!), '%', second !== undefined ? toNumber(second) : undefined, 'amounts/percent')
    }
  }
]

/** Money and percentages in `text`, in order; where matches overlap (a symbol and a word for one amount), the longest wins. */
export function findAmounts(text: string): Amount[] {
  if (!DIGIT.test(text)) return []
  return runSpanRules(RULES, text, text)
}
