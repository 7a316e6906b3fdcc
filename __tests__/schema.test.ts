import { validate } from '@octokit/graphql-schema'
import * as documents from '../src/github/queries.js'
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

  it('validates every exported document, so none can skip the check', () => {
    const exported = Object.entries(documents)
      .filter(([name]) => name.endsWith('_QUERY'))
      .map(([, query]) => query)
    expect(new Set(Object.values(QUERIES))).toEqual(new Set(exported))
  })
})
