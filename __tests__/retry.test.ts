import { IncompleteAuditError, RateLimitError } from '../src/errors.js'
import { createClient, RequestCounter } from '../src/github/client.js'
import { gatherRoster } from '../src/github/gather.js'
import {
  readMembers,
  readOrganizationIdentities
} from '../src/github/readers.js'
import { PREFLIGHT_QUERY } from '../src/github/queries.js'
import { rateLimitWait } from '../src/github/rate-limit.js'
import {
  chain,
  dropConnection,
  everyNth,
  faultyGitHub,
  firstOnes,
  graphqlRateLimit,
  htmlPage,
  primaryRateLimit,
  secondaryRateLimit,
  type Fault
} from './helpers/faults.js'
import { FakeGitHub } from './mock/github.js'
import { loadSample } from './mock/sample.js'
import { MSW_API_URL } from './mock/transports.js'

const github = faultyGitHub()
beforeEach(() => {
  github.fake = loadSample(new FakeGitHub())
  github.filter = (_request, respond) => respond()
})

function client(counter = new RequestCounter()) {
  return createClient('ghp_test', counter, {
    baseUrl: MSW_API_URL,
    fetch: globalThis.fetch,
    retryAfterBaseMs: 1
  })
}

const preflight = (counter: RequestCounter) =>
  client(counter).graphql(PREFLIGHT_QUERY, { organization: 'acme-corp' })

describe('transient failures', () => {
  it('retries a 502 page, a 504 page and a dropped connection, counting each attempt', async () => {
    github.filter = chain(
      firstOnes(1, htmlPage(502)),
      firstOnes(1, htmlPage(504)),
      firstOnes(1, dropConnection)
    )
    const counter = new RequestCounter()
    await expect(preflight(counter)).resolves.toMatchObject({
      organization: { login: 'acme-corp' }
    })
    expect(counter.count).toBe(4)
  })

  it('gives up after three retries with the status, never the HTML page', async () => {
    github.filter = everyNth(1, htmlPage(502))
    const failure = gatherRoster(client(), 'acme-corp', {
      readMembers,
      readIdentities: readOrganizationIdentities
    })
    await expect(failure).rejects.toThrow(IncompleteAuditError)
    await expect(failure).rejects.toThrow(
      "Reading 'acme-corp' from GitHub failed (HTTP 502) after retries: no usable answer; the audit is incomplete, so no report was published. Run it again later."
    )
    const alone = new RequestCounter()
    await expect(preflight(alone)).rejects.toMatchObject({ status: 502 })
    expect(alone.count).toBe(4)
  })

  it('never replays a GraphQL mutation or a REST write', async () => {
    github.filter = everyNth(1, htmlPage(502))
    const counter = new RequestCounter()
    const octokit = client(counter)
    await expect(
      octokit.graphql('mutation close { __typename }')
    ).rejects.toMatchObject({ status: 502 })
    await expect(
      octokit.rest.issues.create({ owner: 'a', repo: 'b', title: 't' })
    ).rejects.toMatchObject({ status: 502 })
    expect(counter.count).toBe(2)
  })
})

describe('rate limits', () => {
  it.each<[string, Fault]>([
    ['a secondary limit with retry-after', secondaryRateLimit(1)],
    ['a spent REST limit that resets in a second', primaryRateLimit(1)],
    ['a spent GraphQL limit that resets in a second', graphqlRateLimit(1)]
  ])('waits out %s and carries on', async (_name, fault) => {
    github.filter = firstOnes(1, fault)
    const counter = new RequestCounter()
    const started = Date.now()
    await expect(preflight(counter)).resolves.toBeDefined()
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(counter.count).toBe(2)
  })

  it.each<[string, Fault]>([
    ['REST', primaryRateLimit(3600)],
    ['GraphQL', graphqlRateLimit(3600)]
  ])(
    'fails at once with the reset time when a %s limit resets in an hour',
    async (_name, fault) => {
      github.filter = firstOnes(1, fault)
      const counter = new RequestCounter()
      const error = await preflight(counter).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RateLimitError)
      const resetAt = (error as RateLimitError).resetAt.getTime()
      expect(Math.abs(resetAt - Date.now() - 3600_000)).toBeLessThan(3000)
      expect((error as Error).message).toMatch(
        /^GitHub's rate limit holds the token back until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(about 60 min\); run the audit again after that/
      )
      expect(counter.count).toBe(1)
    }
  )

  it('reads retry-after given as an HTTP date', () => {
    const now = Date.parse('2030-01-01T00:00:00Z')
    const wait = rateLimitWait(
      429,
      { 'retry-after': 'Tue, 01 Jan 2030 00:00:30 GMT' },
      {},
      now
    )
    expect(wait).toBe(30_000)
  })

  it('treats a plain 403 as no rate limit', () => {
    expect(
      rateLimitWait(403, {}, { message: 'Must have admin rights' }, 0)
    ).toBeUndefined()
  })
})
