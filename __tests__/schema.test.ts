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
    '%s pages a single connection through $cursor',
    (_name, query) => {
      expect(query.match(/after: \$cursor/g)).toHaveLength(1)
      expect(query).toMatch(/pageInfo\s*{\s*hasNextPage\s+endCursor\s*}/)
    }
  )
})
