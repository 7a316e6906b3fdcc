import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { AuditRun, OrganizationAudit } from '../audit.js'
import { CATEGORIES, countFindings, type Finding } from '../classify.js'
import { oneLine, ssoUrl } from './escape.js'

export const REPORT_VERSION = 1

export interface FindingRecord {
  organization: string
  category: string
  login: string | null
  role: string | null
  ssoUrl: string | null
  guid: string | null
  nameId?: string | null
  scimUsername?: string | null
  emails?: string[]
}

function findingRecord(
  organization: string,
  finding: Finding,
  showDetails: boolean
): FindingRecord {
  const record: FindingRecord = {
    organization,
    category: finding.category,
    login: finding.login,
    role: finding.role?.toLowerCase() ?? null,
    ssoUrl:
      finding.login && finding.role
        ? ssoUrl(organization, finding.login)
        : null,
    guid: finding.identity?.guid ?? null
  }
  if (showDetails) {
    record.nameId = finding.identity?.nameId ?? null
    record.scimUsername = finding.identity?.scimUsername ?? null
    record.emails = finding.identity?.emails ?? []
  }
  return record
}

/** Every finding of one organization, in category order. */
export function findingRecords(
  audit: OrganizationAudit,
  showDetails: boolean
): FindingRecord[] {
  return CATEGORIES.flatMap((category) =>
    audit.classification.findings[category].map((finding) =>
      findingRecord(audit.organization, finding, showDetails)
    )
  )
}

function organizationReport(audit: OrganizationAudit, showDetails: boolean) {
  const { classification, roster } = audit
  return {
    organization: audit.organization,
    identitySource: roster.source,
    enterprise: roster.enterprise ?? null,
    scimAvailable: classification.scimAvailable,
    memberCount: classification.memberCount,
    identityCount: classification.identityCount,
    missingCount: classification.missing.length,
    missingLogins: classification.missing,
    counts: countFindings(classification),
    findings: findingRecords(audit, showDetails),
    exempt: classification.exempt.map((e) => ({
      login: e.login,
      role: e.role.toLowerCase(),
      wouldBe: e.category
    }))
  }
}

/** Identities read, counting an enterprise's shared provider once. */
function identitiesRead(run: AuditRun): number {
  const bySource = new Map<string, number>()
  for (const { roster, classification } of run.audits) {
    const source =
      roster.source === 'enterprise'
        ? `enterprise ${roster.enterprise}`
        : roster.organization
    bySource.set(source, classification.identityCount)
  }
  return [...bySource.values()].reduce((sum, n) => sum + n, 0)
}

/** Totals across organizations; logins carry `org/` when there are several. */
export function totals(run: AuditRun) {
  const many = run.audits.length > 1
  const counts = Object.fromEntries(
    [...CATEGORIES, 'exempt'].map((key) => [key, 0])
  ) as Record<string, number>
  for (const audit of run.audits) {
    for (const [key, n] of Object.entries(
      countFindings(audit.classification)
    )) {
      counts[key] = (counts[key] ?? 0) + n
    }
  }
  const missingLogins = run.audits.flatMap((a) =>
    a.classification.missing.map((login) =>
      many ? `${a.organization}/${login}` : login
    )
  )
  return {
    missingCount: missingLogins.length,
    missingLogins: many ? missingLogins.sort() : missingLogins,
    memberCount: run.audits.reduce(
      (n, a) => n + a.classification.memberCount,
      0
    ),
    identityCount: identitiesRead(run),
    findings: counts
  }
}

/** The JSON report: totals, then one entry per organization. */
export function buildReport(run: AuditRun, showDetails: boolean) {
  return {
    version: REPORT_VERSION,
    tool: 'scim-audit',
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    apiUrl: run.apiUrl,
    requests: run.requests,
    identityDetails: showDetails,
    ...totals(run),
    organizations: run.audits.map((a) => organizationReport(a, showDetails))
  }
}

/** The JSON report as written to disk, shared by the action and the CLI. */
export function reportJson(run: AuditRun, showDetails: boolean): string {
  return `${JSON.stringify(buildReport(run, showDetails), null, 2)}\n`
}

const CSV_COLUMNS = [
  'organization',
  'category',
  'login',
  'role',
  'nameId',
  'scimUsername',
  'ssoUrl',
  // The only handle on an identity nobody claimed when details are hidden.
  'guid'
] as const

/** A CSV field, quoted, and defused against spreadsheet formulas. */
export function csvField(value: string | null | undefined): string {
  // One line per row, and no terminal escape sequences when it is printed.
  let text = oneLine(value ?? '')
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replace(/"/g, '""')}"`
}

/** One row per finding; identity columns stay empty when details are hidden. */
export function buildCsv(run: AuditRun, showDetails: boolean): string {
  const rows = run.audits.flatMap((audit) =>
    findingRecords(audit, showDetails).map((record) =>
      CSV_COLUMNS.map((column) =>
        csvField(record[column] as string | null)
      ).join(',')
    )
  )
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n'
}

/** Writes the JSON and CSV reports into `directory`; returns their paths. */
export async function writeReports(
  directory: string,
  run: AuditRun,
  showDetails: boolean
): Promise<{ json: string; csv: string }> {
  await mkdir(directory, { recursive: true })
  const json = path.join(directory, 'scim-audit-report.json')
  const csv = path.join(directory, 'scim-audit-report.csv')
  await writeFile(json, reportJson(run, showDetails))
  await writeFile(csv, buildCsv(run, showDetails))
  return { json, csv }
}
