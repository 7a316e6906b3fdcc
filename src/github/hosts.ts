/**
 * Which GitHub the action talks to. The runner names it in GITHUB_API_URL
 * and GITHUB_GRAPHQL_URL: github.com, a data-residency `*.ghe.com` host, or
 * a GitHub Enterprise Server, which has no SAML external identities.
 */
import { AccessError } from '../errors.js'
import type { GitHubClient } from './client.js'

export interface Endpoints {
  /** REST base URL, without a trailing slash. */
  apiUrl: string
  /** GraphQL endpoint. */
  graphqlUrl: string
}

function trimmed(url: string): string {
  return url.replace(/\/+$/, '')
}

/** The endpoints of the runner's environment; github.com when unset. */
export function endpoints(env: NodeJS.ProcessEnv = process.env): Endpoints {
  const apiUrl = trimmed(env.GITHUB_API_URL || 'https://api.github.com')
  const graphqlUrl = trimmed(env.GITHUB_GRAPHQL_URL || `${apiUrl}/graphql`)
  return { apiUrl, graphqlUrl }
}

function cloudOnly(where: string, options?: { cause?: unknown }): AccessError {
  return new AccessError(
    `${where} is GitHub Enterprise Server, which has no SAML external identities to audit; scim-audit applies to GitHub Enterprise Cloud (github.com or a *.ghe.com host), so run it against that.`,
    where,
    options
  )
}

/** Stops before any request when the API is a GitHub Enterprise Server's. */
export function requireCloud({ apiUrl }: Endpoints): void {
  if (/\/api\/v3$/.test(apiUrl)) throw cloudOnly(`The API at ${apiUrl}`)
}

interface GraphqlFailure {
  errors?: { message?: string }[]
  cause?: unknown
}

const MISSING_FIELD =
  /Field '(samlIdentityProvider|externalIdentities|ownerInfo)' doesn't exist/

/**
 * A server whose schema lacks SAML identities is a GitHub Enterprise
 * Server; says so instead of quoting the validation error.
 */
export function explainServer(error: unknown, apiUrl: string): unknown {
  const failure = (error ?? {}) as GraphqlFailure
  const causes = [failure, (failure.cause ?? {}) as GraphqlFailure]
  const lacksSaml = causes.some((e) =>
    e.errors?.some((entry) => MISSING_FIELD.test(entry.message ?? ''))
  )
  return lacksSaml ? cloudOnly(`The API at ${apiUrl}`, { cause: error }) : error
}

/** Sends GraphQL to GITHUB_GRAPHQL_URL, not where Octokit would guess. */
export function routeGraphql(client: GitHubClient, { graphqlUrl }: Endpoints) {
  client.hook.before('request', (options) => {
    if (options.url === '/graphql') options.url = graphqlUrl
  })
}
