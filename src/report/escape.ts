/**
 * Everything the report writes comes from releases, so everything is
 * escaped: text and attributes through `html`, links only when they are
 * http(s) or mailto (a `javascript:` link stays text), JSON for a data
 * block with `<` written as `\u003c` so no `</script>` can close it.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const html = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!)

/** A URL that may become an href, or undefined. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : undefined
  } catch {
    return undefined
  }
}

const SCRIPT_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' }

/** One pass over the JSON (the index's data block is tens of MB). */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => SCRIPT_ESCAPES[ch]!)
