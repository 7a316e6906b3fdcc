import { getOctokit } from '@actions/github'
import {
  paginateGraphQL,
  type paginateGraphQLInterface
} from '@octokit/plugin-paginate-graphql'
import { DEFAULT_POLICY, retryPlugin } from './retry.js'

export interface ClientOptions {
  /** REST base URL; GraphQL is derived from it. Defaults to GITHUB_API_URL. */
  baseUrl?: string
  /** Replaces the HTTP client; tests pass the global fetch so msw sees it. */
  fetch?: typeof fetch
  /** Base of the retry backoff in milliseconds. */
  retryAfterBaseMs?: number
  /** How long one attempt may go unanswered, in milliseconds. */
  requestTimeoutMs?: number
  /** Debug logger for request-level detail. */
  debug?: (message: string) => void
}

export type GitHubClient = ReturnType<typeof getOctokit> &
  paginateGraphQLInterface

/** Counts every HTTP request a client sends, retries included. */
export class RequestCounter {
  count = 0
}

/** Registered before the retry plugin, so it sees each attempt. */
function counting(counter: RequestCounter) {
  return (octokit: { hook: GitHubClient['hook'] }) => {
    octokit.hook.before('request', () => {
      counter.count += 1
    })
  }
}

/** An authenticated Octokit with GraphQL pagination, retries and a counter. */
export function createClient(
  token: string,
  counter: RequestCounter,
  options: ClientOptions = {}
): GitHubClient {
  const debug = options.debug ?? (() => undefined)
  const policy = {
    ...DEFAULT_POLICY,
    backoffBaseMs: options.retryAfterBaseMs ?? DEFAULT_POLICY.backoffBaseMs,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_POLICY.timeoutMs
  }
  return getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      log: { debug, info: debug, warn: debug, error: debug }
    },
    paginateGraphQL,
    counting(counter),
    retryPlugin(policy, debug)
  ) as GitHubClient
}
