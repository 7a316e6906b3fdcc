import { schema as published } from '@octokit/graphql-schema'
import { buildClientSchema, type GraphQLSchema } from 'graphql'

let cached: GraphQLSchema | undefined

/** GitHub's published GraphQL schema, built once per process. */
export function githubSchema(): GraphQLSchema {
  cached ??= buildClientSchema(
    published.json as unknown as Parameters<typeof buildClientSchema>[0]
  )
  return cached
}
