import { IssueError } from '../errors.js'

interface HttpLikeError {
  status?: number
  message?: string
}

/** The first line of Octokit's message, without its trailing docs link. */
function firstLine(text: string | undefined): string {
  const line = (text ?? '').split('\n')[0] ?? ''
  return line.replace(/\s+-\s+https?:\/\/\S+$/, '').trim() || 'no message'
}

/**
 * One actionable line for a failed issue request: the missing permission,
 * disabled issues or an unknown repository each name their fix.
 */
export function issueError(
  error: unknown,
  repository: string,
  what: string
): IssueError {
  if (error instanceof IssueError) return error
  const failure = (error ?? {}) as HttpLikeError
  const options = { cause: error }
  const messages: Record<number, string> = {
    401: `GitHub rejected the issue token (401 Bad credentials) while trying to ${what} in ${repository}; check the 'issue-token' input.`,
    403: `The issue token may not ${what} in ${repository} (403 ${firstLine(failure.message)}); give the job 'permissions: issues: write', or pass an 'issue-token' that can write issues there.`,
    404: `Repository ${repository} was not found with the issue token; check the 'issue-repository' input and that 'issue-token' can see the repository.`,
    410: `Issues are disabled in ${repository}; enable them under Settings > General > Features, or set 'issue-repository' to a repository with issues.`
  }
  const known = failure.status ? messages[failure.status] : undefined
  if (known) return new IssueError(known, repository, options)
  const status = failure.status ? ` (HTTP ${failure.status})` : ''
  return new IssueError(
    `Could not ${what} in ${repository}${status}: ${firstLine(failure.message)}; the audit was reported, so run it again later to bring the issue up to date.`,
    repository,
    options
  )
}
