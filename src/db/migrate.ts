/**
 * Apply the migrations a database lacks, each in its own transaction,
 * recording it in `schema_migrations`.
 */
import { migrations } from './migrations.js'

export interface MigrationTarget {
  /** Versions already applied. */
  applied(): Promise<Set<number>>
  /** Run one migration's SQL and record it, atomically. */
  apply(version: number, name: string, sql: string): Promise<void>
}

export async function migrate(target: MigrationTarget, dialect: 'sqlite' | 'postgres'): Promise<number[]> {
  const done = await target.applied()
  const ran: number[] = []
  for (const migration of migrations) {
    if (done.has(migration.version)) continue
    await target.apply(migration.version, migration.name, migration[dialect])
    ran.push(migration.version)
  }
  return ran
}
