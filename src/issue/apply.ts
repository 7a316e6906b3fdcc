import { IssueError } from '../errors.js'
import type { Repository, Settings } from '../inputs.js'
import { issueError } from './diagnose.js'
import type { IssuePlan } from './plan.js'
import { ensureLabels, writing } from './rest.js'
import {
  repositoryName,
  type Tracking,
  type TrackingContext
} from './tracking.js'

/** The tracking issue of one organization after the run. */
export interface IssueResult {
  number: number | undefined
  url: string | undefined
  /** Whether this run wrote to the issue. */
  written: boolean
}

/** The issue of every organization, and the first write that failed. */
export interface TrackingOutcome {
  results: IssueResult[]
  failure: IssueError | undefined
}

async function create(
  plan: IssuePlan,
  settings: Settings,
  context: TrackingContext,
  repository: Repository
): Promise<IssueResult> {
  await ensureLabels(context.client, repository, settings.issueLabels)
  const { data } = await writing(repository, 'create an issue', () =>
    context.client.rest.issues.create({
      ...repository,
      title: plan.title,
      body: plan.body,
      labels: settings.issueLabels,
      assignees: settings.issueAssignees
    })
  )
  return { number: data.number, url: data.html_url, written: true }
}

type IssueChange = { body?: string } & (
  | { state?: undefined }
  | { state: 'open'; state_reason: 'reopened' }
  | { state: 'closed'; state_reason: 'completed' }
)

function changeOf(plan: IssuePlan): IssueChange {
  const body = plan.body === undefined ? {} : { body: plan.body }
  if (plan.action === 'reopen') {
    return { ...body, state: 'open', state_reason: 'reopened' }
  }
  if (plan.action === 'close') {
    return { ...body, state: 'closed', state_reason: 'completed' }
  }
  return body
}

/** Comments first, so a closing issue's last word says why. */
async function change(
  plan: IssuePlan,
  context: TrackingContext,
  repository: Repository
): Promise<IssueResult> {
  const issue = plan.issue as NonNullable<IssuePlan['issue']>
  const target = { ...repository, issue_number: issue.number }
  if (plan.comment !== undefined) {
    const body = plan.comment
    await writing(repository, `comment on issue #${issue.number}`, () =>
      context.client.rest.issues.createComment({ ...target, body })
    )
  }
  const update = changeOf(plan)
  if (Object.keys(update).length > 0) {
    await writing(repository, `update issue #${issue.number}`, () =>
      context.client.rest.issues.update({ ...target, ...update })
    )
  }
  return { number: issue.number, url: issue.url, written: true }
}

function existing(plan: IssuePlan): IssueResult {
  return { number: plan.issue?.number, url: plan.issue?.url, written: false }
}

/**
 * Carries out the plans in organization order; stops at the first failed
 * write. A dry run writes nothing and reports the issues as they are.
 */
export async function applyTracking(
  tracking: Tracking,
  settings: Settings,
  context: TrackingContext
): Promise<TrackingOutcome> {
  const results = tracking.plans.map(existing)
  if (settings.dryRun || tracking.failure) {
    return { results, failure: tracking.failure }
  }
  const name = repositoryName(tracking.repository)
  for (const [i, plan] of tracking.plans.entries()) {
    if (plan.action === 'none') continue
    try {
      results[i] = await context.log.group(
        `Writing the tracking issue of ${plan.organization} in ${name}`,
        () =>
          plan.action === 'create'
            ? create(plan, settings, context, tracking.repository)
            : change(plan, context, tracking.repository)
      )
    } catch (error) {
      return { results, failure: issueError(error, name, 'write the issue') }
    }
  }
  return { results, failure: undefined }
}

/** `issue-number` and `issue-url`: one per organization, comma separated. */
export function issueOutputs(outcome: TrackingOutcome | undefined) {
  const results = outcome?.results ?? []
  return {
    'issue-number': results.map((r) => r.number ?? '').join(','),
    'issue-url': results.map((r) => r.url ?? '').join(',')
  }
}
