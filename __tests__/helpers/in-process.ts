/**
 * Runs `run()` of src/main.ts in this process, with inputs as INPUT_*
 * variables, the runner's files in a temp directory, and Octokit sending
 * through the global fetch so msw answers.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  defaultInputs,
  parseAnnotations,
  parseOutputFile
} from '../mock/runner.js'
import { MSW_API_URL } from '../mock/transports.js'

export interface InProcessRun {
  exitCode: number
  stdout: string
  summary: string
  outputs: Record<string, string>
  annotations: { level: string; title: string; message: string }[]
  /** Files the action wrote under RUNNER_TEMP, by path. */
  readReport: () => Promise<unknown>
}

export interface InProcessOptions {
  inputs: Record<string, string>
  env?: Record<string, string>
  repository?: string
  githubToken?: string
  /** How long one request may go unanswered; the action's default if unset. */
  requestTimeoutMs?: number
}

const touched = new Set<string>()

function setEnv(values: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    touched.add(name)
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
}

function resetEnv(): void {
  for (const name of touched) delete process.env[name]
  touched.clear()
}

export async function runInProcess(
  options: InProcessOptions
): Promise<InProcessRun> {
  const repository = options.repository ?? 'acme-corp/audits'
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-test-'))
  const summaryFile = path.join(tempDir, 'summary.md')
  const outputFile = path.join(tempDir, 'output.txt')
  await writeFile(summaryFile, '')
  await writeFile(outputFile, '')
  const inputs = {
    ...(await defaultInputs({
      repository,
      githubToken: options.githubToken ?? 'ghs_workflowtoken'
    })),
    ...options.inputs
  }
  setEnv({
    GITHUB_API_URL: MSW_API_URL,
    GITHUB_GRAPHQL_URL: `${MSW_API_URL}/graphql`,
    GITHUB_REPOSITORY: repository,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: tempDir,
    ...Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
    ),
    ...options.env
  })
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  const previousExitCode = process.exitCode
  process.exitCode = 0
  try {
    const { run } = await import('../../src/main.js')
    await run({
      fetch: globalThis.fetch,
      retryAfterBaseMs: 1,
      requestTimeoutMs: options.requestTimeoutMs
    })
  } finally {
    process.stdout.write = write
    resetEnv()
  }
  const exitCode = Number(process.exitCode ?? 0)
  process.exitCode = previousExitCode
  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'))
  const result: InProcessRun = {
    exitCode,
    stdout,
    summary: await readFile(summaryFile, 'utf8'),
    outputs,
    annotations: parseAnnotations(stdout),
    readReport: async () =>
      JSON.parse(await readFile(outputs['report-path'] as string, 'utf8'))
  }
  setTimeout(
    () => void rm(tempDir, { recursive: true, force: true }),
    5000
  ).unref()
  return result
}
