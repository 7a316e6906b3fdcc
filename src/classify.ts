import type { ExemptionTest } from './exemptions.js'
import type { Identity, Member, Role, Roster } from './roster.js'

/** The categories of the contract, in the order reports show them. */
export const CATEGORIES = [
  'saml-without-scim',
  'no-identity',
  'unlinked-identity',
  'non-member-identity',
  'name-mismatch'
] as const
export type Category = (typeof CATEGORIES)[number]

/** Categories whose members count as missing SCIM metadata. */
export const MISSING_CATEGORIES: readonly Category[] = [
  'saml-without-scim',
  'no-identity'
]

export interface Finding {
  category: Category
  /** The account's login; null for an identity nobody claimed. */
  login: string | null
  /** The member's role; null when the account is not a member. */
  role: Role | null
  identity: Identity | null
}

/** A member matched by `exempt-users`, with what they would have been. */
export interface Exemption {
  login: string
  role: Role
  identity: Identity | null
  /** The category the member would be in without the exemption. */
  category: Category | null
}

export interface Classification {
  findings: Record<Category, Finding[]>
  /** Members matched by `exempt-users`, with their identity if any. */
  exempt: Exemption[]
  /** Logins of members missing SCIM metadata, sorted. */
  missing: string[]
  memberCount: number
  identityCount: number
  /**
   * False when the identities come from an enterprise provider that has no
   * SCIM metadata at all: only SAML link coverage can be audited there.
   */
  scimAvailable: boolean
}

/** An identity has SCIM metadata when its SCIM userName is non-empty. */
export function hasScim(identity: Identity): boolean {
  return (identity.scimUsername ?? '') !== ''
}

function normalized(value: string | null): string {
  return (value ?? '').trim().toLowerCase()
}

function isNameMismatch(identity: Identity): boolean {
  return (
    hasScim(identity) &&
    normalized(identity.nameId) !== '' &&
    normalized(identity.nameId) !== normalized(identity.scimUsername)
  )
}

/** How well an identity serves its account: SCIM that matches ranks first. */
function rank(identity: Identity): number {
  if (!hasScim(identity)) return 0
  return isNameMismatch(identity) ? 1 : 2
}

/** Linked identities by lower-cased login; the best ranked wins a tie. */
function identitiesByLogin(identities: Identity[]): Map<string, Identity> {
  const byLogin = new Map<string, Identity>()
  for (const identity of identities) {
    if (!identity.login) continue
    const key = identity.login.toLowerCase()
    const known = byLogin.get(key)
    if (!known || rank(identity) > rank(known)) byLogin.set(key, identity)
  }
  return byLogin
}

function emptyFindings(): Record<Category, Finding[]> {
  return Object.fromEntries(
    CATEGORIES.map((c) => [c, []])
  ) as unknown as Record<Category, Finding[]>
}

type Sortable = Pick<Finding, 'login' | 'identity'>

function byLoginThenGuid(a: Sortable, b: Sortable): number {
  const left = `${a.login?.toLowerCase() ?? '\uffff'} ${a.identity?.guid ?? ''}`
  const right = `${b.login?.toLowerCase() ?? '\uffff'} ${b.identity?.guid ?? ''}`
  return left < right ? -1 : left > right ? 1 : 0
}

function memberCategory(
  identity: Identity | undefined,
  scimAvailable: boolean
): Category | undefined {
  if (!identity) return 'no-identity'
  if (!hasScim(identity)) return scimAvailable ? 'saml-without-scim' : undefined
  return isNameMismatch(identity) ? 'name-mismatch' : undefined
}

function classifyMembers(
  members: Member[],
  byLogin: Map<string, Identity>,
  isExempt: ExemptionTest,
  result: Classification
): void {
  for (const member of members) {
    const identity = byLogin.get(member.login.toLowerCase())
    const finding = (category: Category): Finding => ({
      category,
      login: member.login,
      role: member.role,
      identity: identity ?? null
    })
    const category = memberCategory(identity, result.scimAvailable)
    if (isExempt(member.login)) {
      result.exempt.push({
        login: member.login,
        role: member.role,
        identity: identity ?? null,
        category: category ?? null
      })
    } else if (category) {
      result.findings[category].push(finding(category))
    }
  }
}

function classifyIdentities(
  identities: Identity[],
  memberLogins: Set<string>,
  result: Classification
): void {
  for (const identity of identities) {
    if (!identity.login) {
      if (hasScim(identity)) {
        result.findings['unlinked-identity'].push({
          category: 'unlinked-identity',
          login: null,
          role: null,
          identity
        })
      }
    } else if (!memberLogins.has(identity.login.toLowerCase())) {
      result.findings['non-member-identity'].push({
        category: 'non-member-identity',
        login: identity.login,
        role: null,
        identity
      })
    }
  }
}

/**
 * Sorts members and identities into the categories of the contract. With
 * enterprise identities, people of other organizations share the provider,
 * so identities without a member here are not findings.
 */
export function classify(
  roster: Roster,
  isExempt: ExemptionTest
): Classification {
  const scimAvailable =
    roster.source === 'organization' || roster.identities.some(hasScim)
  const result: Classification = {
    findings: emptyFindings(),
    exempt: [],
    missing: [],
    memberCount: roster.members.length,
    identityCount: roster.identities.length,
    scimAvailable
  }
  const byLogin = identitiesByLogin(roster.identities)
  classifyMembers(roster.members, byLogin, isExempt, result)
  if (roster.source === 'organization') {
    const logins = new Set(roster.members.map((m) => m.login.toLowerCase()))
    classifyIdentities(roster.identities, logins, result)
  }
  for (const list of Object.values(result.findings)) list.sort(byLoginThenGuid)
  result.exempt.sort(byLoginThenGuid)
  result.missing = MISSING_CATEGORIES.flatMap((category) =>
    result.findings[category].map((finding) => finding.login as string)
  ).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
  return result
}

/** Finding counts per category key, plus `exempt`. */
export function countFindings(
  classification: Classification
): Record<Category | 'exempt', number> {
  const counts = Object.fromEntries(
    CATEGORIES.map((c) => [c, classification.findings[c].length])
  ) as Record<Category | 'exempt', number>
  counts.exempt = classification.exempt.length
  return counts
}
