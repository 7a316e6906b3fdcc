/**
 * `npm run readme`: runs the demo and puts its job summary into the
 * README's "Sample summary" section.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { runDemo } from './demo-run.js'
import { README, withSampleSummary } from './readme-sample.js'

const run = await runDemo()
if (run.exitCode !== 0) {
  process.stderr.write(run.stdout + run.stderr)
  process.exitCode = run.exitCode
} else {
  const readme = await readFile(README, 'utf8')
  await writeFile(README, withSampleSummary(readme, run.summary))
}
