import { CATEGORIES } from '../classify.js'
import { code } from '../report/escape.js'
import { renderBody, sameContent, type BodyInput } from './body.js'
import {
  changesComment,
  closingComment,
  reopeningComment,
  type CommentContext
} from './comments.js'
import { computeDelta, type Delta } from './delta.js'
import { parseState, stateOf } from './state.js'

/** A tracking issue as read from GitHub. */
export interface TrackedIssue {
  number: number
  url: string
  state: 'open' | 'closed'
  body: string
  /** Whether its author could be this action or can write to its repository. */
  trusted: boolean
}

export type IssueAction = 'create' | 'update' | 'reopen' | 'close' | 'none'

/** What one run does to one organization's tracking issue. */
export interface IssuePlan {
  organization: string
  title: string
  action: IssueAction
  /** The existing tracking issue, if any. */
  issue: TrackedIssue | undefined
  /** The body to write; undefined when it stays as it is. */
  body: string | undefined
  /** The comment to post, if any. */
  comment: string | undefined
  delta: Delta
}

/** The state the issue remembers; another organization's counts as none. */
function previousState(issue: TrackedIssue | undefined, organization: string) {
  const state = issue ? parseState(issue.body) : undefined
  return state?.organization.toLowerCase() === organization.toLowerCase()
    ? state
    : undefined
}

/**
 * The transitions: findings open, update or reopen the issue; a clean
 * audit closes an open one. Nothing is written when nothing changed.
 */
export function planIssue(
  issue: TrackedIssue | undefined,
  title: string,
  input: BodyInput
): IssuePlan {
  const { audit } = input
  const delta = computeDelta(
    previousState(issue, audit.organization),
    stateOf(audit)
  )
  const context: CommentContext = { ...input, organization: audit.organization }
  const body = renderBody(input)
  const base = { organization: audit.organization, title, issue, delta }
  const none: IssuePlan = {
    ...base,
    action: 'none',
    body: undefined,
    comment: undefined
  }
  const findings = CATEGORIES.some(
    (c) => audit.classification.findings[c].length > 0
  )
  if (!issue) {
    return findings ? { ...none, action: 'create', body } : none
  }
  if (issue.state === 'closed') {
    if (!findings) return none
    const comment = reopeningComment(context, delta)
    return { ...base, action: 'reopen', body, comment }
  }
  if (!findings) {
    return {
      ...base,
      action: 'close',
      body,
      comment: closingComment(context, delta)
    }
  }
  const changedBody = sameContent(issue.body, body) ? undefined : body
  const comment = delta.changed ? changesComment(context, delta) : undefined
  const action = changedBody || comment ? 'update' : 'none'
  return { ...base, action, body: changedBody, comment }
}

function steps(plan: IssuePlan, repository: string): string[] {
  const ref = plan.issue ? `#${plan.issue.number}` : ''
  switch (plan.action) {
    case 'create':
      return [`open an issue titled ${code(plan.title)} in ${code(repository)}`]
    case 'reopen':
      return [`reopen ${ref}`, 'rewrite its body', 'comment why']
    case 'close':
      return [`close ${ref} with a comment`, 'rewrite its body as all clear']
    case 'update':
      return [
        ...(plan.body ? [`rewrite the body of ${ref}`] : []),
        ...(plan.comment ? [`comment the changes on ${ref}`] : [])
      ]
    case 'none':
      return []
  }
}

/** One sentence on what the run does, or would do in a dry run. */
export function describePlan(
  plan: IssuePlan,
  repository: string,
  dryRun: boolean
): string {
  const todo = steps(plan, repository)
  if (todo.length === 0) {
    return plan.issue
      ? `Tracking issue #${plan.issue.number} is current; nothing to change.`
      : 'No findings and no tracking issue; nothing to do.'
  }
  const last = todo.pop() as string
  const all = todo.length ? `${todo.join(', ')} and ${last}` : last
  return dryRun
    ? `Dry run: would ${all}; nothing was written.`
    : `This run will ${all}.`
}
