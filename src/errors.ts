/**
 * Every failure the action reports on purpose is one of these classes. Each
 * message is a single line that says what is wrong and what to do; the
 * entry layers print the message alone, never a stack trace.
 */

/** An input (or CLI flag) holds a value the action cannot use. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    /** The input's name as written in action.yml. */
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}

/** The token cannot read what the audit needs, or the target does not exist. */
export class AccessError extends Error {
  override name = 'AccessError'
  constructor(
    message: string,
    /** The organization (or enterprise) being read. */
    readonly target: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** The data read is not the whole roster, so no report may claim it is. */
export class IncompleteAuditError extends Error {
  override name = 'IncompleteAuditError'
  constructor(
    message: string,
    readonly target: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** GitHub's rate limit holds the token back longer than the audit waits. */
export class RateLimitError extends Error {
  override name = 'RateLimitError'
  constructor(
    message: string,
    /** When GitHub lets the token read again. */
    readonly resetAt: Date
  ) {
    super(message)
  }
}

/** Writing the tracking issue failed; the audit itself was reported. */
export class IssueError extends Error {
  override name = 'IssueError'
  constructor(
    message: string,
    /** `owner/repo` of the tracking issue. */
    readonly repository: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** One line for the log: the message of a known error, or a generic line. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const firstLine = error.message.split(/\r?\n/)[0]?.trim()
    return firstLine || error.name
  }
  return String(error)
}
