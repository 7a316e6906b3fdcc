/**
 * `npm run demo`: serves the sample organization on 127.0.0.1 and runs the
 * built action against it exactly as the runner would. No token, no network.
 */
import { runDemo } from './demo-run.js'

const run = await runDemo(true)
process.stdout.write(run.summary)
process.stdout.write('\n---\nOutputs:\n')
for (const [name, value] of Object.entries(run.outputs)) {
  process.stdout.write(`  ${name} = ${value}\n`)
}
process.stdout.write(`\nAnnotations: ${run.annotations.length}\n`)
for (const a of run.annotations) {
  process.stdout.write(`  ${a.level}: ${a.message}\n`)
}
process.stdout.write(
  `\nThe JSON and CSV reports stay in ${run.tempDir}/scim-audit to look at.\n`
)
if (run.exitCode !== 0) {
  process.stderr.write(run.stdout + run.stderr)
  process.exitCode = run.exitCode
}
