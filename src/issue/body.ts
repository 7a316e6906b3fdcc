import type { OrganizationAudit } from '../audit.js'
import { CATEGORIES, type Category } from '../classify.js'
import { CATEGORY_TEXT } from '../report/categories.js'
import { code } from '../report/escape.js'
import {
  countsTable,
  findingHead,
  findingRow,
  headline,
  remediation
} from '../report/blocks.js'
import { largestFitting } from './fit.js'
import { issueMarker, renderState, stateOf } from './state.js'

/** What the body of one organization's tracking issue is made from. */
export interface BodyInput {
  audit: OrganizationAudit
  /** Whether NameIDs, SCIM userNames and e-mails may appear. */
  showDetails: boolean
  /** Why the details are hidden, shown when they are. */
  privacyNote: string
  ranAt: Date
  /** The workflow run that wrote the body, when known. */
  runUrl: string | undefined
}

/** Starts the one line that changes on every run, so it is left out of comparisons. */
const RAN_MARKER = '<!-- scim-audit:ran -->'

/** "the audit of <time> ([workflow run](url))", for bodies and comments. */
export function auditReference(ranAt: Date, runUrl: string | undefined) {
  const run = runUrl ? ` ([workflow run](${runUrl}))` : ''
  return `the audit of ${ranAt.toISOString()}${run}`
}

function categoryTable(input: BodyInput, category: Category, cap: number) {
  const { audit, showDetails } = input
  const findings = audit.classification.findings[category]
  if (findings.length === 0) return []
  return [
    `### ${CATEGORY_TEXT[category].title} (\`${category}\`, ${findings.length})`,
    '',
    ...findingHead(showDetails),
    ...findings
      .slice(0, cap)
      .map((f) => findingRow(audit.organization, f, showDetails)),
    ''
  ]
}

function leftOutNote(input: BodyInput, cap: number): string[] {
  const left = CATEGORIES.reduce(
    (n, c) =>
      n + Math.max(0, input.audit.classification.findings[c].length - cap),
    0
  )
  if (left === 0) return []
  const run = input.runUrl ? `[the run](${input.runUrl})` : 'the run'
  return [
    `> [!NOTE]`,
    `> ${left} findings are left out of the lists above to stay within GitHub's limit of 65,536 characters per issue. The job summary of ${run} and its JSON report (the \`report-path\` output) list them all.`,
    ''
  ]
}

function render(input: BodyInput, cap: number): string {
  const { audit } = input
  const anyFinding = CATEGORIES.some(
    (c) => audit.classification.findings[c].length > 0
  )
  return [
    issueMarker(audit.organization),
    `## SCIM audit of ${code(audit.organization)}`,
    '',
    headline(audit),
    '',
    ...(input.showDetails ? [] : [input.privacyNote, '']),
    ...countsTable(audit),
    '',
    ...CATEGORIES.flatMap((c) => categoryTable(input, c, cap)),
    ...leftOutNote(input, cap),
    ...(anyFinding ? remediation() : []),
    `${RAN_MARKER}<sub>Written by ${auditReference(input.ranAt, input.runUrl)}. Later audits that find the same leave this text as it is; each change arrives as a comment.</sub>`,
    renderState(stateOf(audit))
  ].join('\n')
}

/** The issue body, with lists cut to fit GitHub's limit when needed. */
export function renderBody(input: BodyInput): string {
  const longest = Math.max(
    ...CATEGORIES.map((c) => input.audit.classification.findings[c].length)
  )
  return largestFitting((cap) => render(input, cap), longest)
}

/** Whether two bodies say the same, apart from when they were written. */
export function sameContent(left: string, right: string): boolean {
  const content = (body: string) =>
    body
      .split(/\r?\n/)
      .filter((line) => !line.startsWith(RAN_MARKER))
      .join('\n')
      .trim()
  return content(left) === content(right)
}
