/**
 * The report's style and its one script, inlined into each page (no
 * network, no external file). The script (script.ts) fills the index's
 * tables from its data block as text, never as markup.
 */
import { CLASSES } from './classes.js'

export const STYLE = `
:root { font-family: system-ui, sans-serif; color: #1d1d1f; background: #fff; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem 1.5rem 3rem; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
a { color: #0b5cab; } .muted, .where { color: #666; font-size: .8rem; }
details.why { font-size: .8rem; color: #444; } details.why summary { cursor: pointer; color: #666; } details.why ul { margin: .2rem 0 .4rem 1rem; padding: 0; } code.rule { font-size: .75rem; color: #555; background: #f3f3f3; padding: 0 .25rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid #e3e3e3; padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #f6f6f6; }
.chip { display: inline-block; min-width: 1.4em; padding: 0 .3em; border-radius: .6em; color: #fff; font-size: .75rem; text-align: center; margin-right: 2px; }
.badge { display: inline-block; padding: 0 .4em; border-radius: .3em; color: #fff; font-size: .72rem; margin-right: .3em; }
.filters { display: flex; gap: .6rem; flex-wrap: wrap; margin: .6rem 0; align-items: center; }
.filters input { flex: 1 1 18rem; padding: .35rem; } .filters select { padding: .3rem; }
.charts { display: flex; gap: 2rem; flex-wrap: wrap; } .chart { max-width: 100%; height: auto; }
.legend span { margin-right: .8rem; font-size: .8rem; }
.legend i { display: inline-block; width: .8em; height: .8em; margin-right: .25em; border-radius: 2px; }
.reading p, .reading li { margin: .35rem 0; }
.commitment { border-left: 4px solid #999; padding: .15rem .5rem; background: #fafafa; list-style-position: inside; }
mark.date { background: #fff3b0; } mark.amount { background: #d8f5d0; } mark.entity { background: #dbe9ff; }
.warnings li { color: #8a4b00; }
.empty { color: #888; font-style: italic; }
del { background: #fde2e1; color: #8b1a1a; } ins { background: #dcf5dc; color: #145214; text-decoration: none; }
mark a.initiative { color: inherit; text-decoration: underline dotted; }
.revision li, .event-item { margin: .25rem 0; } .release h3 { font-size: .95rem; margin-bottom: .2rem; }
.pager { display: flex; gap: .6rem; align-items: center; font-size: .85rem; }
th[data-sort] { cursor: pointer; } th[aria-sort=ascending]::after { content: ' ▲'; } th[aria-sort=descending]::after { content: ' ▼'; }
.filters label { font-size: .8rem; }
#commitments { table-layout: fixed; } #commitments th:nth-child(1) { width: 6.5rem; } #commitments th:nth-child(2), #commitments th:nth-child(5) { width: 5.5rem; }
#commitments th:nth-child(3), #commitments th:nth-child(6), #commitments th:nth-child(7) { width: 9rem; } #commitments th:nth-child(8) { width: 12rem; } #commitments td { overflow-wrap: anywhere; }
${CLASSES.map(({ name, colour }) => `.c-${name} { border-left-color: ${colour}; } .bg-${name} { background: ${colour}; }`).join('\n')}
`

export { SCRIPT } from './script.js'
