import { createHash } from 'node:crypto'
import type { OrganizationAudit } from '../audit.js'
import { CATEGORIES, type Category, type Finding } from '../classify.js'

/**
 * What a tracking issue remembers between runs, hidden in its body as an
 * HTML comment: who was in each category when the body was last written.
 */
export interface IssueState {
  organization: string
  /** Sorted keys per category; absent when the lists were too long to keep. */
  findings?: Record<Category, string[]>
  /** Finding counts per category, always kept. */
  counts: Record<Category, number>
  /** Digest of the sorted keys, to tell a change when the lists are absent. */
  digest: string
}

/** Above this length the state keeps counts and digest only. */
export const STATE_LIMIT = 30_000

const STATE_PREFIX = '<!-- scim-audit:state '

/** The hidden line that makes an issue the tracking issue of `organization`. */
export function issueMarker(organization: string): string {
  return `<!-- scim-audit:issue organization=${organization.toLowerCase()} -->`
}

/** Whether `body` carries the marker of `organization`. */
export function isTrackingIssue(body: string, organization: string): boolean {
  return body
    .split(/\r?\n/)
    .some((line) => line.trim().toLowerCase() === issueMarker(organization))
}

/** The login of a finding, or the guid of an identity nobody claimed. */
export function findingKey(finding: Finding): string {
  return finding.login ?? finding.identity?.guid ?? ''
}

function sortedKeys(findings: Finding[]): string[] {
  return findings
    .map(findingKey)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
}

/** The state of an audit, as the next run will read it back. */
export function stateOf(audit: OrganizationAudit): IssueState {
  const findings = Object.fromEntries(
    CATEGORIES.map((c) => [c, sortedKeys(audit.classification.findings[c])])
  ) as Record<Category, string[]>
  const counts = Object.fromEntries(
    CATEGORIES.map((c) => [c, findings[c].length])
  ) as Record<Category, number>
  const digest = createHash('sha256')
    .update(JSON.stringify(findings).toLowerCase())
    .digest('hex')
  return { organization: audit.organization, findings, counts, digest }
}

/** JSON that cannot end the HTML comment it sits in. */
function commentSafe(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e')
}

/** The hidden state line; drops the lists when they would not fit. */
export function renderState(state: IssueState): string {
  const full = `${STATE_PREFIX}${commentSafe(state)} -->`
  if (full.length <= STATE_LIMIT) return full
  const summary: IssueState = { ...state, findings: undefined }
  return `${STATE_PREFIX}${commentSafe(summary)} -->`
}

function isStringLists(value: unknown): value is Record<Category, string[]> {
  if (typeof value !== 'object' || value === null) return false
  const lists = value as Record<string, unknown>
  return CATEGORIES.every(
    (c) =>
      Array.isArray(lists[c]) &&
      (lists[c] as unknown[]).every((k) => typeof k === 'string')
  )
}

/** Reads the state back from a body; undefined when absent or unreadable. */
export function parseState(body: string): IssueState | undefined {
  const line = body
    .split(/\r?\n/)
    .find((l) => l.startsWith(STATE_PREFIX) && l.trimEnd().endsWith('-->'))
  if (!line) return undefined
  try {
    const json = line.slice(STATE_PREFIX.length, line.lastIndexOf('-->'))
    const value = JSON.parse(json) as Partial<IssueState>
    if (typeof value.digest !== 'string') return undefined
    if (typeof value.organization !== 'string') return undefined
    return {
      organization: value.organization,
      ...(isStringLists(value.findings) ? { findings: value.findings } : {}),
      counts: (value.counts ?? {}) as Record<Category, number>,
      digest: value.digest
    }
  } catch {
    return undefined
  }
}
