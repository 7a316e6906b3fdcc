import type { AuditRun } from './audit.js'
import { CATEGORIES } from './classify.js'
import { totals } from './report/files.js'

/** Every output of action.yml, all set on every successful run. */
export const OUTPUT_NAMES = [
  'missing-count',
  'missing-logins',
  'member-count',
  'identity-count',
  'findings',
  'report-path',
  'report-csv-path',
  'issue-number',
  'issue-url',
  'status'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** Outputs the tracking issue sets; the audit sets all the others. */
export type IssueOutputName = 'issue-number' | 'issue-url'

/** The audit's outputs: totals across organizations and the report paths. */
export function auditOutputs(
  run: AuditRun,
  paths: { json: string; csv: string }
): Record<Exclude<OutputName, IssueOutputName>, string> {
  const sum = totals(run)
  const anyFinding = CATEGORIES.some((c) => (sum.findings[c] ?? 0) > 0)
  return {
    'missing-count': String(sum.missingCount),
    'missing-logins': JSON.stringify(sum.missingLogins),
    'member-count': String(sum.memberCount),
    'identity-count': String(sum.identityCount),
    findings: JSON.stringify(sum.findings),
    'report-path': paths.json,
    'report-csv-path': paths.csv,
    status: anyFinding ? 'findings' : 'clean'
  }
}
