/**
 * timelines.jsonl read as a stream of events, each with its timeline's
 * head, without ever holding a whole line (the largest key's is 22 MB at
 * 5,000 releases): the bytes are scanned with a small state machine (in a
 * string, after a backslash, how deep) that cuts each line into its head,
 * up to `"events":[`, and its event objects, each parsed on its own.
 */
import fs from 'node:fs'
import type { Timeline, TimelineEntry, TimelineHead } from './timeline-types.js'

const NEWLINE = 10
const QUOTE = 34
const BACKSLASH = 92
const OPEN = new Set([123, 91]) // { [
const CLOSE = new Set([125, 93]) // } ]
const BRACKET = 91
const EVENTS = Buffer.from('events')

/** The events of every timeline in `file`, in order; `chunk`: the bytes read at a time. */
export async function* timelineEntries(file: string, chunk = 1 << 20): AsyncGenerator<TimelineEntry> {
  if (!fs.existsSync(file)) return
  const scanner = new Scanner()
  for await (const bytes of fs.createReadStream(file, { highWaterMark: chunk }) as AsyncIterable<Buffer>) yield* scanner.scan(bytes)
}

/** The index of the next `byte` from `i`, or the chunk's end. */
const next = (chunk: Buffer, byte: number, i: number) => {
  const at = chunk.indexOf(byte, i)
  return at === -1 ? chunk.length : at
}

/** Where a line's scan is: carried from one chunk to the next. */
class Scanner {
  private depth = 0
  private inString = false
  private escaped = false
  /** In a top-level string: how much of `events` it has matched so far, or -1. */
  private matched = -1
  /** The last top-level string was the key `events`: its `[` opens the events. */
  private eventsKey = false
  private inEvents = false
  /** The head, once its line's events have opened. */
  private head: TimelineHead | undefined
  private ordinal = 0
  /** The piece being gathered (a head, an event): its bytes in earlier chunks, and whether it is open. */
  private parts: Buffer[] = []
  private gathering = false

  /** The piece gathered, ending at `end` of this chunk, as text; gathering stops. */
  private take(chunk: Buffer, from: number, end: number): string {
    const last = chunk.subarray(from, end)
    const bytes = this.parts.length > 0 ? Buffer.concat([...this.parts, last]) : last
    this.parts = []
    this.gathering = false
    return bytes.toString('utf8')
  }

  *scan(chunk: Buffer): Generator<TimelineEntry> {
    let from = 0
    // The next quote and backslash at or after where they were last looked for (looked for again once passed).
    let quote = -1
    let backslash = -1
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!
      if (byte === NEWLINE) {
        // A line's end (JSON never holds a raw newline in a string): the next line starts afresh.
        this.reset()
        continue
      }
      if (!this.gathering && this.depth === 0 && !this.inEvents) {
        // A line's first byte: its head is gathered until its events open.
        this.gathering = true
        from = i
      }
      if (this.inString) {
        if (!this.escaped && this.matched < 0 && byte !== QUOTE && byte !== BACKSLASH) {
          // Inside a string's text, most of a line: on to its next quote or backslash.
          if (quote < i) quote = next(chunk, QUOTE, i)
          if (backslash < i) backslash = next(chunk, BACKSLASH, i)
          i = Math.min(quote, backslash) - 1
          continue
        }
        if (this.escaped) this.escaped = false
        else if (byte === BACKSLASH) this.escaped = true
        else if (byte === QUOTE) {
          this.inString = false
          if (this.depth === 1) this.eventsKey = this.matched === EVENTS.length
          continue
        }
        if (this.matched >= 0) this.matched = this.matched < EVENTS.length && byte === EVENTS[this.matched] ? this.matched + 1 : -1
        continue
      }
      if (byte === QUOTE) {
        this.inString = true
        this.matched = this.depth === 1 ? 0 : -1
      } else if (OPEN.has(byte)) {
        this.depth++
        if (this.depth === 2 && byte === BRACKET && this.eventsKey && this.head === undefined) {
          // Events last, as written: the head is its JSON so far with the array closed.
          const head = JSON.parse(`${this.take(chunk, from, i + 1)}]}`) as Timeline
          delete (head as Partial<Timeline>).events
          this.head = head
          this.inEvents = true
        } else if (this.depth === 3 && this.inEvents) {
          this.gathering = true
          from = i
        }
      } else if (CLOSE.has(byte)) {
        this.depth--
        if (this.depth === 2 && this.inEvents) yield { timeline: this.head!, ordinal: this.ordinal++, event: JSON.parse(this.take(chunk, from, i + 1)) }
        else if (this.depth === 1 && this.inEvents) this.inEvents = false
      }
    }
    if (this.gathering) this.parts.push(chunk.subarray(from))
  }

  private reset(): void {
    this.depth = 0
    this.inString = this.escaped = this.eventsKey = this.inEvents = this.gathering = false
    this.matched = -1
    this.head = undefined
    this.ordinal = 0
    this.parts = []
  }
}
