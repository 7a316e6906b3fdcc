import type { AuditRun, OrganizationAudit } from '../audit.js'
import { CATEGORIES, type Category } from '../classify.js'
import {
  countsTable,
  coverageRemediation,
  findingHead,
  findingRow,
  headline,
  plural,
  remediation
} from './blocks.js'
import { CATEGORY_TEXT } from './categories.js'
import { code } from './escape.js'
import { largestFitting } from '../issue/fit.js'

/** GitHub rejects a step summary over 1 MiB; stay clear of it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000

export interface SummaryOptions {
  /** Whether NameIDs, SCIM userNames and e-mails may appear. */
  showDetails: boolean
  /** Extra Markdown per organization, such as the tracking issue's state. */
  sections?: Map<string, string>
}

function findingTable(
  audit: OrganizationAudit,
  category: Category,
  options: SummaryOptions,
  maxRows: number
): string[] {
  const findings = audit.classification.findings[category]
  if (findings.length === 0) return []
  const head = findingHead(options.showDetails)
  const rows = findings
    .slice(0, maxRows)
    .map((f) => findingRow(audit.organization, f, options.showDetails))
  const left = findings.length - rows.length
  const note =
    left > 0
      ? [
          ``,
          `${plural(left, 'row')} left out to keep the summary under GitHub's size limit; the JSON report has them all.`
        ]
      : []
  return [
    `### ${CATEGORY_TEXT[category].title} (\`${category}\`, ${findings.length})`,
    '',
    ...head,
    ...rows,
    ...note,
    ''
  ]
}

function exemptList(audit: OrganizationAudit, maxRows: number): string[] {
  const exempt = audit.classification.exempt
  if (exempt.length === 0) return []
  const shown = exempt.slice(0, maxRows).map((e) => code(e.login))
  const more =
    exempt.length > shown.length
      ? `, and ${exempt.length - shown.length} more`
      : ''
  return [`Exempt members (${exempt.length}): ${shown.join(', ')}${more}.`, '']
}

function scimNote(audit: OrganizationAudit): string[] {
  if (audit.classification.scimAvailable) return []
  return [
    `> [!NOTE]`,
    `> The identities come from the SAML provider of the enterprise ${code(audit.roster.enterprise ?? '')}, where SCIM metadata does not exist without Enterprise Managed Users. This section reports SAML link coverage: members with no linked identity are flagged; nobody is counted as missing SCIM for lacking SCIM metadata alone.`,
    ''
  ]
}

function organizationSection(
  audit: OrganizationAudit,
  options: SummaryOptions,
  maxRows: number
): string[] {
  return [
    `## ${code(audit.organization)}`,
    '',
    headline(audit),
    '',
    ...scimNote(audit),
    ...countsTable(audit),
    '',
    ...CATEGORIES.flatMap((c) => findingTable(audit, c, options, maxRows)),
    ...exemptList(audit, maxRows),
    ...(options.sections?.get(audit.organization)
      ? [options.sections.get(audit.organization) as string, '']
      : [])
  ]
}

function footer(run: AuditRun, options: SummaryOptions): string[] {
  const seconds = (
    (run.finishedAt.getTime() - run.startedAt.getTime()) /
    1000
  ).toFixed(1)
  const sources = [
    ...new Set(
      run.audits.map((a) =>
        a.roster.source === 'enterprise'
          ? `the enterprise ${code(a.roster.enterprise ?? '')}`
          : run.audits.length === 1
            ? 'the organization'
            : `the organization ${code(a.organization)}`
      )
    )
  ]
  const privacy = options.showDetails
    ? ''
    : ' NameIDs, SCIM userNames and e-mails are hidden (`identity-details`).'
  return [
    '---',
    '',
    `<sub>Audited ${run.startedAt.toISOString()} from the SAML identity ${sources.length === 1 ? 'provider' : 'providers'} of ${sources.join(', ')} through ${code(run.apiUrl)}, in ${plural(run.requests, 'request')} and ${seconds} s.${privacy}</sub>`,
    ''
  ]
}

function overallHeadline(run: AuditRun): string[] {
  if (run.audits.length === 1) return []
  const missing = run.audits.reduce(
    (n, a) => n + a.classification.missing.length,
    0
  )
  const members = run.audits.reduce(
    (n, a) => n + a.classification.memberCount,
    0
  )
  return [
    missing === 0
      ? `All clear across ${plural(run.audits.length, 'organization')} and ${plural(members, 'member')}.`
      : `${missing} of ${plural(members, 'member')} across ${plural(run.audits.length, 'organization')} ${missing === 1 ? 'is' : 'are'} missing SCIM metadata.`,
    ''
  ]
}

function render(
  run: AuditRun,
  options: SummaryOptions,
  maxRows: number
): string {
  const withFindings = run.audits.filter((a) =>
    CATEGORIES.some((c) => a.classification.findings[c].length > 0)
  )
  const steps = withFindings.some((a) => a.classification.scimAvailable)
    ? remediation()
    : coverageRemediation()
  return [
    '# SCIM audit',
    '',
    ...overallHeadline(run),
    ...run.audits.flatMap((audit) =>
      organizationSection(audit, options, maxRows)
    ),
    ...(withFindings.length > 0 ? steps : []),
    ...footer(run, options)
  ].join('\n')
}

/**
 * The job summary in Markdown. When every row does not fit under GitHub's
 * limit, each table is cut to the largest number of rows that fits, and
 * says so.
 */
export function renderSummary(run: AuditRun, options: SummaryOptions): string {
  const longest = Math.max(
    0,
    ...run.audits.flatMap((a) =>
      CATEGORIES.map((c) => a.classification.findings[c].length)
    ),
    ...run.audits.map((a) => a.classification.exempt.length)
  )
  return largestFitting(
    (maxRows) => render(run, options, maxRows),
    longest,
    SUMMARY_LIMIT_BYTES,
    Buffer.byteLength
  )
}
