/**
 * The JSON sinks: `documents.jsonl` (one Document per line, input order)
 * and `documents/<id>.json` (one pretty file per Document).
 */
import path from 'node:path'
import type { Document } from '../schema/document.js'
import { AtomicLineWriter, writeFileAtomic } from './atomic.js'

export class JsonSink {
  private readonly lines: AtomicLineWriter

  constructor(readonly dir: string) {
    this.lines = new AtomicLineWriter(path.join(dir, 'documents.jsonl'))
  }

  async write(document: Document): Promise<void> {
    await writeFileAtomic(path.join(this.dir, 'documents', `${document.id}.json`), JSON.stringify(document, null, 2) + '\n')
    await this.lines.write(JSON.stringify(document))
  }

  async close(): Promise<void> {
    await this.lines.close()
  }

  async abort(): Promise<void> {
    await this.lines.abort()
  }
}
