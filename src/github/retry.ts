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
  /** Longest rate-limit wait sat through; a longer one fails the audit. */
  maxWaitMs: number
}

export const DEFAULT_POLICY: RetryPolicy = {
  retries: 3,
  backoffBaseMs: 500,
  maxWaitMs: 120_000
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
    String(options.url).endsWith('/graphql') &&
    !/^\s*mutation\b/.test(String(options.query ?? ''))
  )
}

function transientWait(outcome: Outcome, attempt: number, base: number) {
  // Octokit reports a dropped connection as status 500 too.
  const status = outcome.error?.status ?? 0
  if (!outcome.error || status < 500) return undefined
  const retryAfter = outcome.error.response?.headers['retry-after']
  const seconds = Number(retryAfter)
  return retryAfter !== undefined && Number.isFinite(seconds)
    ? seconds * 1000
    : base * (attempt + 1) ** 2
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
  return transientWait(outcome, attempt, policy.backoffBaseMs)
}

async function settle(send: () => Answer | Promise<Answer>): Promise<Outcome> {
  try {
    return { response: await send() }
  } catch (error) {
    return { error: error as Outcome['error'] }
  }
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
        const outcome = await settle(() => request(options))
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
