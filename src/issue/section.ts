import { code } from '../report/escape.js'
import type { IssueResult, TrackingOutcome } from './apply.js'
import { deltaLines } from './comments.js'
import { describePlan, type IssuePlan } from './plan.js'
import { repositoryName, type Tracking } from './tracking.js'

/** Names shown per list of the summary's delta; the issue has them all. */
const SUMMARY_DELTA_CAP = 50

function issueLink(plan: IssuePlan): string {
  return plan.issue ? `[#${plan.issue.number}](${plan.issue.url})` : 'none yet'
}

function planSection(plan: IssuePlan, tracking: Tracking, dryRun: boolean) {
  const name = repositoryName(tracking.repository)
  const compared = plan.issue !== undefined && plan.delta.changed
  return [
    '### Tracking issue',
    '',
    `Issue in ${code(name)}: ${issueLink(plan)}. ${describePlan(plan, name, dryRun)}`,
    '',
    ...(compared
      ? [
          'Since the last audit:',
          '',
          ...deltaLines(plan.delta, SUMMARY_DELTA_CAP),
          ''
        ]
      : [])
  ].join('\n')
}

/** The summary's Markdown per organization: the issue, the plan, the delta. */
export function trackingSections(
  tracking: Tracking,
  organizations: string[],
  dryRun: boolean
): Map<string, string> {
  const sections = new Map<string, string>()
  const failure = tracking.failure
  for (const organization of failure ? organizations : []) {
    sections.set(
      organization,
      `### Tracking issue\n\nLeft alone: ${failure?.message}\n`
    )
  }
  for (const plan of tracking.plans) {
    sections.set(plan.organization, planSection(plan, tracking, dryRun))
  }
  return sections
}

const DONE: Record<IssuePlan['action'], string> = {
  create: 'opened',
  update: 'updated',
  reopen: 'reopened',
  close: 'closed',
  none: 'left as it is'
}

function resultLine(plan: IssuePlan, result: IssueResult | undefined) {
  const link = result?.number
    ? `[#${result.number}](${result.url})`
    : 'the issue'
  return `- ${code(plan.organization)}: ${link} ${DONE[plan.action]}.`
}

/**
 * What was written, for the end of the summary, which was written before
 * the issues were; empty in a dry run or when nothing was written.
 */
export function outcomeLines(
  tracking: Tracking,
  outcome: TrackingOutcome,
  dryRun: boolean
): string[] {
  if (dryRun) return []
  const lines = tracking.plans
    .map((plan, i) => [plan, outcome.results[i]] as const)
    .filter(([, result]) => result?.written)
    .map(([plan, result]) => resultLine(plan, result))
  if (outcome.failure) {
    lines.push(`- Stopped: ${outcome.failure.message}`)
  } else if (lines.length === 0) {
    return []
  }
  return ['**Tracking issues**', '', ...lines, '']
}
