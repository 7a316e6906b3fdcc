import { AccessError, IncompleteAuditError } from '../errors.js'
import type { Identity, Member, Role, Roster } from '../roster.js'
import type { GitHubClient } from './client.js'
import { toAccessError } from './diagnose.js'
import { PREFLIGHT_QUERY } from './queries.js'
import type { Connection } from './walk.js'

export interface MemberEdge {
  role: Role
  node: { login: string; name: string | null } | null
}

export interface IdentityNode {
  guid: string
  samlIdentity: {
    nameId: string | null
    username: string | null
    emails: { value: string }[] | null
  } | null
  scimIdentity: {
    username: string | null
    givenName: string | null
    familyName: string | null
    emails: { value: string }[] | null
  } | null
  user: { login: string; name: string | null } | null
}

interface PreflightResponse {
  organization: {
    login: string
    viewerCanAdminister: boolean
    samlIdentityProvider: { id: string } | null
  } | null
}

/** What the preflight learned about the organization. */
export interface Preflight {
  /** Whether SAML is configured on the organization itself. */
  samlOnOrganization: boolean
}

/**
 * Checks the organization exists, the token administers it, and SAML is on
 * it, or on `enterprise` when that is given.
 */
export async function preflight(
  client: GitHubClient,
  organization: string,
  enterprise: string | undefined
): Promise<Preflight> {
  let response: PreflightResponse
  try {
    response = await client.graphql<PreflightResponse>(PREFLIGHT_QUERY, {
      organization
    })
  } catch (error) {
    throw toAccessError(error, organization)
  }
  if (typeof response !== 'object' || response === null) {
    // A proxy or captive portal can answer 200 with an HTML page.
    throw new IncompleteAuditError(
      `GitHub's answer about '${organization}' was not GraphQL JSON; check that GITHUB_API_URL (or --api-url) points at the GitHub API and no proxy rewrites it, then run again.`,
      organization
    )
  }
  const org = response.organization
  if (!org) {
    throw new AccessError(
      `Organization '${organization}' was not found; check the 'organization' input and that the token's owner can see it.`,
      organization
    )
  }
  if (!org.viewerCanAdminister) {
    throw new AccessError(
      `The token cannot administer '${organization}'; use a token of an organization owner with the read:org scope (or a GitHub App with Members: read).`,
      organization
    )
  }
  if (!org.samlIdentityProvider && !enterprise) {
    throw new AccessError(
      `SAML single sign-on is not configured on the organization '${organization}'; if SAML is configured on its enterprise, set the 'enterprise' input to the enterprise slug.`,
      organization
    )
  }
  return { samlOnOrganization: org.samlIdentityProvider !== null }
}

export const membersOf = (page: unknown) =>
  (page as { organization: { membersWithRole: Connection<MemberEdge> } })
    .organization?.membersWithRole

export function toMembers(edges: MemberEdge[]): Member[] {
  return edges.flatMap((edge) =>
    edge.node
      ? [{ login: edge.node.login, name: edge.node.name, role: edge.role }]
      : []
  )
}

function emailsOf(node: IdentityNode): string[] {
  const list = node.scimIdentity?.emails?.length
    ? node.scimIdentity.emails
    : (node.samlIdentity?.emails ?? [])
  return list.map((email) => email.value)
}

function scimNameOf(node: IdentityNode): string | null {
  const parts = [node.scimIdentity?.givenName, node.scimIdentity?.familyName]
  const name = parts.filter((part) => part).join(' ')
  return name === '' ? null : name
}

export function toIdentity(node: IdentityNode): Identity {
  return {
    guid: node.guid,
    nameId: node.samlIdentity?.nameId ?? null,
    scimUsername: node.scimIdentity?.username ?? null,
    scimName: scimNameOf(node),
    emails: emailsOf(node),
    login: node.user?.login ?? null
  }
}

export type IdentityPage = {
  organization: {
    samlIdentityProvider: {
      externalIdentities: Connection<IdentityNode>
    } | null
  } | null
}

/** The external identities that apply to one organization, and their source. */
export type IdentitySet = Pick<Roster, 'identities' | 'source' | 'enterprise'>

/** Reads the identities of one organization while its preflight runs. */
export type IdentityReader = (
  client: GitHubClient,
  organization: string,
  checked: Promise<Preflight>
) => Promise<IdentitySet>

/** Reads the members of one organization. */
export type MemberReader = (
  client: GitHubClient,
  organization: string
) => Promise<Member[]>

export interface GatherOptions {
  /** Enterprise slug whose SAML provider may hold the identities. */
  enterprise?: string
  /** Reads the identities: the organization's own, or the enterprise's. */
  readIdentities: IdentityReader
  readMembers: MemberReader
}

/**
 * Reads one organization. The preflight runs beside the two walks, so it
 * costs no round trip; when it fails, its message wins over whatever the
 * walks ran into.
 */
export async function gatherRoster(
  client: GitHubClient,
  organization: string,
  options: GatherOptions
): Promise<Roster> {
  const checked = preflight(client, organization, options.enterprise)
  const members = options.readMembers(client, organization)
  const identities = options.readIdentities(client, organization, checked)
  members.catch(() => undefined)
  identities.catch(() => undefined)
  await checked
  try {
    return { organization, members: await members, ...(await identities) }
  } catch (error) {
    throw toAccessError(error, organization)
  }
}
