// Read a bibliography file with citation-js and print CSL-JSON on stdout.
// Usage: node read.mjs FILE FORMAT   (FORMAT: bibtex | biblatex | ris | csl-json)
import { readFileSync } from 'node:fs'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'

const [file, format] = process.argv.slice(2)
const text = readFileSync(file, 'utf8')
const forceType = { bibtex: '@biblatex/text', biblatex: '@biblatex/text', ris: '@ris/file', 'csl-json': '@csl/list+object' }[format]
const input = format === 'csl-json' ? JSON.parse(text) : text
const cite = new Cite(input, { forceType })
process.stdout.write(JSON.stringify(cite.format('data', { format: 'object' })))
