/**
 * Stage: validate. The Document must satisfy the zod schema that the
 * project exports; a failure is a fatal message, never a silent write.
 */
import type { Root } from 'hast'
import type { VFile } from 'vfile'
import * as z from 'zod'
import { Document } from '../../schema/document.js'
import { hasFatal } from '../guard.js'

export default function validate() {
  return (_tree: Root, file: VFile) => {
    if (hasFatal(file) || !file.data.document) return
    const result = Document.safeParse(file.data.document)
    if (!result.success) {
      const message = file.message(`Unexpected invalid document: ${z.prettifyError(result.error)}`, { ruleId: 'schema', source: 'commitments' })
      message.fatal = true
      delete file.data.document
    }
  }
}
