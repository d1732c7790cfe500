/**
 * Names for what the Documents give as codes: a country's ISO code becomes
 * its name ("US" → "United States", "US+IN" → "United States + India"),
 * anything else is shown as most often written. Charts and filters show
 * these; the code stays in the Documents and the databases.
 */
import world from '../entities/countries.json' with { type: 'json' }

const countryNames = new Map(world.countries.map((c) => [c.cca2, c.common]))

/** The name of a canonical key made of country codes, or undefined when it is not one. */
export function canonicalName(canonical: string): string | undefined {
  const names = canonical.split('+').map((code) => countryNames.get(code))
  return names.every(Boolean) ? names.join(' + ') : undefined
}

/**
 * Keys (canonical, else the text) to labels: the country name for a code,
 * else the most frequent written form seen for the key.
 */
export class Labels {
  private readonly forms = new Map<string, Map<string, number>>()

  /** Count one mention; returns its key. */
  see(text: string, canonical?: string): string {
    const key = canonical ?? text
    let forms = this.forms.get(key)
    if (!forms) this.forms.set(key, (forms = new Map()))
    forms.set(text, (forms.get(text) ?? 0) + 1)
    return key
  }

  label(key: string): string {
    const named = canonicalName(key)
    if (named) return named
    const forms = [...(this.forms.get(key) ?? new Map<string, number>())]
    forms.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    return forms[0]?.[0] ?? key
  }
}
