import { validate } from '@octokit/graphql-schema'
import { QUERIES } from '../src/github/queries.js'

describe('GraphQL documents', () => {
  it.each(Object.entries(QUERIES))(
    '%s is valid against GitHub’s published schema',
    (_name, query) => {
      expect(validate(query).map((error) => error.message)).toEqual([])
    }
  )

  it.each(Object.entries(QUERIES).filter(([, q]) => q.includes('$cursor')))(
    '%s pages a single connection through $cursor, forward or backward',
    (_name, query) => {
      expect(query.match(/(after|before): \$cursor/g)).toHaveLength(1)
      expect(query).toMatch(
        query.includes('after: $cursor')
          ? /pageInfo\s*{\s*hasNextPage\s+endCursor\s*}/
          : /pageInfo\s*{\s*hasPreviousPage\s+startCursor\s*}/
      )
    }
  )
})
