// ESM resolve hook of preload.cjs: appends each resolved URL to COMMITMENTS_TRACE.
import fs from 'node:fs'

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context)
  fs.appendFileSync(process.env.COMMITMENTS_TRACE, `${result.url}\n`)
  return result
}
