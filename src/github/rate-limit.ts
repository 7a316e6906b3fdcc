/**
 * GitHub signals rate limits in three shapes: 429, 403 with `retry-after`
 * or `x-ratelimit-remaining: 0` (REST and GraphQL), and a GraphQL 200 whose
 * errors have type RATE_LIMITED. These helpers read how long it asks us to
 * wait, and word the failure when that is longer than the audit waits.
 */
import { RateLimitError } from '../errors.js'

export type Headers = Record<string, string | number | undefined>

/** GitHub asks for at least a minute when a secondary limit names no time. */
const UNNAMED_WAIT_MS = 60_000

function messageOf(data: unknown): string {
  const message = (data as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : ''
}

function graphqlRateLimited(data: unknown): boolean {
  const errors = (data as { errors?: { type?: string }[] } | null)?.errors
  return Array.isArray(errors) && errors.some((e) => e.type === 'RATE_LIMITED')
}

function isRateLimit(status: number, headers: Headers, data: unknown) {
  if (status === 429) return true
  if (status === 200) return graphqlRateLimited(data)
  return (
    status === 403 &&
    (headers['retry-after'] !== undefined ||
      String(headers['x-ratelimit-remaining']) === '0' ||
      /rate limit/i.test(messageOf(data)))
  )
}

/** `retry-after` in milliseconds: GitHub sends seconds, HTTP also allows a date. */
function retryAfterMs(value: string | number, now: number): number {
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds * 1000
  const date = Date.parse(String(value))
  return Number.isNaN(date) ? UNNAMED_WAIT_MS : date - now
}

/**
 * How long GitHub asks us to wait before sending the request again, in
 * milliseconds; undefined when the answer is not a rate limit.
 */
export function rateLimitWait(
  status: number,
  headers: Headers,
  data: unknown,
  now: number
): number | undefined {
  if (!isRateLimit(status, headers, data)) return undefined
  const retryAfter = headers['retry-after']
  if (retryAfter !== undefined) {
    return Math.max(0, retryAfterMs(retryAfter, now))
  }
  const reset = Number(headers['x-ratelimit-reset'])
  if (String(headers['x-ratelimit-remaining']) === '0' && reset > 0) {
    return Math.max(0, reset * 1000 - now)
  }
  return UNNAMED_WAIT_MS
}

/** The one-line failure for a wait the audit will not sit through. */
export function rateLimitError(waitMs: number, now: number): RateLimitError {
  const resetAt = new Date(now + waitMs)
  const time = resetAt.toISOString().replace(/\.\d+Z$/, 'Z')
  const minutes = Math.max(1, Math.round(waitMs / 60_000))
  return new RateLimitError(
    `GitHub's rate limit holds the token back until ${time} (about ${minutes} min); run the audit again after that, or use a token with a limit of its own, such as a GitHub App installation token.`,
    resetAt
  )
}
