// Read a bibliography file with citation-js and print CSL-JSON on stdout.
// Usage: node read.mjs FILE FORMAT   (FORMAT: bibtex | biblatex | ris | csl-json)
//
// citation-js keeps some dates as CSL "raw" strings (e.g. a RIS PY of
// "2022/02/26/" on a NEWS item); its formatter (citeproc-js) parses them when it
// renders ("2022, February 26"). They are resolved here with citation-js's own
// date parser, the one its RIS plugin applies to DA, so the comparison sees the
// date the reader ends up showing. Nothing else is changed.
import { readFileSync } from 'node:fs'
import { Cite } from '@citation-js/core'
import { parse as parseDate } from '@citation-js/date'
import '@citation-js/plugin-bibtex'
import '@citation-js/plugin-ris'
import '@citation-js/plugin-csl'

const DATES = ['issued', 'accessed', 'event-date', 'original-date', 'submitted', 'available-date']

function resolveRaw (item) {
  for (const field of DATES) {
    const date = item[field]
    if (date && !date['date-parts'] && typeof date.raw === 'string') {
      const parsed = parseDate(date.raw.split('/').slice(0, 3).filter(Boolean).join('/'))
      if (parsed && parsed['date-parts']) item[field] = parsed
    }
  }
  return item
}

const [file, format] = process.argv.slice(2)
const text = readFileSync(file, 'utf8')
const forceType = { bibtex: '@biblatex/text', biblatex: '@biblatex/text', ris: '@ris/file', 'csl-json': '@csl/list+object' }[format]
const input = format === 'csl-json' ? JSON.parse(text) : text
const cite = new Cite(input, { forceType })
process.stdout.write(JSON.stringify(cite.format('data', { format: 'object' }).map(resolveRaw)))
