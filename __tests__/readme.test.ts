import { readFile } from 'node:fs/promises'
import { runDemo } from './mock/demo-run.js'
import {
  README,
  sampleSummary,
  withSampleSummary
} from './mock/readme-sample.js'

describe('the README', () => {
  it("shows the demo's job summary byte for byte; npm run readme refreshes it", async () => {
    const [run, readme] = await Promise.all([
      runDemo(),
      readFile(README, 'utf8')
    ])
    expect(run.exitCode).toBe(0)
    expect(sampleSummary(readme)).toBe(run.summary)
  })

  it('replaces only what lies between the sample markers', () => {
    const readme =
      'intro\n<!-- sample-summary:begin -->\n````markdown\nold\n````\n<!-- sample-summary:end -->\nrest\n'
    const updated = withSampleSummary(readme, '# new\n\n')
    expect(updated).toBe(
      'intro\n<!-- sample-summary:begin -->\n````markdown\n# new\n\n````\n<!-- sample-summary:end -->\nrest\n'
    )
    expect(sampleSummary(updated)).toBe('# new\n\n')
    expect(() => withSampleSummary('no markers', 'x')).toThrow(
      'README.md lacks the sample-summary markers.'
    )
  })
})
