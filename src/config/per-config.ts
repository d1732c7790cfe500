import type { ResolvedConfig } from './schema.js'

/**
 * Memoise what a stage compiles from the config (a lexicon, a keyword
 * matcher) once per config object, not once per file.
 */
export function perConfig<T>(build: (config: ResolvedConfig | undefined) => T): (config: ResolvedConfig | undefined) => T {
  const cache = new WeakMap<object, T>()
  const none = {}
  return (config) => {
    const key = config ?? none
    let value = cache.get(key)
    if (value === undefined) {
      value = build(config)
      cache.set(key, value)
    }
    return value
  }
}
