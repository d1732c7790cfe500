/**
 * The page shell every report page shares: charset, the
 * Content-Security-Policy (no network; no script but the report's own, by
 * hash), style inline, and the script when the page needs it.
 */
import { createHash } from 'node:crypto'
import { SCRIPT, STYLE } from './assets.js'
import { CLASSES } from './classes.js'
import { html } from './escape.js'

const scriptHash = `sha256-${createHash('sha256').update(SCRIPT).digest('base64')}`
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${scriptHash}'; base-uri 'none'; form-action 'none'`

export function page(title: string, body: string, script = false): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${html(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${script ? `<script>${SCRIPT}</script>` : ''}
</body>
</html>
`
}

export const legend = () =>
  `<p class="legend" aria-label="Classes">${CLASSES.map(({ name, colour }) => `<span><i style="background:${colour}"></i>${name}</span>`).join('')}</p>`
