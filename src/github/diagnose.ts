import { AccessError, IncompleteAuditError } from '../errors.js'

interface GraphqlErrorEntry {
  type?: string
  message?: string
  path?: (string | number)[]
}

interface HttpLikeError {
  status?: number
  message?: string
  errors?: GraphqlErrorEntry[]
  response?: { headers?: Record<string, string | undefined> }
}

function graphqlErrors(error: HttpLikeError): GraphqlErrorEntry[] {
  return Array.isArray(error.errors) ? error.errors : []
}

/** Quotes the path of the first GraphQL error, as `organization.x.y`. */
function firstPath(errors: GraphqlErrorEntry[]): string {
  const path = errors.find((entry) => entry.path)?.path
  return path ? path.join('.') : 'the query'
}

/**
 * Turns what Octokit threw into one of our errors with a single actionable
 * line. Errors already ours pass through unchanged.
 */
export function toAccessError(error: unknown, target: string): Error {
  if (error instanceof AccessError || error instanceof IncompleteAuditError) {
    return error
  }
  const failure = (error ?? {}) as HttpLikeError
  const errors = graphqlErrors(failure)
  const types = new Set(errors.map((entry) => entry.type))
  const options = { cause: error }
  if (failure.status === 401) {
    return new AccessError(
      'GitHub rejected the token (401 Bad credentials); check that the secret holds a valid, unexpired token.',
      target,
      options
    )
  }
  const sso = failure.response?.headers?.['x-github-sso']
  if (sso || errors.some((e) => /saml|single sign-on/i.test(e.message ?? ''))) {
    const url = /url=(\S+)/.exec(sso ?? '')?.[1]
    return new AccessError(
      `The token is not authorized for SAML single sign-on in '${target}'; authorize it for the organization${url ? ` at ${url}` : ' under Settings > Developer settings > Tokens > Configure SSO'}.`,
      target,
      options
    )
  }
  if (types.has('INSUFFICIENT_SCOPES')) {
    return new AccessError(
      `The token lacks a scope the audit needs for '${target}'; give the classic PAT the read:org scope${target.includes('/') ? '' : ' (and read:enterprise for an enterprise)'}.`,
      target,
      options
    )
  }
  if (types.has('NOT_FOUND')) {
    const where = firstPath(errors)
    const message = where.startsWith('enterprise')
      ? `Enterprise of '${target}' was not found; check the 'enterprise' input (the slug in github.com/enterprises/SLUG) and that the token has read:enterprise.`
      : `Organization '${target}' was not found; check the 'organization' input and that the token's owner can see it.`
    return new AccessError(message, target, options)
  }
  if (types.has('FORBIDDEN') || failure.status === 403) {
    return new AccessError(
      `GitHub refused to show the identities of '${target}' (403 Forbidden); use an organization owner's token with read:org, or a GitHub App with Members: read. GITHUB_TOKEN cannot read identities.`,
      target,
      options
    )
  }
  if (errors.length > 0) {
    return new IncompleteAuditError(
      `GitHub answered with errors at ${firstPath(errors)} for '${target}' (${errors[0]?.message ?? 'no message'}); the audit is incomplete, so no report was published.`,
      target,
      options
    )
  }
  const status = failure.status ? ` (HTTP ${failure.status})` : ''
  return new IncompleteAuditError(
    `Reading '${target}' from GitHub failed${status} after retries: ${(failure.message ?? String(error)).split('\n')[0]}; the audit is incomplete, so no report was published. Run it again later.`,
    target,
    options
  )
}
