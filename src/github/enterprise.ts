/** What the action reads from an enterprise: its identities and organizations. */
import { AccessError } from '../errors.js'
import type { Identity } from '../roster.js'
import type { GitHubClient } from './client.js'
import { toAccessError } from './diagnose.js'
import type { IdentityNode, IdentityReader } from './gather.js'
import { walk, type Connection } from './walk.js'
import { readIdentities, readOrganizationIdentities } from './readers.js'
import {
  ENTERPRISE_IDENTITIES_BACKWARD_QUERY,
  ENTERPRISE_IDENTITIES_QUERY,
  ENTERPRISE_ORGANIZATIONS_QUERY
} from './queries.js'

interface EnterpriseIdentityPage {
  enterprise: {
    ownerInfo: {
      samlIdentityProvider: {
        externalIdentities: Connection<IdentityNode>
      } | null
    } | null
  } | null
}

interface EnterpriseOrganizationPage {
  enterprise: { organizations: Connection<{ login: string }> } | null
}

function notFound(error: unknown, enterprise: string): Error {
  const errors = (error as { errors?: { type?: string }[] }).errors ?? []
  if (!errors.some((entry) => entry.type === 'NOT_FOUND')) {
    return toAccessError(error, enterprise)
  }
  return new AccessError(
    `Enterprise '${enterprise}' was not found; check the 'enterprise' input (the slug in github.com/enterprises/SLUG) and that the token has read:enterprise.`,
    enterprise,
    { cause: error }
  )
}

function notOwner(enterprise: string): AccessError {
  return new AccessError(
    `The token cannot read the enterprise '${enterprise}' as an owner; use a token of an enterprise owner with read:enterprise.`,
    enterprise
  )
}

/**
 * The pagination plugin finds no pageInfo when a level above the
 * connection is null: no SAML on the enterprise (null), or a token that is
 * not an enterprise owner's (no ownerInfo).
 */
function withoutConnection(error: unknown, enterprise: string): null {
  const failure = error as { name?: string; response?: unknown }
  if (failure.name !== 'MissingPageInfo') throw notFound(error, enterprise)
  const page = failure.response as EnterpriseIdentityPage
  if (!page.enterprise?.ownerInfo) throw notOwner(enterprise)
  if (page.enterprise.ownerInfo.samlIdentityProvider) {
    throw notFound(error, enterprise)
  }
  return null
}

/**
 * Every external identity of the enterprise's SAML provider; null when SAML
 * is not configured on the enterprise.
 */
export async function fetchEnterpriseIdentities(
  client: GitHubClient,
  enterprise: string
): Promise<Identity[] | null> {
  try {
    return await readIdentities(
      client,
      {
        forward: ENTERPRISE_IDENTITIES_QUERY,
        backward: ENTERPRISE_IDENTITIES_BACKWARD_QUERY
      },
      { enterprise },
      (page) =>
        (page as EnterpriseIdentityPage).enterprise?.ownerInfo
          ?.samlIdentityProvider?.externalIdentities,
      enterprise
    )
  } catch (error) {
    return withoutConnection(error, enterprise)
  }
}

/** Logins of every organization of the enterprise, lower-cased. */
export async function listEnterpriseOrganizations(
  client: GitHubClient,
  enterprise: string
): Promise<string[]> {
  try {
    const { items } = await walk<{ login: string }>(
      client,
      ENTERPRISE_ORGANIZATIONS_QUERY,
      { enterprise },
      (page) => (page as EnterpriseOrganizationPage).enterprise?.organizations
    )
    return items.map((organization) => organization.login.toLowerCase())
  } catch (error) {
    throw notFound(error, enterprise)
  }
}

/**
 * Identities of the enterprise's provider, read once for every organization
 * of the run. An organization with SAML of its own keeps its own provider.
 */
export function enterpriseReader(
  client: GitHubClient,
  enterprise: string
): IdentityReader {
  let shared: Promise<Identity[] | null> | undefined
  return async (_client, organization, checked) => {
    shared ??= fetchEnterpriseIdentities(client, enterprise)
    shared.catch(() => undefined)
    if ((await checked).samlOnOrganization) {
      return readOrganizationIdentities(client, organization, checked)
    }
    const identities = await shared
    if (!identities) {
      throw new AccessError(
        `SAML single sign-on is configured neither on the organization '${organization}' nor on the enterprise '${enterprise}'; configure it in one place, or correct the 'enterprise' input.`,
        organization
      )
    }
    return { identities, source: 'enterprise', enterprise }
  }
}
