/**
 * `--shard i/n`: which inputs are this shard's. An input belongs to the
 * shard its path hashes to, so the split does not move when files are added
 * to or removed from the archive, and n machines cover it exactly once.
 */
import { createHash } from 'node:crypto'

export interface Shard {
  index: number
  count: number
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim())
  const index = match ? Number(match[1]) : NaN
  const count = match ? Number(match[2]) : NaN
  if (!match || count < 1 || index < 1 || index > count) throw new Error(`Unexpected shard \`${value}\`, expected i/n with 1 ≤ i ≤ n (e.g. 1/4)`)
  return { index, count }
}

export function inShard(input: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true
  const hash = createHash('sha256').update(input.replace(/\\/g, '/')).digest()
  return hash.readUInt32BE(0) % shard.count === shard.index - 1
}
