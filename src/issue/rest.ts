import type { GitHubClient } from '../github/client.js'
import type { Repository } from '../inputs.js'
import type { TrackedIssue } from './plan.js'
import { issueError } from './diagnose.js'

/** What the tracking needs to know about the issue repository. */
export interface IssueRepository {
  visibility: 'public' | 'private' | 'internal'
  hasIssues: boolean
}

const LABEL_COLOR = 'd93f0b'

/** Associations of the people who can write to the repository. */
const WRITERS = ['OWNER', 'MEMBER', 'COLLABORATOR']

/**
 * Anyone can copy the marker into an issue of a public repository, so only
 * a GitHub App (which opens issues only where it is installed) or a person
 * who can write may have written a tracking issue.
 */
function trustedAuthor(issue: {
  user: { type: string } | null
  author_association?: string
}): boolean {
  return (
    issue.user?.type === 'Bot' ||
    WRITERS.includes(issue.author_association ?? '')
  )
}

function name(repository: Repository): string {
  return `${repository.owner}/${repository.repo}`
}

/** Reads visibility and whether issues are enabled. */
export async function readIssueRepository(
  client: GitHubClient,
  repository: Repository
): Promise<IssueRepository> {
  try {
    const { data } = await client.rest.repos.get({ ...repository })
    const visibility = (data.visibility ??
      (data.private ? 'private' : 'public')) as IssueRepository['visibility']
    return { visibility, hasIssues: data.has_issues }
  } catch (error) {
    throw issueError(error, name(repository), 'read the repository')
  }
}

/**
 * Lists open and closed issues, filtered by the first label when there is
 * one so a busy repository costs few requests; pull requests are dropped.
 */
export async function listIssues(
  client: GitHubClient,
  repository: Repository,
  label: string | undefined
): Promise<TrackedIssue[]> {
  try {
    const issues = await client.paginate(client.rest.issues.listForRepo, {
      ...repository,
      state: 'all',
      per_page: 100,
      ...(label ? { labels: label } : {})
    })
    return issues
      .filter((issue) => !issue.pull_request)
      .map((issue) => ({
        number: issue.number,
        url: issue.html_url,
        state: issue.state === 'closed' ? 'closed' : 'open',
        body: issue.body ?? '',
        trusted: trustedAuthor(issue)
      }))
  } catch (error) {
    throw issueError(error, name(repository), 'list issues')
  }
}

/** Creates the labels that do not exist yet. */
export async function ensureLabels(
  client: GitHubClient,
  repository: Repository,
  labels: string[]
): Promise<void> {
  for (const label of labels) {
    try {
      await client.rest.issues.getLabel({ ...repository, name: label })
    } catch (error) {
      if ((error as { status?: number }).status !== 404) {
        throw issueError(error, name(repository), `read label '${label}'`)
      }
      await writing(repository, `create label '${label}'`, () =>
        client.rest.issues.createLabel({
          ...repository,
          name: label,
          color: LABEL_COLOR,
          description: 'Tracking issue of scim-audit'
        })
      )
    }
  }
}

/** Runs one write, turning what Octokit throws into an IssueError. */
export async function writing<T>(
  repository: Repository,
  what: string,
  write: () => Promise<T>
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    throw issueError(error, name(repository), what)
  }
}
