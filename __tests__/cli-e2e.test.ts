/**
 * Spawns the committed dist/cli/index.js as a person would, next to the
 * committed action, both against the sample organization on 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { FakeGitHub } from './mock/github.js'
import { ROOT, runAction } from './mock/runner.js'
import {
  loadSample,
  SAMPLE_EXEMPT,
  SAMPLE_ORGANIZATION
} from './mock/sample.js'
import { serveLoopback, type LoopbackServer } from './mock/transports.js'

const CLI = path.join(ROOT, 'dist/cli/index.js')
// Both runs stamp their reports with this instant, so they compare whole.
const EPOCH = '1767593820'

let server: LoopbackServer

beforeAll(async () => {
  server = await serveLoopback(loadSample(new FakeGitHub()))
})
afterAll(() => server.close())

function scimAudit(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ status: number; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn(CLI, args, {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) =>
        resolve({ status: code ?? 1, stdout, stderr })
      )
    }
  )
}

async function actionReports() {
  const run = await runAction({
    apiUrl: server.url,
    inputs: {
      organization: SAMPLE_ORGANIZATION,
      token: 'e2e-token-value',
      'exempt-users': SAMPLE_EXEMPT,
      // The CLI shows details on a terminal; `always` spares the action the
      // visibility request, so both make the same number of requests.
      'identity-details': 'always'
    },
    env: { SOURCE_DATE_EPOCH: EPOCH },
    keepTemp: true
  })
  try {
    return {
      json: await readFile(run.outputs['report-path'] as string, 'utf8'),
      csv: await readFile(run.outputs['report-csv-path'] as string, 'utf8')
    }
  } finally {
    await rm(run.tempDir, { recursive: true, force: true })
  }
}

function cliReport(format: string) {
  return scimAudit(
    [
      '--organization',
      SAMPLE_ORGANIZATION,
      '--exempt-users',
      SAMPLE_EXEMPT,
      '--api-url',
      server.url,
      '--format',
      format
    ],
    { GH_TOKEN: 'e2e-token-value', SOURCE_DATE_EPOCH: EPOCH }
  )
}

describe('dist/cli/index.js', () => {
  it('runs from its shebang and prints the help', async () => {
    const run = await scimAudit(['--help'])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: scim-audit --organization LOGIN/)
  })

  it('prints the JSON and CSV reports the action writes for the same organization', async () => {
    const [json, csv, action] = await Promise.all([
      cliReport('json'),
      cliReport('csv'),
      actionReports()
    ])
    expect(json.status).toBe(0)
    expect(JSON.parse(json.stdout).startedAt).toBe('2026-01-05T06:17:00.000Z')
    expect(json.stdout).toBe(action.json)
    expect(csv.stdout).toBe(action.csv)
  })

  it('rejects a bad flag with exit status 2', async () => {
    const run = await scimAudit(['--formats', 'json'])
    expect(run.status).toBe(2)
    expect(run.stderr).toBe(
      'scim-audit: Unknown option "--formats"; run scim-audit --help for the options.\n'
    )
  })
})
