/**
 * `index.html`: the counts and charts (drawn when the report is built) and
 * two tables the page's script fills a page at a time from the data block
 * (documents; commitments, sorted, filtered and exported as CSV). The
 * data is JSON in a `<script type="application/json">` block, which the
 * browser never runs, escaped so that nothing in it can close the block.
 */
import { classesByMonth, topList } from './charts.js'
import { CLASSES } from './classes.js'
import type { AtomicLineWriter } from '../sinks/atomic.js'
import { jsonForScript } from './escape.js'
import type { IndexFacts } from './index-data.js'
import { legend, page } from './page.js'

const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 15)

const select = (id: string, label: string, all: string) => `<select id="${id}" aria-label="${label}"><option value="">${all}</option></select>`

/** Where the data block goes in the page's text: split there, the page is written around the block. */
const DATA = '\u0000data\u0000'
/**
 * Write `index.html` to `writer` (not closed), its data block a piece at a
 * time (index-rows.ts): at 100,000 commitments the block is tens of MB,
 * and made whole it was copied several times over (stringified, escaped,
 * put in the page, encoded). The bytes are those of `jsonForScript` of the
 * whole data in the page.
 */
export async function writeIndexPage(writer: AtomicLineWriter, facts: IndexFacts, initiatives = ''): Promise<void> {
  const [before, after] = indexShell(facts, initiatives).split(DATA) as [string, string]
  await writer.writeBytes(before)
  // `rows` is the data's last key: the rest is its head, up to `"rows":[`.
  await writer.writeBytes(jsonForScript({ ...facts.data, rows: [] }).slice(0, -2))
  for await (const piece of facts.rows.pieces()) await writer.writeBytes(piece)
  await writer.writeBytes(']}' + after)
}

/** The page with DATA where the data block's JSON goes. */
function indexShell(facts: IndexFacts, initiatives: string): string {
  const { total } = facts
  return page(
    'Commitments report',
    `<h1>Commitments</h1>
<p class="muted">${facts.data.docs.length} documents, ${total} commitments.</p>
${legend()}
<h2>What kinds of commitments, over time, on which topics</h2>
<div class="charts">
<figure><figcaption>Commitments by class per month (release date)</figcaption>${classesByMonth(facts.byMonth)}</figure>
<figure><figcaption>Top topics</figcaption>${topList(top(facts.topics), 'Top topics', 'No topics.')}</figure>
<figure><figcaption>Top entities</figcaption>${topList(top(facts.entities), 'Top entities', 'No entities extracted yet.')}</figure>
</div>
${initiatives}
<h2>Documents</h2>
<table id="documents"><thead><tr><th>Title</th><th>Date</th><th>Kind</th><th>Commitments</th><th>By class</th></tr></thead><tbody></tbody></table>
<p class="pager" id="documents-pager"><button type="button" id="documents-prev">← Previous</button> <span id="documents-page"></span> <button type="button" id="documents-next">Next →</button></p>
<h2>All commitments</h2>
<div class="filters">
<input id="search" type="search" placeholder="Search text, label, section, verb, document, entity…" aria-label="Search">
<select id="class-filter" aria-label="Class"><option value="">All classes</option>${CLASSES.map((c) => `<option value="${c.name}">${c.name}</option>`).join('')}</select>
${select('topic-filter', 'Topic', 'All topics')}
${select('unit-filter', 'Unit', 'All units')}
${select('actor-filter', 'Actor', 'All actors')}
${select('entity-filter', 'Entity', 'All entities')}
${select('document-filter', 'Document', 'All documents')}
<label>From <input id="date-from" type="date" aria-label="Released from"></label>
<label>to <input id="date-to" type="date" aria-label="Released up to"></label>
<button type="button" id="export">Export CSV</button>
<span><span id="shown">${total}</span> of ${total} shown</span>
</div>
<table id="commitments"><thead><tr><th data-sort="class">Class</th><th data-sort="verb">Verb</th><th data-sort="section">Section</th><th data-sort="text">Commitment</th><th data-sort="unit">Unit</th><th data-sort="actor">Actor</th><th>Entities</th><th data-sort="date">Document</th></tr></thead><tbody></tbody></table>
<p class="pager" id="commitments-pager"><button type="button" id="prev">← Previous</button> <span id="page"></span> <button type="button" id="next">Next →</button></p>
<script type="application/json" id="report-data">${DATA}</script>`,
    true
  )
}

