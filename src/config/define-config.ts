import type { PipelineConfigInput } from './schema.js'

/** Typed identity for `pipeline.config.ts`, as vitest's `defineConfig`. */
export function defineConfig(config: PipelineConfigInput): PipelineConfigInput {
  return config
}
