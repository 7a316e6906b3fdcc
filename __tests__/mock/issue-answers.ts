/** The issues FakeIssues keeps, and the JSON and errors GitHub answers with. */
import { json } from './github.js'

export interface FakeIssue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  stateReason: string | null
  labels: string[]
  assignees: string[]
  /** A login; one ending in `[bot]` is a GitHub App's. */
  author: string
  /** The author's `author_association` with the repository. */
  association: string
  comments: string[]
  /** An entry of the issues API that is a pull request. */
  pullRequest?: boolean
}

/** What a token may do with the issues of a repository. */
export type IssueAccess = 'write' | 'read' | 'none'

export interface FakeIssueRepository {
  issues: FakeIssue[]
  labels: Set<string>
  hasIssues: boolean
  /** Access per token; tokens not listed may write. */
  access: Map<string, IssueAccess>
}

export const NO_ACCESS = json(403, {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/issues',
  status: '403'
})
export const DISABLED = json(410, {
  message: 'Issues are disabled for this repo',
  documentation_url: 'https://docs.github.com/rest/issues/issues',
  status: '410'
})
export const NOT_FOUND = json(404, { message: 'Not Found', status: '404' })
export const TEXT_LIMIT = 65_536

export function tooLong(field: string, resource: string) {
  return json(422, {
    message: 'Validation Failed',
    errors: [
      {
        resource,
        code: 'custom',
        field,
        message: `${field} is too long (maximum is ${TEXT_LIMIT} characters)`
      }
    ],
    status: '422'
  })
}

/** An issue as the REST API shows it. */
export function issueJson(issue: FakeIssue, base: string) {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    html_url: `${base}/${issue.pullRequest ? 'pull' : 'issues'}/${issue.number}`,
    labels: issue.labels.map((name) => ({ name })),
    assignees: issue.assignees.map((login) => ({ login })),
    user: {
      login: issue.author,
      type: issue.author.endsWith('[bot]') ? 'Bot' : 'User'
    },
    author_association: issue.association,
    comments: issue.comments.length,
    ...(issue.pullRequest
      ? { pull_request: { url: `${base}/pull/${issue.number}` } }
      : {})
  }
}
