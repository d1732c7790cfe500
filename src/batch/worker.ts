/**
 * The worker thread's side of the pool: receives inputs, runs them
 * through the pipeline (`runJob`), posts the results back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/schema.js'
import { runJob } from './job.js'

const { config, cwd } = workerData as { config: ResolvedConfig; cwd: string }

parentPort!.on('message', async (task: { id: number; name: string; bytes: Uint8Array }) => {
  try {
    parentPort!.postMessage({ id: task.id, result: await runJob(task.name, task.bytes, cwd, config) })
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: (error as Error).stack ?? String(error) })
  }
})
