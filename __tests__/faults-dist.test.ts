/**
 * The built dist/index.js against the loopback mock, with faults injected
 * on the wire: whatever goes wrong and is overcome, the outputs, summary,
 * annotations and reports equal those of a fault-free run.
 */
import { readFile, rm } from 'node:fs/promises'
import {
  chain,
  dropConnection,
  everyNth,
  firstOnes,
  graphqlRateLimit,
  htmlPage,
  primaryRateLimit,
  secondaryRateLimit,
  timeoutsAbove
} from './helpers/faults.js'
import { generatedOrganization } from './helpers/generate.js'
import { FakeGitHub } from './mock/github.js'
import { runAction, type RunOptions } from './mock/runner.js'
import {
  serveLoopback,
  type LoopbackServer,
  type ResponseFilter
} from './mock/transports.js'

const OWNER_TOKEN = 'ghp_distownertoken00000000000000000000'
const ISSUE_TOKEN = 'ghs_distissuetoken00000000000000000000'

let server: LoopbackServer
let filter: ResponseFilter = (_request, respond) => respond()
const fake = new FakeGitHub().addOrganization(
  generatedOrganization('big-org', 230, (i, member, identity) => {
    if (i % 60 === 5) identity.scimUsername = undefined
    if (i % 70 === 9) identity.login = null
    if (i % 90 === 1) member.role = 'ADMIN'
  })
)

beforeAll(async () => {
  server = await serveLoopback(fake, (request, respond) =>
    filter(request, respond)
  )
})
afterAll(() => server.close())

async function audit(env: Record<string, string> = {}) {
  const options: RunOptions = {
    apiUrl: server.url,
    inputs: {
      organization: 'big-org',
      token: OWNER_TOKEN,
      'issue-token': ISSUE_TOKEN
    },
    env,
    keepTemp: true
  }
  const run = await runAction(options)
  const files = {
    report: run.outputs['report-path']
      ? await readFile(run.outputs['report-path'], 'utf8')
      : '',
    csv: run.outputs['report-csv-path']
      ? await readFile(run.outputs['report-csv-path'], 'utf8')
      : ''
  }
  await rm(run.tempDir, { recursive: true, force: true })
  return { ...run, ...files }
}

/** What a run reported, without its timing, request count and temp paths. */
function reported(run: Awaited<ReturnType<typeof audit>>) {
  const outputs = { ...run.outputs }
  delete outputs['report-path']
  delete outputs['report-csv-path']
  const report = JSON.parse(run.report) as Record<string, unknown>
  delete report.startedAt
  delete report.finishedAt
  delete report.requests
  return {
    exitCode: run.exitCode,
    outputs,
    annotations: run.annotations,
    summary: run.summary.replace(/<sub>Audited .*<\/sub>/, '<sub>footer</sub>'),
    report,
    csv: run.csv
  }
}

let faultFree: ReturnType<typeof reported>
let faultFreeRequests: number

const requestsOf = (run: { report: string }) =>
  (JSON.parse(run.report) as { requests: number }).requests

describe('dist/index.js under injected faults', () => {
  beforeAll(async () => {
    filter = (_request, respond) => respond()
    const run = await audit()
    faultFree = reported(run)
    faultFreeRequests = requestsOf(run)
    expect(faultFree.exitCode).toBe(0)
    expect(faultFree.outputs['missing-count']).toBe('8')
  })

  it.each<[string, () => ResponseFilter]>([
    ['every 3rd request a 502 HTML page', () => everyNth(3, htmlPage(502))],
    ['every 4th request a 504 HTML page', () => everyNth(4, htmlPage(504))],
    ['every 5th connection dropped', () => everyNth(5, dropConnection)],
    ['pages over 50 timing out', () => timeoutsAbove(50)],
    [
      'rate limits that name a short wait',
      () =>
        chain(
          firstOnes(1, secondaryRateLimit(1)),
          firstOnes(1, primaryRateLimit(1)),
          firstOnes(1, graphqlRateLimit(1))
        )
    ],
    [
      'all of them at once',
      () =>
        chain(
          everyNth(4, htmlPage(502)),
          everyNth(7, dropConnection),
          firstOnes(1, secondaryRateLimit(0)),
          timeoutsAbove(50)
        )
    ]
  ])('reports exactly as without faults: %s', async (_name, faults) => {
    filter = faults()
    const run = await audit()
    expect(run.stderr).toBe('')
    expect(reported(run)).toEqual(faultFree)
    expect(requestsOf(run)).toBeGreaterThan(faultFreeRequests)
  })
})

describe('secrets', () => {
  function expectNoTokens(texts: string[]) {
    for (const text of texts) {
      expect(text).not.toContain(OWNER_TOKEN)
      expect(text).not.toContain(ISSUE_TOKEN)
    }
  }

  it('masks both tokens and writes them nowhere, debug logging included', async () => {
    filter = everyNth(3, htmlPage(502))
    const run = await audit({ RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' })
    const lines = run.stdout.split('\n')
    expect(lines).toContain(`::add-mask::${OWNER_TOKEN}`)
    expect(lines).toContain(`::add-mask::${ISSUE_TOKEN}`)
    expect(lines.some((line) => line.startsWith('::debug::'))).toBe(true)
    expectNoTokens([
      ...lines.filter((line) => !line.startsWith('::add-mask::')),
      run.stderr,
      run.summary,
      run.report,
      run.csv,
      JSON.stringify(run.outputs)
    ])
  })

  it('keeps them out of the error of a failed run', async () => {
    filter = everyNth(1, htmlPage(502))
    const run = await audit({ RUNNER_DEBUG: '1' })
    expect(run.exitCode).toBe(1)
    const lines = run.stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('::error::'))).toEqual([
      "::error::Reading 'big-org' from GitHub failed (HTTP 502) after retries: no usable answer; the audit is incomplete, so no report was published. Run it again later."
    ])
    expectNoTokens([
      ...lines.filter((line) => !line.startsWith('::add-mask::')),
      run.stderr
    ])
  })
})
