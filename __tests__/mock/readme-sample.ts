/**
 * The README's "Sample summary" section: the demo's job summary, byte for
 * byte, in a Markdown code block between two markers.
 */
import path from 'node:path'
import { ROOT } from './runner.js'

export const README = path.join(ROOT, 'README.md')
const BEGIN = '<!-- sample-summary:begin -->\n````markdown\n'
const END = '````\n<!-- sample-summary:end -->'

/** The sample summary the README holds, or undefined without markers. */
export function sampleSummary(readme: string): string | undefined {
  const start = readme.indexOf(BEGIN)
  const end = readme.indexOf(END, start)
  if (start < 0 || end < 0) return undefined
  return readme.slice(start + BEGIN.length, end)
}

/** The README with `summary` as its sample. */
export function withSampleSummary(readme: string, summary: string): string {
  if (sampleSummary(readme) === undefined) {
    throw new Error('README.md lacks the sample-summary markers.')
  }
  const start = readme.indexOf(BEGIN) + BEGIN.length
  return readme.slice(0, start) + summary + readme.slice(readme.indexOf(END))
}
