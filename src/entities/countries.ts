/**
 * Country names, official names, alternative spellings and demonyms from
 * the world-countries package (ISO 3166-1 alpha-2 codes; `countries.json`
 * holds the fields read here, npm run gazetteer), plus the forms releases
 * use that it lacks (`gazetteer.json`: "U.S.", "ROK").
 */
import world from './countries.json' with { type: 'json' }
import data from './gazetteer.json' with { type: 'json' }

const byName = new Map<string, string>()
const add = (name: string | undefined, code: string) => {
  if (!name || name.length < 2) return
  // Two-letter alternative spellings are the codes themselves: "IN", "US" as words would mislead.
  if (/^[A-Z]{2}$/.test(name) && !(data.countries as Record<string, string[]>)[code]?.includes(name)) return
  if (!byName.has(name)) byName.set(name, code)
}
for (const [code, names] of Object.entries(data.countries as Record<string, string[]>)) for (const name of names) byName.set(name, code)
for (const country of world.countries as Array<{ cca2: string; common: string; official: string; altSpellings: string[]; demonyms?: { m: string; f: string } }>) {
  add(country.common, country.cca2)
  add(country.official, country.cca2)
  for (const alt of country.altSpellings) if (!/,/.test(alt)) add(alt, country.cca2)
  const demonyms = country.demonyms
  if (demonyms) {
    add(demonyms.m, country.cca2)
    add(demonyms.f, country.cca2)
    add(`${demonyms.m}s`, country.cca2)
  }
}

/** A name without accents and with straight apostrophes: "Côte d’Ivoire" and "Cote d'Ivoire" are one key. */
const plain = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'")
const byPlainName = new Map<string, string>()
for (const [name, code] of byName) if (!byPlainName.has(plain(name))) byPlainName.set(plain(name), code)

/** The ISO 3166-1 alpha-2 code of a country name, demonym or short form, if it is one (`extra`: the config's additions). */
export function countryCode(name: string, extra?: Map<string, string>): string | undefined {
  const bare = name.replace(/^the\s+/i, '')
  return extra?.get(name) ?? byName.get(name) ?? byName.get(bare) ?? (/[^\x00-\x7f]|'/.test(bare) ? byPlainName.get(plain(bare)) : undefined)
}
