/**
 * What a database does with a Document, given what it holds of that
 * release (SPEC §11) — the same decision in SQLite and PostgreSQL, and the
 * same as the output folder's (src/versions/folder.ts):
 *
 * - nothing held: insert it as version 1 (or after versions whose rows are gone);
 * - the same content (sha256) as the current version: replace its rows only
 *   when the Document differs (a newer pipeline), else nothing;
 * - the content of an earlier version: nothing (the current one stays);
 * - new content: keep the current version's Document in `document_versions`,
 *   record the revision, and store the new one as the next version.
 */
export interface Held {
  current: { sha256: string; hash: string } | undefined
  versions: Array<{ version: number; sha256: string }>
}

export type VersionStep =
  | { kind: 'unchanged' }
  | { kind: 'replace' }
  | { kind: 'insert'; version: number }
  | { kind: 'version'; from: number; to: number; fromRecorded: boolean }

export function versionStep(held: Held, sha256: string, hash: string): VersionStep {
  const { current, versions } = held
  const last = versions[versions.length - 1]
  if (!current) return { kind: 'insert', version: (last?.version ?? 0) + 1 }
  if (current.sha256 === sha256) return current.hash === hash ? { kind: 'unchanged' } : { kind: 'replace' }
  if (versions.some((v) => v.sha256 === sha256)) return { kind: 'unchanged' }
  const from = last?.version ?? 1
  return { kind: 'version', from, to: from + 1, fromRecorded: last !== undefined }
}
