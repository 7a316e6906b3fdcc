/** Reading a whole identity connection, from both ends. */
import type { Identity } from '../roster.js'
import { walkBothWays, type Directions } from './bidirectional.js'
import type { GitHubClient } from './client.js'
import {
  checkComplete,
  toIdentity,
  type Connection,
  type IdentityNode,
  type IdentityPage,
  type IdentityReader
} from './gather.js'
import {
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
