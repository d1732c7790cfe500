/**
 * Characters no database keeps as they are: NUL (PostgreSQL refuses it in
 * text) and lone surrogates (neither database stores half a pair; they
 * came back as U+FFFD from one and as garbage from the other). Each
 * becomes U+FFFD, one UTF-16 unit for one, so every offset and position
 * still points at the source; the caller warns once.
 */
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export interface Replaced {
  text: string
  /** How many characters were replaced, and the offset of the first. */
  count: number
  first: number
}

export function replaceUnsafe(text: string): Replaced {
  let count = 0
  let first = -1
  const replaced = text.replace(UNSAFE, (_, offset: number) => {
    if (count++ === 0) first = offset
    return '\ufffd'
  })
  return { text: count === 0 ? text : replaced, count, first }
}

export const unsafeWarning = (count: number, where: string) =>
  `Unexpected ${count === 1 ? 'character' : `${count} characters`} no database can store (NUL or a lone surrogate) in ${where}, replaced with U+FFFD`
