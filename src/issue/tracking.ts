import type { AuditRun } from '../audit.js'
import { IssueError } from '../errors.js'
import type { GitHubClient } from '../github/client.js'
import type { Repository, Settings } from '../inputs.js'
import type { Logger } from '../logger.js'
import { code } from '../report/escape.js'
import { issueError } from './diagnose.js'
import {
  describePlan,
  planIssue,
  type IssuePlan,
  type TrackedIssue
} from './plan.js'
import {
  listIssues,
  readIssueRepository,
  type IssueRepository
} from './rest.js'
import { isTrackingIssue } from './state.js'

/** What the tracking issues need besides the settings and the audit. */
export interface TrackingContext {
  /** A client authenticated with `issue-token`. */
  client: GitHubClient
  log: Logger
  ranAt: Date
  /** The workflow run, linked from bodies and comments. */
  runUrl: string | undefined
}

/** The plans of every organization, or why the issues could not be read. */
export interface Tracking {
  repository: Repository
  plans: IssuePlan[]
  /** Raised once the audit has been reported everywhere else. */
  failure: IssueError | undefined
}

export function repositoryName(repository: Repository): string {
  return `${repository.owner}/${repository.repo}`
}

/**
 * Of the issues marked for `organization` by a trusted author, an open one,
 * then the oldest. Other authors' issues are logged and left alone.
 */
function trackedIssue(
  issues: TrackedIssue[],
  organization: string,
  log: Logger
) {
  const marked = issues.filter((i) => isTrackingIssue(i.body, organization))
  for (const issue of marked.filter((i) => !i.trusted)) {
    log.info(
      `Passing over #${issue.number}: it carries the marker of ${organization}, but its author cannot write to the repository.`
    )
  }
  return marked
    .filter((issue) => issue.trusted)
    .sort(
      (a, b) =>
        Number(a.state === 'closed') - Number(b.state === 'closed') ||
        a.number - b.number
    )[0]
}

function showDetails(settings: Settings, repository: IssueRepository) {
  if (settings.identityDetails !== 'auto') {
    return settings.identityDetails === 'always'
  }
  return repository.visibility !== 'public'
}

function privacyNote(settings: Settings, repository: Repository): string {
  const where = code(repositoryName(repository))
  return settings.identityDetails === 'never'
    ? 'NameIDs, SCIM userNames and e-mails are left out (`identity-details: never`); the lists carry logins only.'
    : `NameIDs, SCIM userNames and e-mails are left out because ${where} is public and anyone can read its issues (\`identity-details: auto\`); the lists carry logins only.`
}

async function readAndPlan(
  settings: Settings,
  run: AuditRun,
  context: TrackingContext,
  repository: Repository
): Promise<IssuePlan[]> {
  const found = await readIssueRepository(context.client, repository)
  if (!found.hasIssues) {
    throw issueError({ status: 410 }, repositoryName(repository), 'read issues')
  }
  const issues = await listIssues(
    context.client,
    repository,
    settings.issueLabels[0]
  )
  const where = settings.issueLabels[0]
    ? ` labelled ${settings.issueLabels[0]}`
    : ''
  context.log.info(
    `Read ${issues.length} issues${where} in ${repositoryName(repository)}.`
  )
  return run.audits.map((audit) =>
    planIssue(
      trackedIssue(issues, audit.organization, context.log),
      settings.issueTitle.replaceAll('{organization}', audit.organization),
      {
        audit,
        showDetails: showDetails(settings, found),
        privacyNote: privacyNote(settings, repository),
        ranAt: context.ranAt,
        runUrl: context.runUrl
      }
    )
  )
}

/**
 * Reads the existing tracking issues and plans each organization's change.
 * Only reads: a failure is kept for later so the audit is reported first.
 */
export async function prepareTracking(
  settings: Settings,
  run: AuditRun,
  context: TrackingContext
): Promise<Tracking> {
  const repository = settings.issueRepository as Repository
  const name = repositoryName(repository)
  return context.log.group(
    `Reading the tracking issues in ${name}`,
    async () => {
      try {
        const plans = await readAndPlan(settings, run, context, repository)
        for (const plan of plans) {
          context.log.info(
            `${plan.organization}: ${describePlan(plan, name, settings.dryRun)}`
          )
        }
        return { repository, plans, failure: undefined }
      } catch (error) {
        if (!(error instanceof IssueError)) throw error
        context.log.info(error.message)
        return { repository, plans: [], failure: error }
      }
    }
  )
}
