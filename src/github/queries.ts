/**
 * Every GraphQL document the action sends. Paginated queries page one
 * connection each, through `$cursor`, as @octokit/plugin-paginate-graphql
 * requires; `__tests__/schema.test.ts` validates them all against GitHub's
 * published schema.
 */

export const PREFLIGHT_QUERY = `
query preflight($organization: String!) {
  organization(login: $organization) {
    login
    viewerCanAdminister
    samlIdentityProvider {
      id
    }
  }
}`

const FORWARD = `
        pageInfo {
          hasNextPage
          endCursor
        }`

/** Without hasNextPage, the pagination plugin follows startCursor back. */
const BACKWARD = `
        pageInfo {
          hasPreviousPage
          startCursor
        }`

const MEMBER_EDGES = `
      totalCount
      edges {
        role
        node {
          login
          name
        }
      }`

export const MEMBERS_QUERY = `
query members($organization: String!, $pageSize: Int!, $cursor: String) {
  organization(login: $organization) {
    membersWithRole(first: $pageSize, after: $cursor) {${FORWARD}${MEMBER_EDGES}
    }
  }
}`

/** The same members, walked from the end towards the start. */
export const MEMBERS_BACKWARD_QUERY = `
query membersBackward($organization: String!, $pageSize: Int!, $cursor: String) {
  organization(login: $organization) {
    membersWithRole(last: $pageSize, before: $cursor) {${BACKWARD}${MEMBER_EDGES}
    }
  }
}`

const IDENTITY_NODES = `
        totalCount
        nodes {
          guid
          samlIdentity {
            nameId
            username
            emails {
              value
            }
          }
          scimIdentity {
            username
            givenName
            familyName
            emails {
              value
            }
          }
          user {
            login
            name
          }
        }`

export const ORGANIZATION_IDENTITIES_QUERY = `
query organizationIdentities($organization: String!, $pageSize: Int!, $cursor: String) {
  organization(login: $organization) {
    samlIdentityProvider {
      externalIdentities(first: $pageSize, after: $cursor) {${FORWARD}${IDENTITY_NODES}
      }
    }
  }
}`

/** The same identities, walked from the end towards the start. */
export const ORGANIZATION_IDENTITIES_BACKWARD_QUERY = `
query organizationIdentitiesBackward($organization: String!, $pageSize: Int!, $cursor: String) {
  organization(login: $organization) {
    samlIdentityProvider {
      externalIdentities(last: $pageSize, before: $cursor) {${BACKWARD}${IDENTITY_NODES}
      }
    }
  }
}`

export const ENTERPRISE_IDENTITIES_QUERY = `
query enterpriseIdentities($enterprise: String!, $pageSize: Int!, $cursor: String) {
  enterprise(slug: $enterprise) {
    ownerInfo {
      samlIdentityProvider {
        externalIdentities(first: $pageSize, after: $cursor) {${FORWARD}${IDENTITY_NODES}
        }
      }
    }
  }
}`

export const ENTERPRISE_IDENTITIES_BACKWARD_QUERY = `
query enterpriseIdentitiesBackward($enterprise: String!, $pageSize: Int!, $cursor: String) {
  enterprise(slug: $enterprise) {
    ownerInfo {
      samlIdentityProvider {
        externalIdentities(last: $pageSize, before: $cursor) {${BACKWARD}${IDENTITY_NODES}
        }
      }
    }
  }
}`

export const ENTERPRISE_ORGANIZATIONS_QUERY = `
query enterpriseOrganizations($enterprise: String!, $cursor: String) {
  enterprise(slug: $enterprise) {
    organizations(first: 100, after: $cursor) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        login
      }
    }
  }
}`

/** All documents, by name, for the schema test. */
export const QUERIES = {
  preflight: PREFLIGHT_QUERY,
  members: MEMBERS_QUERY,
  membersBackward: MEMBERS_BACKWARD_QUERY,
  organizationIdentities: ORGANIZATION_IDENTITIES_QUERY,
  organizationIdentitiesBackward: ORGANIZATION_IDENTITIES_BACKWARD_QUERY,
  enterpriseIdentities: ENTERPRISE_IDENTITIES_QUERY,
  enterpriseIdentitiesBackward: ENTERPRISE_IDENTITIES_BACKWARD_QUERY,
  enterpriseOrganizations: ENTERPRISE_ORGANIZATIONS_QUERY
}
