/** Readers of members and identities that walk each connection from both ends. */
import type { Identity, Member } from '../roster.js'
import { walkBothWays, type Directions } from './bidirectional.js'
import type { GitHubClient } from './client.js'
import {
  membersOf,
  toIdentity,
  toMembers,
  type IdentityNode,
  type IdentityPage,
  type IdentityReader,
  type MemberEdge
} from './gather.js'
import { checkComplete, type Connection } from './walk.js'
import {
  MEMBERS_BACKWARD_QUERY,
  MEMBERS_QUERY,
  ORGANIZATION_IDENTITIES_BACKWARD_QUERY,
  ORGANIZATION_IDENTITIES_QUERY
} from './queries.js'

/** Walks an identity connection from both ends and checks it is whole. */
export async function readIdentities(
  client: GitHubClient,
  queries: Directions,
  variables: Record<string, unknown>,
  pick: (page: unknown) => Connection<IdentityNode> | null | undefined,
  target: string
): Promise<Identity[]> {
  const { items, totalCount } = await walkBothWays(
    client,
    queries,
    variables,
    pick,
    (node) => node.guid
  )
  checkComplete('external identities', target, items.length, totalCount)
  return items.map(toIdentity)
}

/** The organization's own provider, walked from both ends. */
export const readOrganizationIdentities: IdentityReader = async (
  client,
  organization
) => ({
  identities: await readIdentities(
    client,
    {
      forward: ORGANIZATION_IDENTITIES_QUERY,
      backward: ORGANIZATION_IDENTITIES_BACKWARD_QUERY
    },
    { organization },
    (page) =>
      (page as IdentityPage).organization?.samlIdentityProvider
        ?.externalIdentities,
    organization
  ),
  source: 'organization'
})

/** Every member of the organization, with role. */
export async function readMembers(
  client: GitHubClient,
  organization: string
): Promise<Member[]> {
  const { items, totalCount } = await walkBothWays<MemberEdge>(
    client,
    { forward: MEMBERS_QUERY, backward: MEMBERS_BACKWARD_QUERY },
    { organization },
    membersOf,
    (edge) => edge.node?.login.toLowerCase() ?? ''
  )
  checkComplete('members', organization, items.length, totalCount)
  return toMembers(items)
}
