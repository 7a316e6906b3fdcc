/**
 * Answers that arrive late, never, or as something other than GraphQL, and
 * rosters that change while they are read, in process through msw.
 */
import { generatedOrganization } from './helpers/generate.js'
import { faultyGitHub, firstOnes, htmlPage } from './helpers/faults.js'
import { runInProcess } from './helpers/in-process.js'
import { FakeGitHub, type FakeRequest } from './mock/github.js'

const github = faultyGitHub()
beforeEach(() => {
  github.fake = new FakeGitHub().addOrganization(
    generatedOrganization('moving-org', 450)
  )
  github.filter = (_request, respond) => respond()
})

const org = () => github.fake.organizations.get('moving-org')

const audit = (requestTimeoutMs?: number) =>
  runInProcess({
    inputs: { organization: 'moving-org', token: 'ghp_changingowner' },
    requestTimeoutMs
  })

const isPage = (request: FakeRequest) => request.path === '/graphql'

function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'))
}

/** Runs `change` once, right after the `n`th GraphQL answer is made. */
function afterAnswer(n: number, change: () => void) {
  let answered = 0
  github.filter = async (request, respond) => {
    const response = await respond()
    if (isPage(request) && ++answered === n) change()
    return response
  }
}

describe('a roster that changes while it is read', () => {
  it('reports the right member when an identity is removed after the first pages', async () => {
    afterAnswer(3, () => org()?.identities?.splice(10, 1))
    const run = await audit()
    expect(run.exitCode).toBe(0)
    expect(run.outputs['missing-logins']).toBe('["user-000010"]')
    expect(run.outputs['identity-count']).toBe('449')
  })

  it('counts a member removed after the first pages as gone, and their identity as a non-member’s', async () => {
    afterAnswer(3, () => org()?.members.splice(10, 1))
    const run = await audit()
    expect(run.exitCode).toBe(0)
    expect(run.outputs['member-count']).toBe('449')
    expect(JSON.parse(run.outputs.findings as string)).toMatchObject({
      'non-member-identity': 1,
      'no-identity': 0
    })
  })

  it('fails without a report when the roster keeps changing', async () => {
    let answered = 0
    github.filter = async (request, respond) => {
      const response = await respond()
      if (isPage(request) && ++answered % 2 === 0) {
        org()?.identities?.push({ guid: `late-${answered}`, login: null })
      }
      return response
    }
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error::The members or identities of 'moving-org' changed while they were read \(\d+, then \d+\); the audit is incomplete/
      )
    ])
    expect(run.summary).toBe('')
    expect(run.outputs).toEqual({})
  })
})

describe('answers that come late, never, or not as GraphQL', () => {
  it('gives up at once on a 502 that asks to come back in an hour', async () => {
    github.filter = async (request, respond) =>
      isPage(request)
        ? { ...htmlPage(502)(request), headers: { 'retry-after': '3600' } }
        : respond()
    const started = Date.now()
    const run = await audit()
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout)[0]).toMatch(/failed \(HTTP 502\)/)
  })

  it('retries a request that never answers, then fails in one line', async () => {
    github.filter = (request, respond) =>
      isPage(request) ? new Promise(() => undefined) : respond()
    const run = await audit(100)
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout)).toHaveLength(1)
    expect(errorLines(run.stdout)[0]).toMatch(
      /^::error::Reading 'moving-org' from GitHub failed \(HTTP 500\) after retries: .*; the audit is incomplete/
    )
  })

  it('retries an HTML page answered with 200, and carries on', async () => {
    github.filter = firstOnes(
      2,
      (request) => ({ ...htmlPage(502)(request), status: 200 }),
      (request) => isPage(request)
    )
    const run = await audit()
    expect(run.exitCode).toBe(0)
    expect(run.outputs['member-count']).toBe('450')
  })

  it('names a proxy page that keeps coming instead of GraphQL', async () => {
    github.filter = async (request, respond) =>
      isPage(request) ? { ...htmlPage(502)(request), status: 200 } : respond()
    const run = await audit()
    expect(errorLines(run.stdout)).toEqual([
      "::error::GitHub's answer about 'moving-org' was not GraphQL JSON; check that GITHUB_API_URL (or --api-url) points at the GitHub API and no proxy rewrites it, then run again."
    ])
  })
})
