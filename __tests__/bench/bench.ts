/**
 * `npm run bench`: serves generated organizations on 127.0.0.1 with a
 * simulated round trip, runs the built action against each (and against
 * three at once), and compares it with a bare sequential walk over the
 * identity pages. Exits non-zero when a target is missed.
 */
import { ORGANIZATION_IDENTITIES_QUERY } from '../../src/github/queries.js'
import { generatedOrganization } from '../helpers/generate.js'
import { FakeGitHub } from '../mock/github.js'
import { runAction } from '../mock/runner.js'
import {
  serveLoopback,
  type LoopbackServer,
  type ResponseFilter
} from '../mock/transports.js'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000')
  .split(',')
  .map(Number)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 40)
const TARGETS = { extraRequests: 4, ratio: 1.15, peakMegabytes: 300 }
const TOKEN = 'bench-token-not-secret'

interface Figures {
  organizations: number
  /** Members of each organization. */
  members: number
  wallMs: number
  requests: number
  minimum: number
  bareMs: number
  peakMegabytes: number
}

/** Delays every response by the round trip and counts the requests. */
function roundTrip(counter: { requests: number }): ResponseFilter {
  return async (_request, respond) => {
    counter.requests += 1
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS))
    return respond()
  }
}

interface IdentityPage {
  data: {
    organization: {
      samlIdentityProvider: {
        externalIdentities: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null }
        }
      }
    }
  }
}

/** The floor: one identity page after another, with nothing else to do. */
async function bareWalk(server: LoopbackServer, organization: string) {
  const started = performance.now()
  let cursor: string | null = null
  do {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}` },
      body: JSON.stringify({
        query: ORGANIZATION_IDENTITIES_QUERY,
        variables: { organization, pageSize: 100, cursor }
      })
    })
    const page = (await response.json()) as IdentityPage
    const { pageInfo } =
      page.data.organization.samlIdentityProvider.externalIdentities
    cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null
  } while (cursor)
  return performance.now() - started
}

function benchFake(logins: string[], size: number): FakeGitHub {
  const fake = new FakeGitHub().addRepository({
    owner: 'bench',
    repo: 'audits',
    visibility: 'private'
  })
  for (const login of logins) {
    fake.addOrganization(generatedOrganization(login, size))
  }
  return fake
}

/** Audits `count` organizations of `size` members each in one run. */
async function measure(count: number, size: number): Promise<Figures> {
  const logins = Array.from({ length: count }, (_, i) => `bench-${i + 1}`)
  const counter = { requests: 0 }
  const server = await serveLoopback(
    benchFake(logins, size),
    roundTrip(counter)
  )
  try {
    let bareMs = 0
    for (const login of logins) bareMs += await bareWalk(server, login)
    counter.requests = 0
    const started = performance.now()
    const run = await runAction({
      apiUrl: server.url,
      inputs: { organization: logins.join(','), token: TOKEN },
      context: { repository: 'bench/audits' },
      measureMemory: true
    })
    const wallMs = performance.now() - started
    if (
      run.exitCode !== 0 ||
      run.outputs['member-count'] !== String(count * size)
    ) {
      throw new Error(`The action failed on ${count} x ${size}:\n${run.stdout}`)
    }
    return {
      organizations: count,
      members: size,
      wallMs,
      requests: counter.requests,
      minimum: count * 2 * Math.ceil(size / 100),
      bareMs,
      peakMegabytes: (run.peakRssBytes ?? NaN) / 2 ** 20
    }
  } finally {
    await server.close()
  }
}

function missed(figures: Figures): string[] {
  const misses: string[] = []
  const extra = TARGETS.extraRequests * figures.organizations
  if (figures.requests > figures.minimum + extra) {
    misses.push(`requests over minimum + ${extra}`)
  }
  if (figures.wallMs > TARGETS.ratio * figures.bareMs) {
    misses.push(`wall over ${TARGETS.ratio} x bare walk`)
  }
  if (!(figures.peakMegabytes < TARGETS.peakMegabytes)) {
    misses.push(`peak memory not under ${TARGETS.peakMegabytes} MB`)
  }
  return misses
}

function row(figures: Figures): string {
  const misses = missed(figures)
  const cells = [
    `${figures.organizations > 1 ? `${figures.organizations} × ` : ''}${figures.members.toLocaleString('en-US')}`,
    `${(figures.wallMs / 1000).toFixed(2)} s`,
    String(figures.requests),
    String(figures.minimum),
    `${(figures.bareMs / 1000).toFixed(2)} s`,
    (figures.wallMs / figures.bareMs).toFixed(2),
    `${figures.peakMegabytes.toFixed(0)} MB`,
    misses.length === 0 ? 'met' : `missed: ${misses.join('; ')}`
  ]
  return `| ${cells.join(' | ')} |`
}

process.stdout.write(
  [
    `Round trip ${LATENCY_MS} ms; identities = members; targets: requests <= minimum + ${TARGETS.extraRequests} per organization, wall <= ${TARGETS.ratio} x bare walk (of every organization, one after another), peak < ${TARGETS.peakMegabytes} MB.`,
    '',
    '| members | wall | requests | minimum | bare walk | ratio | peak memory | targets |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ''
  ].join('\n')
)
const RUNS = [
  ...SIZES.map((size) => [1, size] as const),
  [3, Math.min(10_000, Math.max(...SIZES))] as const
]
for (const [count, size] of RUNS) {
  const figures = await measure(count, size)
  process.stdout.write(`${row(figures)}\n`)
  if (missed(figures).length > 0) process.exitCode = 1
}
