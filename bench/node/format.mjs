// Render CSL-JSON with citeproc-js (through citation-js) and print JSON on stdout.
// Usage: node format.mjs ITEMS.json STYLE.csl LOCALE [bibliography|citations] [LOCALE.xml]
//   bibliography: {"entries": [[id, text], ...]} in the style's order
//   citations: reads ITEMS.json as {"items": [...], "clusters": [[{"id":..,"locator":..,"label":..}], ...]}
//              and prints {"citations": [text, ...]} rendered in document order (notes get ibid/short forms);
//              {"documents": [{"items": [...], "clusters": [...]}, ...]} prints {"documents": [[text, ...], ...]}
// Plain text output, so the comparison is on what a reader sees.
// LOCALE.xml replaces citation-js's bundled locale for LOCALE, so both processors read the same
// terms (citation-js 0.7 bundles an en-US older than CSL 1.0.2: no "number" term, so "Report 205"
// where the current locale prints "Report No. 205"); the comparison is then of processors only.
import { readFileSync } from 'node:fs'
import { plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'

const [itemsFile, styleFile, lang, mode = 'bibliography', localeFile] = process.argv.slice(2)
const data = JSON.parse(readFileSync(itemsFile, 'utf8'))
const csl = plugins.config.get('@csl')
csl.templates.add('bench', readFileSync(styleFile, 'utf8'))
if (localeFile) csl.locales.add(lang, readFileSync(localeFile, 'utf8'))

if (mode === 'bibliography') {
  // The engine directly, not Cite.format(..., asEntryArray): that pairs ids with
  // entries by position, which misaligns when the style omits or merges entries.
  const engine = csl.engine(data, 'bench', lang, 'text')
  engine.updateItems(data.map(i => String(i.id)))
  const [meta, texts] = engine.makeBibliography()
  // Items that render empty have no text. Most are listed in bibliography_errors ("no printed
  // form"), but an item with no variable at all (a bare {"type": "webpage"}) is dropped without
  // an error; pairing ids with texts by position then shifts every later entry. When the counts
  // disagree, each remaining id is rendered alone (same registry, so year suffixes stand) to
  // find the silent empties.
  const empty = new Set((meta.bibliography_errors || []).map(e => e.itemID))
  let ids = meta.entry_ids.map(i => i[0]).filter(id => !empty.has(id))
  if (ids.length !== texts.length) {
    ids = ids.filter(id => engine.makeBibliography({ select: [{ field: 'id', value: id }] })[1].length > 0)
  }
  if (ids.length !== texts.length) throw new Error(`${ids.length} ids for ${texts.length} entries`)
  const entries = ids.map((id, n) => [id, texts[n]])
  process.stdout.write(JSON.stringify({ entries }))
} else if (data.documents) {
  // {"documents": [{"items", "clusters"}, ...]}: each document on a fresh engine, one node start for all
  process.stdout.write(JSON.stringify({ documents: data.documents.map(d => citations(d.items, d.clusters)) }))
} else {
  process.stdout.write(JSON.stringify({ citations: citations(data.items, data.clusters) }))
}

function citations (items, clusters) {
  const engine = csl.engine(items, 'bench', lang, 'text')
  const out = []
  const previous = []
  clusters.forEach((cluster, n) => {
    const citation = { citationID: `c${n}`, citationItems: cluster.map(c => ({ ...c, id: String(c.id) })), properties: { noteIndex: n + 1 } }
    let results
    try {
      [, results] = engine.processCitationCluster(citation, previous, [])
    } catch (err) { // a cluster citeproc-js cannot process: marked, the document goes on
      results = [[n, `[CITEPROC-JS ERROR: ${err.message}]`]]
    }
    previous.push([`c${n}`, n + 1])
    for (const [index, text] of results) out[index] = text
  })
  return out
}
