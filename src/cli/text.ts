import type { AuditRun, OrganizationAudit } from '../audit.js'
import { CATEGORIES, countFindings, type Finding } from '../classify.js'
import { CATEGORY_TEXT } from '../report/categories.js'
import { oneLine } from '../report/escape.js'

/** Pads each column to its widest cell; the last column is not padded. */
export function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) =>
    Math.max(...rows.map((row) => [...(row[i] ?? '')].length))
  )
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)
      )
      .join('  ')
      .trimEnd()
  )
}

function headline(audit: OrganizationAudit): string {
  const { missing, memberCount } = audit.classification
  return missing.length === 0
    ? `${audit.organization}: all clear, every one of ${memberCount} members has SCIM metadata or is exempt.`
    : `${audit.organization}: ${missing.length} of ${memberCount} members ${missing.length === 1 ? 'is' : 'are'} missing SCIM metadata.`
}

function countLines(audit: OrganizationAudit): string[] {
  const counts = countFindings(audit.classification)
  return table([
    ['CATEGORY', 'COUNT'],
    ...[...CATEGORIES, 'exempt' as const].map((key) => [
      key,
      String(counts[key])
    ])
  ])
}

function findingCells(finding: Finding, showDetails: boolean): string[] {
  const who = finding.login ?? `guid ${finding.identity?.guid ?? '-'}`
  const cells = [who, finding.role?.toLowerCase() ?? 'not a member']
  if (!showDetails) return cells.map(oneLine)
  const identity = finding.identity
  return [...cells, identity?.nameId ?? '-', identity?.scimUsername ?? '-'].map(
    (cell) => oneLine(cell || '-')
  )
}

function categoryLines(audit: OrganizationAudit, showDetails: boolean) {
  return CATEGORIES.flatMap((category) => {
    const findings = audit.classification.findings[category]
    if (findings.length === 0) return []
    const head = [
      'ACCOUNT',
      'ROLE',
      ...(showDetails ? ['NAMEID', 'SCIM USERNAME'] : [])
    ]
    const text = CATEGORY_TEXT[category]
    return [
      '',
      `${text.title} (${category}, ${findings.length})`,
      `To fix: ${text.remedy}.`,
      ...table([
        head,
        ...findings.map((f) => findingCells(f, showDetails))
      ]).map((row) => `  ${row}`)
    ]
  })
}

function exemptLines(audit: OrganizationAudit): string[] {
  const exempt = audit.classification.exempt
  if (exempt.length === 0) return []
  return ['', `Exempt: ${exempt.map((e) => oneLine(e.login)).join(', ')}`]
}

function footer(run: AuditRun, showDetails: boolean): string {
  const seconds = (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000
  const hidden = showDetails ? '' : ' Identity details are hidden.'
  return `Audited ${run.startedAt.toISOString()} through ${run.apiUrl} in ${run.requests} requests and ${seconds.toFixed(1)} s.${hidden}`
}

/** The report for a terminal: a headline, counts and a table per category. */
export function renderText(run: AuditRun, showDetails: boolean): string {
  const sections = run.audits.map((audit) =>
    [
      headline(audit),
      '',
      ...countLines(audit),
      ...categoryLines(audit, showDetails),
      ...exemptLines(audit)
    ].join('\n')
  )
  return [...sections, footer(run, showDetails)].join('\n\n') + '\n'
}
