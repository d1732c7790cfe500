/**
 * `--csv`: one row per commitment for spreadsheet users, with the
 * document's title and date, and entities, dates, amounts, topics and
 * links flattened into cells (`type:text; …`). RFC 4180 quoting, and a cell
 * that would start a formula is quoted with a `'` first (OWASP); the rule
 * behind the action, and behind each entity, date and amount in the same
 * order as their cell (SPEC §9), in columns of their own; written
 * to a temporary file and renamed at the end.
 */
import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter } from './atomic.js'
import type { DocumentSink, WriteOutcome } from './sink.js'

const COLUMNS = [
  'document_id', 'document_title', 'document_date', 'document_url', 'commitment_id', 'index', 'unit', 'section', 'label', 'text',
  'actor', 'actor_canonical', 'verb', 'class', 'modality', 'action_rule', 'entities', 'dates', 'amounts', 'topics', 'links',
  'entity_rules', 'date_rules', 'amount_rules'
] as const

/** A cell a spreadsheet would run as a formula (OWASP "CSV Injection"): `=`, `+`, `-`, `@`, tab or CR first. */
const FORMULA = /^[=+\-@\t\r]/

const cell = (value: string | number | null | undefined) => {
  if (typeof value === 'number') return String(value)
  // OWASP: a leading single quote makes the cell text, and the cell is quoted.
  const formula = FORMULA.test(value ?? '')
  const text = formula ? `'${value}` : (value ?? '')
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * Rewrite a finished CSV file without the rows, before row `before`, of
 * the documents given: streamed, one record at a time (a quoted cell may
 * hold a line break, so a record ends where its quotes balance).
 */
async function dropRows(file: string, ids: ReadonlySet<string>, before: number): Promise<void> {
  const kept = `${file}.kept`
  const out = fs.createWriteStream(kept)
  let record = ''
  let index = -1 // the header is record -1
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    record = record ? `${record}\n${line}` : line
    if ((record.match(/"/g)?.length ?? 0) % 2 === 1) continue
    // The first cell is the document id (hex digits: never quoted).
    const drop = index >= 0 && index < before && ids.has(record.slice(0, record.indexOf(',')))
    if (!drop && !out.write(record + '\n')) await once(out, 'drain')
    record = ''
    index++
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  await fs.promises.rename(kept, file)
}

export class CsvSink implements DocumentSink {
  readonly name: string
  private readonly lines: AtomicLineWriter
  private started = false
  /** Rows written so far, and, once a Document is stored again, the row where its new rows begin and the ids replaced. */
  private rows = 0
  private replacedBefore: number | undefined
  private readonly replaced = new Set<string>()

  constructor(file: string) {
    this.name = `csv:${file}`
    this.lines = new AtomicLineWriter(path.resolve(file))
  }

  async write(document: Document): Promise<WriteOutcome> {
    if (!this.started) {
      // Excel reads UTF-8 only with a BOM.
      await this.lines.write('\ufeff' + COLUMNS.join(','))
      this.started = true
    }
    for (const c of document.commitments) {
      const row = [
        document.id, document.title, document.date, document.source.url, c.id, c.index, c.unit, c.section, c.label, c.text,
        c.actor?.text, c.actor?.canonical, c.action.verb, c.action.class, c.action.modality, c.action.rule,
        c.entities.map((e) => `${e.type}:${e.canonical ?? e.text}`).join('; '),
        c.dates.map((d) => `${d.value}${d.mod ? ` (${d.mod})` : ''}`).join('; '),
        c.amounts.map((a) => `${a.value}${a.max !== undefined ? `-${a.max}` : ''} ${a.unit}${a.mod ? ` (${a.mod})` : ''}`).join('; '),
        c.topics.join('; '),
        c.links.map((l) => l.url).join('; '),
        c.entities.map((e) => e.rule).join('; '),
        c.dates.map((d) => d.rule).join('; '),
        c.amounts.map((a) => a.rule).join('; ')
      ]
      await this.lines.write(row.map(cell).join(','))
      this.rows++
    }
    return 'written'
  }

  /** A Document stored again: its new rows now, its earlier rows dropped when the file is finished. */
  async replace(document: Document): Promise<void> {
    this.replacedBefore ??= this.rows
    this.replaced.add(document.id)
    await this.write(document)
  }

  async close(): Promise<void> {
    if (!this.started) await this.lines.write('\ufeff' + COLUMNS.join(','))
    await this.lines.close(this.replaced.size > 0 ? (temp) => dropRows(temp, this.replaced, this.replacedBefore!) : undefined)
  }

  async abort(): Promise<void> {
    await this.lines.abort()
  }
}
