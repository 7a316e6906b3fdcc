/**
 * Runs the built action as the runner does: inputs as INPUT_* variables
 * with the defaults of action.yml, and the summary, output and temp files
 * the runner provides.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..'
)
export const DIST = path.join(ROOT, 'dist/index.js')

interface ActionMetadata {
  inputs: Record<string, { default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

export async function actionMetadata(): Promise<ActionMetadata> {
  return parse(
    await readFile(path.join(ROOT, 'action.yml'), 'utf8')
  ) as ActionMetadata
}

export interface RunnerContext {
  /** `owner/repo` of the workflow. */
  repository: string
  /** What `${{ github.token }}` stands for. */
  githubToken: string
}

/** The action.yml defaults, with the expressions the runner would expand. */
export async function defaultInputs(
  context: RunnerContext
): Promise<Record<string, string>> {
  const { inputs } = await actionMetadata()
  const owner = context.repository.split('/')[0] as string
  return Object.fromEntries(
    Object.entries(inputs).map(([name, input]) => [
      name,
      String(input.default ?? '')
        .replace('${{ github.repository_owner }}', owner)
        .replace('${{ github.repository }}', context.repository)
        .replace('${{ github.token }}', context.githubToken)
    ])
  )
}

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  summary: string
  outputs: Record<string, string>
  annotations: { level: string; title: string; message: string }[]
  tempDir: string
  /** Peak resident memory of the action process in bytes, when measured. */
  peakRssBytes?: number
}

/** Reads a GITHUB_OUTPUT file (`name<<delimiter` blocks). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i] as string)
    if (!heredoc) continue
    const [, name, delimiter] = heredoc as unknown as [string, string, string]
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter)
      value.push(lines[i] as string)
    outputs[name] = value.join('\n')
  }
  return outputs
}

function unescapeCommand(value: string): string {
  return value
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** The warning/error/notice commands in the action's stdout. */
export function parseAnnotations(stdout: string) {
  return stdout.split('\n').flatMap((line) => {
    const match = /^::(warning|error|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!match) return []
    const title = /title=([^,]*)/.exec(match[2] ?? '')?.[1] ?? ''
    return [
      {
        level: match[1] as string,
        title: unescapeCommand(title),
        message: unescapeCommand(match[3] as string)
      }
    ]
  })
}

export interface RunOptions {
  apiUrl: string
  inputs: Record<string, string>
  context?: Partial<RunnerContext>
  env?: Record<string, string>
  /** Measure the peak memory, with /usr/bin/time when available. */
  measureMemory?: boolean
  /** Keep the temp directory (the caller removes it). */
  keepTemp?: boolean
}

/**
 * Prints the peak resident memory (VmHWM) as the process exits: the
 * stand-in for /usr/bin/time where that is not installed.
 */
const PEAK_PROBE = `data:text/javascript,${encodeURIComponent(
  "import { readFileSync } from 'node:fs'; process.on('exit', () => { const kb = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]; if (kb) process.stderr.write(`PEAK_RSS_KB=${kb}\\n`) })"
)}`

/**
 * The Node.js that runs the action: this one, or the binary named in
 * SCIM_AUDIT_TEST_NODE, e.g. a Node 24 as GitHub's runner uses.
 */
export const ACTION_NODE = process.env.SCIM_AUDIT_TEST_NODE || process.execPath

function actionCommand(measure: boolean): [string, string[]] {
  if (!measure) return [ACTION_NODE, [DIST]]
  if (existsSync('/usr/bin/time')) {
    return ['/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', ACTION_NODE, DIST]]
  }
  return [ACTION_NODE, ['--import', PEAK_PROBE, DIST]]
}

function spawnAction(
  env: NodeJS.ProcessEnv,
  measure: boolean
): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, args] = actionCommand(measure)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: ROOT })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** Runs dist/index.js once against `apiUrl` and collects what it produced. */
export async function runAction(options: RunOptions): Promise<ActionRun> {
  const context: RunnerContext = {
    repository: 'acme-corp/audits',
    githubToken: 'ghs_workflowtoken000000000000000000000',
    ...options.context
  }
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-run-'))
  const summaryFile = path.join(tempDir, 'summary.md')
  const outputFile = path.join(tempDir, 'output.txt')
  await writeFile(summaryFile, '')
  await writeFile(outputFile, '')
  const inputs = { ...(await defaultInputs(context)), ...options.inputs }
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: context.repository,
    GITHUB_REPOSITORY_OWNER: context.repository.split('/')[0],
    GITHUB_RUN_ID: '4242',
    GITHUB_WORKFLOW: 'SCIM audit',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: tempDir,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [
        `INPUT_${name.toUpperCase()}`,
        value
      ])
    ),
    ...options.env
  }
  const measure = options.measureMemory === true
  const result = await spawnAction(env, measure)
  const peak = /PEAK_RSS_KB=(\d+)/.exec(result.stderr)
  const run: ActionRun = {
    exitCode: result.code,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: await readFile(summaryFile, 'utf8'),
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    annotations: parseAnnotations(result.stdout),
    tempDir,
    ...(peak ? { peakRssBytes: Number(peak[1]) * 1024 } : {})
  }
  if (!options.keepTemp) await rm(tempDir, { recursive: true, force: true })
  return run
}
