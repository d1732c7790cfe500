/**
 * A document page's history (SPEC §11): the versions the folder keeps of
 * the release, and what changed from each to the next.
 */
import type { VersionEntry } from '../versions/folder.js'
import type { Revision } from '../versions/revision.js'
import { html } from './escape.js'

const text = (value: unknown) => html(typeof value === 'string' ? value : JSON.stringify(value))

function revisionHtml(r: Revision): string {
  const items: string[] = []
  for (const m of r.metadata) items.push(`<li class="rev-metadata">${html(m.field)}: <del>${text(m.old)}</del> → <ins>${text(m.new)}</ins></li>`)
  for (const c of r.added) items.push(`<li class="rev-added"><ins>added</ins> <span class="badge bg-${c.class}">${c.class}</span>${c.label ? `<strong>${html(c.label)}</strong> ` : ''}<a href="#c-${html(c.id)}">${html(c.text)}</a></li>`)
  for (const c of r.removed) items.push(`<li class="rev-removed"><del>removed</del> <span class="badge bg-${c.class}">${c.class}</span>${c.label ? `<strong>${html(c.label)}</strong> ` : ''}${html(c.text)}</li>`)
  for (const c of r.changed) {
    const fields = c.fields.map((f) => `<li>${html(f.field)}: <del>${text(f.old)}</del> → <ins>${text(f.new)}</ins></li>`).join('')
    items.push(`<li class="rev-changed">changed <a href="#c-${html(c.new.id)}">${html(c.new.label ?? c.new.text.slice(0, 120))}</a><ul>${fields}</ul></li>`)
  }
  return `<h3>Version ${r.from.version ?? '?'} → ${r.to.version ?? '?'}</h3>${items.length ? `<ul class="revision">${items.join('')}</ul>` : '<p class="empty">Same commitments and metadata (only wording outside them, or positions, changed).</p>'}`
}

export function historySection(versions: VersionEntry[] | undefined, revisions: Revision[]): string {
  if (!versions || versions.length <= 1) return ''
  const rows = versions
    .map((v, i) => `<tr><td>${v.version}${i === versions.length - 1 ? ' (current)' : ''}</td><td><code>${html(v.sha256.slice(0, 12))}</code></td><td>${html(v.modifiedAt ?? '')}</td><td>${html(v.seenAt)}</td></tr>`)
    .join('')
  const changes = [...revisions].sort((a, b) => (b.to.version ?? 0) - (a.to.version ?? 0)).map(revisionHtml).join('\n')
  return `<h2 id="history">History</h2>
<table class="versions"><thead><tr><th>Version</th><th>sha256</th><th>Modified (source)</th><th>Seen</th></tr></thead><tbody>${rows}</tbody></table>
${changes}`
}
