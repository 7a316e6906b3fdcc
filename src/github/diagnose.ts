/**
 * Turns what Octokit threw into one of our errors with a single actionable
 * line. Each wrong token has its own line: the README's Troubleshooting
 * section lists them all.
 */
import { AccessError, IncompleteAuditError, RateLimitError } from '../errors.js'
import type { Headers } from './rate-limit.js'
import { NotGraphqlAnswerError } from './retry.js'
import { ConnectionChangedError, isQueryTimeout } from './walk.js'

interface GraphqlErrorEntry {
  type?: string
  message?: string
  path?: (string | number)[]
  extensions?: { saml_failure?: boolean }
}

/** What a RequestError or a GraphqlResponseError carries. */
interface Failure {
  status?: number
  message?: string
  errors?: GraphqlErrorEntry[]
  headers?: Headers
  response?: { headers?: Headers }
}

/** A diagnosis: the message for one target, or undefined when it does not apply. */
type Diagnosis = (
  failure: Failure,
  errors: GraphqlErrorEntry[],
  target: string
) => string | undefined

function header(failure: Failure, name: string): string {
  return String(
    failure.response?.headers?.[name] ?? failure.headers?.[name] ?? ''
  )
}

/** Quotes the path of the first GraphQL error, as `organization.x.y`. */
function firstPath(errors: GraphqlErrorEntry[]): string {
  const path = errors.find((entry) => entry.path)?.path
  return path ? path.join('.') : 'the query'
}

const badCredentials: Diagnosis = (failure) =>
  failure.status === 401
    ? 'GitHub rejected the token (401 Bad credentials); check that the secret holds a valid, unexpired token.'
    : undefined

const notAuthorizedForSso: Diagnosis = (failure, errors, target) => {
  const sso = header(failure, 'x-github-sso')
  const saml = errors.some(
    (e) =>
      e.extensions?.saml_failure || /SAML enforcement/i.test(e.message ?? '')
  )
  if (!sso && !saml) return undefined
  const url = /url=(\S+)/.exec(sso)?.[1]
  const where = url
    ? `at ${url}`
    : 'under Settings > Developer settings > Personal access tokens > Configure SSO'
  return `The token is not authorized for SAML single sign-on in '${target}'; authorize it for the organization ${where}, then run again.`
}

const missingScope: Diagnosis = (_failure, errors, target) => {
  const entry = errors.find((e) => e.type === 'INSUFFICIENT_SCOPES')
  if (!entry) return undefined
  const listed = /following scopes: \[([^\]]*)\]/.exec(entry.message ?? '')?.[1]
  const scopes =
    listed?.replace(/['"\s]/g, '').replace(/,/g, ' or ') || 'read:org'
  return `The token lacks the ${scopes} scope needed to read '${target}'; add it to the classic PAT under Settings > Developer settings > Personal access tokens, then run again.`
}

const appWithoutMembers: Diagnosis = (failure, errors, target) => {
  const text = [failure.message, ...errors.map((e) => e.message)].join(' ')
  if (!/Resource not accessible by integration/i.test(text)) return undefined
  return `The GitHub App token cannot read the members of '${target}' (Resource not accessible by integration); give the app the organization permission Members: read, approve it on the installation, then run again.`
}

const notFound: Diagnosis = (_failure, errors, target) => {
  if (!errors.some((e) => e.type === 'NOT_FOUND')) return undefined
  return firstPath(errors).startsWith('enterprise')
    ? `Enterprise of '${target}' was not found; check the 'enterprise' input (the slug in github.com/enterprises/SLUG) and that the token has read:enterprise.`
    : `Organization '${target}' was not found; check the 'organization' input and that the token's owner can see it.`
}

const forbidden: Diagnosis = (failure, errors, target) =>
  failure.status === 403 || errors.some((e) => e.type === 'FORBIDDEN')
    ? `GitHub refused to show the identities of '${target}' (403 Forbidden); use an organization owner's token with read:org, or a GitHub App with Members: read. GITHUB_TOKEN cannot read identities.`
    : undefined

const ACCESS: Diagnosis[] = [
  badCredentials,
  notAuthorizedForSso,
  missingScope,
  appWithoutMembers,
  notFound,
  forbidden
]

const timedOut: Diagnosis = (failure, _errors, target) =>
  isQueryTimeout(failure)
    ? `GitHub timed out reading '${target}', even 25 at a time; the audit is incomplete, so no report was published. Run it again later.`
    : undefined

const partialData: Diagnosis = (_failure, errors, target) =>
  errors.length > 0
    ? `GitHub answered with errors at ${firstPath(errors)} for '${target}' (${errors[0]?.message ?? 'no message'}); the audit is incomplete, so no report was published.`
    : undefined

/** The first line of a failure, unless it is an HTML error page. */
function summary(failure: Failure, error: unknown): string {
  const line = (failure.message ?? String(error)).trim().split('\n')[0] ?? ''
  return line.startsWith('<') || line === '' ? 'no usable answer' : line
}

function unreachable(failure: Failure, error: unknown, target: string) {
  const status = failure.status ? ` (HTTP ${failure.status})` : ''
  return `Reading '${target}' from GitHub failed${status} after retries: ${summary(failure, error)}; the audit is incomplete, so no report was published. Run it again later.`
}

/** Answers that are not what was asked for: a page instead of JSON, or a
 * connection whose size moved while it was read. */
function unusable(error: unknown, target: string): string | undefined {
  if (error instanceof NotGraphqlAnswerError) {
    return `GitHub's answer about '${target}' was not GraphQL JSON; check that GITHUB_API_URL (or --api-url) points at the GitHub API and no proxy rewrites it, then run again.`
  }
  if (error instanceof ConnectionChangedError) {
    return `The members or identities of '${target}' changed while they were read (${error.before}, then ${error.after}); the audit is incomplete, so no report was published. Run it again.`
  }
  return undefined
}

/** Our own error for `error`; errors already ours pass through unchanged. */
export function toAccessError(error: unknown, target: string): Error {
  if (
    error instanceof AccessError ||
    error instanceof IncompleteAuditError ||
    error instanceof RateLimitError
  ) {
    return error
  }
  const options = { cause: error }
  const unexpected = unusable(error, target)
  if (unexpected) return new IncompleteAuditError(unexpected, target, options)
  const failure = (error ?? {}) as Failure
  const errors = Array.isArray(failure.errors) ? failure.errors : []
  for (const diagnose of ACCESS) {
    const message = diagnose(failure, errors, target)
    if (message) return new AccessError(message, target, options)
  }
  const message =
    timedOut(failure, errors, target) ??
    partialData(failure, errors, target) ??
    unreachable(failure, error, target)
  return new IncompleteAuditError(message, target, options)
}

/**
 * `token` equal to `issue-token`, and an installation token, is most likely
 * the workflow's GITHUB_TOKEN, which can never read identities: say so
 * rather than blame a permission.
 */
export function blameWorkflowToken(
  error: unknown,
  tokens: { token: string; issueToken: string }
): unknown {
  const installation = tokens.token.startsWith('ghs_')
  if (!(error instanceof AccessError) || !installation) return error
  if (tokens.token !== tokens.issueToken) return error
  return new AccessError(
    "Input 'token' is the same installation token as 'issue-token' (by default the workflow's GITHUB_TOKEN), which cannot read organization members or identities; pass an organization owner's PAT or a GitHub App token, e.g. token: ${{ secrets.SCIM_AUDIT_TOKEN }}.",
    error.target,
    { cause: error }
  )
}
