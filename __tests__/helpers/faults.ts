/**
 * Response filters that make the fake GitHub misbehave the way github.com
 * does on a bad day, for the fault tests.
 */
import { json, type FakeRequest, type FakeResponse } from '../mock/github.js'
import { DROP_CONNECTION, type ResponseFilter } from '../mock/transports.js'
import { useFakeGitHub, type FakeServer } from './fake-server.js'

export type Fault = (request: FakeRequest) => FakeResponse

/** What a load balancer answers: an HTML page, not JSON. */
export function htmlPage(status: 502 | 504): Fault {
  const title = status === 502 ? 'Bad Gateway' : 'Gateway Timeout'
  return () => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n<body><h1>${status} ${title}</h1></body></html>\n`
  })
}

export const dropConnection: Fault = () => DROP_CONNECTION

/** A secondary rate limit that names its wait. */
export function secondaryRateLimit(seconds: number): Fault {
  return () =>
    json(
      403,
      {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url: 'https://docs.github.com/rest/rate-limit'
      },
      { 'retry-after': String(seconds) }
    )
}

function resetHeaders(inSeconds: number) {
  return {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000 + inSeconds))
  }
}

/** A spent primary rate limit, as REST answers it. */
export function primaryRateLimit(resetInSeconds: number): Fault {
  return () =>
    json(
      403,
      { message: 'API rate limit exceeded for user ID 1.' },
      resetHeaders(resetInSeconds)
    )
}

/** A spent primary rate limit, as GraphQL answers it: 200 with an error. */
export function graphqlRateLimit(resetInSeconds: number): Fault {
  return () =>
    json(
      200,
      {
        errors: [
          {
            type: 'RATE_LIMITED',
            message: 'API rate limit exceeded for user ID 1.'
          }
        ]
      },
      resetHeaders(resetInSeconds)
    )
}

/** GitHub's answer when a query runs out of time on its side. */
export const queryTimeout: Fault = () =>
  json(200, {
    data: null,
    errors: [
      {
        message:
          'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `0400:1A2B:3C4D` when reporting this issue.'
      }
    ]
  })

/** Every `n`th request (the nth, 2nth, ...) gets `fault` instead. */
export function everyNth(n: number, fault: Fault): ResponseFilter {
  let seen = 0
  return (request, respond) =>
    ++seen % n === 0 ? Promise.resolve(fault(request)) : respond()
}

/** The first `count` requests that match get `fault`. */
export function firstOnes(
  count: number,
  fault: Fault,
  matches: (request: FakeRequest) => boolean = () => true
): ResponseFilter {
  let left = count
  return (request, respond) =>
    matches(request) && left-- > 0 ? Promise.resolve(fault(request)) : respond()
}

function pageSizeOf(request: FakeRequest): number {
  if (request.path !== '/graphql') return 0
  const body = JSON.parse(request.body || '{}') as {
    variables?: { pageSize?: number }
  }
  return body.variables?.pageSize ?? 0
}

/** GraphQL pages larger than `size` time out, as a slow connection does. */
export function timeoutsAbove(size: number): ResponseFilter {
  return (request, respond) =>
    pageSizeOf(request) > size
      ? Promise.resolve(queryTimeout(request))
      : respond()
}

/** Applies `filters` in turn: the first one sees the request first. */
export function chain(...filters: ResponseFilter[]): ResponseFilter {
  return filters.reduceRight<ResponseFilter>(
    (inner, filter) => (request, respond) =>
      filter(request, () => inner(request, respond)),
    (_request, respond) => respond()
  )
}

/**
 * An msw server answering from a fake through a filter; each test may
 * replace either. Registers its own beforeAll, afterAll and beforeEach.
 */
export function faultyGitHub(): FakeServer {
  return useFakeGitHub(() => undefined)
}
