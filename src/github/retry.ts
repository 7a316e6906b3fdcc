/**
 * An Octokit plugin that rides out what a long audit meets on github.com:
 * 5xx answers (502 and 504 come as HTML pages), dropped connections and
 * rate limits. It replaces @octokit/plugin-retry, which ignores
 * `retry-after` and replays a GraphQL timeout with the same page size; the
 * walk in gather.ts answers a timeout with smaller pages instead. It also
 * replaces @octokit/plugin-throttling, which sends GraphQL reads one a
 * second: 200 s instead of 1.4 s for a 10,000-member organization.
 */
import type { getOctokit } from '@actions/github'
import { rateLimitError, rateLimitWait, type Headers } from './rate-limit.js'

type Plugin = NonNullable<Parameters<typeof getOctokit>[2]>

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number
  /** The nth retry of a 5xx waits n² times this, unless GitHub names a time. */
  backoffBaseMs: number
  /** Longest wait sat through, for a rate limit or a `retry-after`. */
  maxWaitMs: number
  /** An attempt that has not answered by then counts as a dropped connection. */
  timeoutMs: number
}

export const DEFAULT_POLICY: RetryPolicy = {
  retries: 3,
  backoffBaseMs: 500,
  maxWaitMs: 120_000,
  timeoutMs: 60_000
}

/**
 * A 200 from the GraphQL endpoint that is not JSON: a proxy's or captive
 * portal's page. Retried like a 502, then reported as such.
 */
export class NotGraphqlAnswerError extends Error {
  override name = 'NotGraphqlAnswerError'
  readonly status = 502
}

interface Answer {
  status: number
  headers: Headers
  data: unknown
}

interface Outcome {
  response?: Answer
  error?: { status?: number; response?: Answer }
}

interface SentOptions {
  method?: string
  url?: string
  query?: unknown
}

/** Reads and GraphQL queries can be sent twice; writes may have happened. */
function replayable(options: SentOptions): boolean {
  if (options.method === 'GET' || options.method === 'HEAD') return true
  return (
    isGraphqlUrl(options) && !/^\s*mutation\b/.test(String(options.query ?? ''))
  )
}

function transientWait(
  outcome: Outcome,
  attempt: number,
  policy: RetryPolicy
): number | undefined {
  // Octokit reports a dropped connection as status 500 too.
  const status = outcome.error?.status ?? 0
  if (!outcome.error || status < 500) return undefined
  const retryAfter = outcome.error.response?.headers['retry-after']
  const seconds = Number(retryAfter)
  if (retryAfter === undefined || !Number.isFinite(seconds)) {
    return policy.backoffBaseMs * (attempt + 1) ** 2
  }
  // A server that asks for longer than we wait is not coming back soon.
  return seconds * 1000 > policy.maxWaitMs ? undefined : seconds * 1000
}

/** Milliseconds to wait before the next attempt, or undefined to stop. */
function nextWait(
  outcome: Outcome,
  options: SentOptions,
  attempt: number,
  policy: RetryPolicy
): number | undefined {
  const answer = outcome.response ?? outcome.error?.response
  const now = Date.now()
  const limited =
    answer && rateLimitWait(answer.status, answer.headers, answer.data, now)
  if (limited !== undefined) {
    if (limited > policy.maxWaitMs || attempt >= policy.retries) {
      throw rateLimitError(limited, now)
    }
    return limited
  }
  if (attempt >= policy.retries || !replayable(options)) return undefined
  return transientWait(outcome, attempt, policy)
}

function isGraphqlUrl(options: SentOptions): boolean {
  return String(options.url).endsWith('/graphql')
}

async function settle(
  send: () => Answer | Promise<Answer>,
  options: SentOptions
): Promise<Outcome> {
  try {
    const response = await send()
    if (isGraphqlUrl(options) && typeof response.data !== 'object') {
      const error = new NotGraphqlAnswerError(
        `GitHub answered ${String(options.url)} with a page that is not GraphQL JSON`
      )
      return { error: Object.assign(error, { response }) }
    }
    return { response }
  } catch (error) {
    return { error: error as Outcome['error'] }
  }
}

/**
 * Gives the next attempt its own deadline. The hooks inside this one are
 * bound to this very options object, so it is changed in place; its
 * `request` may be shared with the client's defaults, so that is replaced,
 * not changed.
 */
function setDeadline(options: { request?: object }, ms: number): void {
  const signal = AbortSignal.timeout(ms)
  options.request = { ...options.request, signal }
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The plugin; `log` hears of every retry. */
export function retryPlugin(
  policy: RetryPolicy,
  log: (message: string) => void
): Plugin {
  return (octokit) => {
    octokit.hook.wrap('request', async (request, options) => {
      for (let attempt = 0; ; attempt++) {
        setDeadline(options, policy.timeoutMs)
        const outcome = await settle(() => request(options), options)
        const wait = nextWait(outcome, options, attempt, policy)
        if (wait === undefined) {
          if (outcome.error) throw outcome.error
          return outcome.response as Awaited<ReturnType<typeof request>>
        }
        const status =
          outcome.error?.status ?? outcome.response?.status ?? 'no answer'
        log(
          `${options.method} ${options.url} answered ${status}; retry ${attempt + 1} of ${policy.retries} in ${wait} ms.`
        )
        await sleep(wait)
      }
    })
  }
}
