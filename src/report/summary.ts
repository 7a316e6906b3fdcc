import type { AuditRun, OrganizationAudit } from '../audit.js'
import {
  CATEGORIES,
  countFindings,
  type Category,
  type Finding
} from '../classify.js'
import { CATEGORY_TEXT, REMEDIATION_STEPS } from './categories.js'
import { code, codeOrDash, loginLink } from './escape.js'

/** GitHub rejects a step summary over 1 MiB; stay clear of it. */
export const SUMMARY_LIMIT_BYTES = 1_000_000

export interface SummaryOptions {
  /** Whether NameIDs, SCIM userNames and e-mails may appear. */
  showDetails: boolean
  /** Extra Markdown per organization, such as the tracking issue's state. */
  sections?: Map<string, string>
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** Without SCIM at enterprise level, only SAML link coverage is audited. */
function coverageHeadline(audit: OrganizationAudit): string {
  const { missing, memberCount } = audit.classification
  const members = `${plural(memberCount, 'member')} of ${code(audit.organization)}`
  const enterprise = `the enterprise ${code(audit.roster.enterprise ?? '')}`
  if (missing.length === 0) {
    return `All linked: every one of the ${members} has a SAML identity in ${enterprise} or is exempt.`
  }
  return `${missing.length} of ${members} ${missing.length === 1 ? 'has' : 'have'} no linked SAML identity in ${enterprise}.`
}

export function headline(audit: OrganizationAudit): string {
  const { missing, memberCount } = audit.classification
  if (!audit.classification.scimAvailable) return coverageHeadline(audit)
  if (missing.length === 0) {
    return `All clear: every one of the ${plural(memberCount, 'member')} of ${code(audit.organization)} has SCIM metadata or is exempt.`
  }
  return `${missing.length} of ${plural(memberCount, 'member')} of ${code(audit.organization)} ${missing.length === 1 ? 'is' : 'are'} missing SCIM metadata and will not be deprovisioned by SCIM.`
}

/** The table of counts per category, with meaning and remedy. */
export function countsTable(audit: OrganizationAudit): string[] {
  const counts = countFindings(audit.classification)
  const rows = CATEGORIES.map((category) => {
    const text = CATEGORY_TEXT[category]
    return `| \`${category}\` | ${counts[category]} | ${text.meaning} | ${text.remedy} |`
  })
  return [
    '| category | count | what it means | what to do |',
    '| --- | ---: | --- | --- |',
    ...rows,
    `| \`exempt\` | ${counts.exempt} | Members matched by \`exempt-users\`. | nothing: listed for the record |`
  ]
}

function detailColumns(finding: Finding, showDetails: boolean): string[] {
  if (!showDetails) return []
  const identity = finding.identity
  return [
    codeOrDash(identity?.nameId),
    codeOrDash(identity?.scimUsername),
    identity?.emails.length ? identity.emails.map(code).join(' ') : '—'
  ]
}

/** One table row: the account (linked to its SSO page), role, details. */
export function findingRow(
  organization: string,
  finding: Finding,
  showDetails: boolean
): string {
  const who = finding.login
    ? finding.role
      ? loginLink(organization, finding.login)
      : code(finding.login)
    : `guid ${codeOrDash(finding.identity?.guid)}`
  const role = finding.role ? finding.role.toLowerCase() : 'not a member'
  const cells = [who, role, ...detailColumns(finding, showDetails)]
  return `| ${cells.join(' | ')} |`
}

/** The header rows of a table of `findingRow`s. */
export function findingHead(showDetails: boolean): string[] {
  return showDetails
    ? [
        '| account | role | NameID | SCIM userName | e-mails |',
        '| --- | --- | --- | --- | --- |'
      ]
    : ['| account | role |', '| --- | --- |']
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

/** The remediation steps per identity provider. */
export function remediation(): string[] {
  return [
    '## What to do',
    '',
    ...REMEDIATION_STEPS.flatMap(({ provider, steps }) => [
      `**${provider}**`,
      '',
      ...steps.map((step, i) => `${i + 1}. ${step}`),
      ''
    ])
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
          ? `enterprise ${code(a.roster.enterprise ?? '')}`
          : 'organization'
      )
    )
  ]
  const privacy = options.showDetails
    ? ''
    : ' NameIDs, SCIM userNames and e-mails are hidden (`identity-details`).'
  return [
    '---',
    '',
    `<sub>Audited ${run.startedAt.toISOString()} from the SAML identity provider of the ${sources.join(' and ')} through ${code(run.apiUrl)}, in ${plural(run.requests, 'request')} and ${seconds} s.${privacy}</sub>`,
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
      : `${missing} of ${plural(members, 'member')} across ${plural(run.audits.length, 'organization')} are missing SCIM metadata.`,
    ''
  ]
}

function render(
  run: AuditRun,
  options: SummaryOptions,
  maxRows: number
): string {
  const anyFindings = run.audits.some((a) =>
    CATEGORIES.some((c) => a.classification.findings[c].length > 0)
  )
  return [
    '# SCIM audit',
    '',
    ...overallHeadline(run),
    ...run.audits.flatMap((audit) =>
      organizationSection(audit, options, maxRows)
    ),
    ...(anyFindings ? remediation() : []),
    ...footer(run, options)
  ].join('\n')
}

/**
 * The job summary in Markdown. When every row does not fit under GitHub's
 * limit, each table is cut to the same number of rows and says so.
 */
export function renderSummary(run: AuditRun, options: SummaryOptions): string {
  let maxRows = Number.MAX_SAFE_INTEGER
  for (;;) {
    const markdown = render(run, options, maxRows)
    if (Buffer.byteLength(markdown) <= SUMMARY_LIMIT_BYTES || maxRows === 0) {
      return markdown
    }
    const longest = Math.max(
      ...run.audits.flatMap((a) =>
        CATEGORIES.map((c) => a.classification.findings[c].length)
      ),
      ...run.audits.map((a) => a.classification.exempt.length)
    )
    maxRows = Math.floor(Math.min(maxRows, longest) / 2)
  }
}
