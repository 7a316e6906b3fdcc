/**
 * The building blocks the job summary and the tracking issue share: the
 * headline, the counts table, finding rows and the remediation steps.
 */
import type { OrganizationAudit } from '../audit.js'
import { CATEGORIES, countFindings, type Finding } from '../classify.js'
import { CATEGORY_TEXT, REMEDIATION_STEPS } from './categories.js'
import { code, codeOrDash, loginLink } from './escape.js'

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

/** The fail-on reason of the action and the CLI, in singular or plural. */
export function membersMissing(count: number): string {
  return count === 1
    ? '1 member is missing SCIM metadata'
    : `${count} members are missing SCIM metadata`
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

/** Findings outside the headline's categories, e.g. identities. */
function otherFindings(audit: OrganizationAudit): number {
  const { findings, missing } = audit.classification
  const all = CATEGORIES.reduce((n, c) => n + findings[c].length, 0)
  return all - missing.length
}

export function headline(audit: OrganizationAudit): string {
  const { missing, memberCount } = audit.classification
  if (!audit.classification.scimAvailable) return coverageHeadline(audit)
  if (missing.length === 0) {
    const others = otherFindings(audit)
    const every = `every one of the ${plural(memberCount, 'member')} of ${code(audit.organization)} has SCIM metadata or is exempt`
    return others === 0
      ? `All clear: ${every}.`
      : `No member is missing SCIM metadata: ${every}. ${plural(others, 'other finding')} below.`
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

/**
 * What to do where only SAML link coverage is audited: SCIM steps would
 * not apply, since SCIM metadata does not exist there.
 */
export function coverageRemediation(): string[] {
  return [
    '## What to do',
    '',
    "1. Ask each member without a linked identity to sign in through the enterprise's single sign-on (`https://github.com/enterprises/SLUG/sso`); the link appears once they do.",
    '2. Members who should not have access can be removed from the organization directly.',
    ''
  ]
}
