import { getOctokit } from '@actions/github'
import {
  paginateGraphQL,
  type paginateGraphQLInterface
} from '@octokit/plugin-paginate-graphql'
import { retry } from '@octokit/plugin-retry'

export interface ClientOptions {
  /** REST base URL; GraphQL is derived from it. Defaults to GITHUB_API_URL. */
  baseUrl?: string
  /** Replaces the HTTP client; tests pass the global fetch so msw sees it. */
  fetch?: typeof fetch
  /** Base of the retry backoff in milliseconds. */
  retryAfterBaseMs?: number
  /** Debug logger for request-level detail. */
  debug?: (message: string) => void
}

export type GitHubClient = ReturnType<typeof getOctokit> &
  paginateGraphQLInterface

/** Counts every HTTP request a client sends, retries included. */
export class RequestCounter {
  count = 0
}

/** An authenticated Octokit with GraphQL pagination, retries and a counter. */
export function createClient(
  token: string,
  counter: RequestCounter,
  options: ClientOptions = {}
): GitHubClient {
  const octokit = getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
      retry: { retryAfterBaseValue: options.retryAfterBaseMs ?? 1000 },
      log: {
        debug: options.debug ?? (() => undefined),
        info: options.debug ?? (() => undefined),
        warn: options.debug ?? (() => undefined),
        error: options.debug ?? (() => undefined)
      }
    },
    paginateGraphQL,
    retry
  ) as GitHubClient
  octokit.hook.before('request', () => {
    counter.count += 1
  })
  return octokit
}
