/**
 * The name lists the entity rules look names up in (SPEC §6): the bundled
 * ones (`gazetteer.json`, cities and provinces in `places.json`, US states,
 * capitals from world-countries) plus what `pipeline.config.ts` adds.
 */
import world from './countries.json' with { type: 'json' }
import data from './gazetteer.json' with { type: 'json' }
import placeData from './places.json' with { type: 'json' }

const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()))

/** The name lists, the bundled ones plus what `pipeline.config.ts` adds (`entities`). */
export interface Gazetteer {
  places: Set<string>
  organizations: Set<string>
  initiatives: Set<string>
  products: Set<string>
  countries: Map<string, string>
  /** Names (lower-cased) the config added: a mention they type names its entry as the config's (SPEC §9). */
  fromConfig: Set<string>
}

/** US states by name, and capitals from world-countries: places. */
const STATES = Object.entries(data.usStates).filter(([code]) => !code.startsWith('$')) as Array<[string, string]>
export const STATE_CODES = new Set(STATES.map(([code]) => code))
export const STATE_NAMES = new Set(STATES.map(([, name]) => name))
const CAPITALS = world.countries.flatMap((country) => country.capital)

export function buildGazetteer(extra: Partial<{ countries: Record<string, string[]>; places: string[]; organizations: string[]; initiatives: string[]; products: string[] }> = {}): Gazetteer {
  const countries = new Map<string, string>()
  for (const [code, names] of Object.entries(extra.countries ?? {})) for (const name of names) countries.set(name, code)
  return {
    places: lowerSet([...data.places, ...STATES.map(([, name]) => name), ...CAPITALS, ...placeData.cities, ...placeData.provinces, ...(extra.places ?? [])]),
    organizations: lowerSet([...data.organizations, ...(extra.organizations ?? [])]),
    initiatives: lowerSet([...data.initiatives, ...(extra.initiatives ?? [])]),
    products: lowerSet(extra.products ?? []),
    countries,
    fromConfig: lowerSet([...(extra.places ?? []), ...(extra.organizations ?? []), ...(extra.initiatives ?? []), ...(extra.products ?? []), ...countries.keys()])
  }
}


export const BUNDLED = buildGazetteer()
