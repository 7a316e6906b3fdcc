/**
 * A fake of the parts of GitHub's API that scim-audit uses. GraphQL
 * documents are executed for real against GitHub's published schema, so a
 * wrong field fails here as it would on github.com. The same fake serves msw
 * tests and the loopback server of the demo, the end-to-end test and the
 * benchmark.
 */
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode
} from 'graphql'
import { githubSchema } from './schema.js'

export type Role = 'ADMIN' | 'MEMBER'

export interface FakeMember {
  login: string
  name?: string | null
  role: Role
}

export interface FakeIdentity {
  guid: string
  nameId?: string | null
  /** Undefined: no scimIdentity at all; null: SCIM present, userName null. */
  scimUsername?: string | null
  givenName?: string | null
  familyName?: string | null
  emails?: string[]
  /** Login of the linked account, or null when unclaimed. */
  login: string | null
}

export interface FakeOrganization {
  login: string
  members: FakeMember[]
  /** Null when SAML is not configured on the organization. */
  identities: FakeIdentity[] | null
  viewerCanAdminister?: boolean
}

export interface FakeEnterprise {
  slug: string
  organizations: string[]
  identities: FakeIdentity[] | null
}

export interface FakeRepository {
  owner: string
  repo: string
  visibility: 'public' | 'private' | 'internal'
}

export interface FakeRequest {
  method: string
  /** Path with query string, without the API base. */
  path: string
  headers: Record<string, string>
  body: string
}

export interface FakeResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export interface RecordedRequest {
  method: string
  path: string
  /** The GraphQL operation name, for GraphQL requests. */
  operation?: string
  variables?: Record<string, unknown>
  query?: string
}

type RouteHandler = (
  request: FakeRequest,
  params: string[]
) => FakeResponse | Promise<FakeResponse>

interface Route {
  method: string
  pattern: RegExp
  handler: RouteHandler
}

export function json(
  status: number,
  body: unknown,
  headers = {}
): FakeResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body)
  }
}

function encodeCursor(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString('base64')
}

function decodeCursor(cursor: string | null | undefined): number | undefined {
  if (cursor === null || cursor === undefined) return undefined
  const match = /^cursor:v2:(\d+)$/.exec(
    Buffer.from(cursor, 'base64').toString()
  )
  if (!match)
    throw new GraphQLError(
      `\`${cursor}\` does not appear to be a valid cursor.`
    )
  return Number(match[1])
}

interface ConnectionArgs {
  first?: number | null
  after?: string | null
  last?: number | null
  before?: string | null
}

/** A Relay connection over `items`, honouring first/after/last/before. */
export function connection<T, N>(
  items: T[],
  args: ConnectionArgs,
  toNode: (item: T) => N,
  toEdge: (item: T, cursor: string) => unknown = (item, cursor) => ({
    cursor,
    node: toNode(item)
  })
) {
  if (args.first == null && args.last == null) {
    throw new GraphQLError(
      'You must provide a `first` or `last` value to properly paginate the connection.'
    )
  }
  for (const n of [args.first, args.last]) {
    if (n != null && (n < 0 || n > 100)) {
      throw new GraphQLError(
        `Requesting ${n} records on the connection exceeds the \`first\` limit of 100 records.`
      )
    }
  }
  let start = (decodeCursor(args.after) ?? -1) + 1
  let end = decodeCursor(args.before) ?? items.length
  if (args.first != null) end = Math.min(end, start + args.first)
  if (args.last != null) start = Math.max(start, end - args.last)
  const slice = items
    .slice(start, end)
    .map((item, i) => ({ item, index: start + i }))
  return {
    totalCount: items.length,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length ? encodeCursor(start) : null,
      endCursor: slice.length ? encodeCursor(end - 1) : null
    },
    nodes: slice.map(({ item }) => toNode(item)),
    edges: slice.map(({ item, index }) => toEdge(item, encodeCursor(index)))
  }
}

function notFound(type: string, value: string, argument: string): GraphQLError {
  return new GraphQLError(
    `Could not resolve to ${type} with the ${argument} of '${value}'.`,
    { extensions: { type: 'NOT_FOUND' } }
  )
}

function userNode(login: string, name?: string | null) {
  return { login, name: name ?? null }
}

function emailList(emails: string[] | undefined) {
  return (emails ?? []).map((value, i) => ({
    value,
    primary: i === 0,
    type: 'work'
  }))
}

export function identityNode(identity: FakeIdentity) {
  return {
    guid: identity.guid,
    id: `EI_${identity.guid}`,
    samlIdentity: {
      nameId: identity.nameId ?? null,
      username: identity.nameId ?? null,
      emails: emailList(identity.emails),
      givenName: identity.givenName ?? null,
      familyName: identity.familyName ?? null,
      groups: null,
      attributes: []
    },
    scimIdentity:
      identity.scimUsername === undefined
        ? null
        : {
            username: identity.scimUsername,
            givenName: identity.givenName ?? null,
            familyName: identity.familyName ?? null,
            emails: emailList(identity.emails),
            groups: null
          },
    user: identity.login ? userNode(identity.login) : null,
    organizationInvitation: null
  }
}

function identityProvider(id: string, identities: FakeIdentity[]) {
  return {
    id,
    externalIdentities: (args: ConnectionArgs & { membersOnly?: boolean }) =>
      connection(identities, args, identityNode)
  }
}

/** Options of a whole fake server. */
export interface FakeOptions {
  /** When set, only these tokens are accepted; others get 401. */
  tokens?: string[]
}

export class FakeGitHub {
  readonly organizations = new Map<string, FakeOrganization>()
  readonly enterprises = new Map<string, FakeEnterprise>()
  readonly repositories = new Map<string, FakeRepository>()
  readonly requests: RecordedRequest[] = []
  private readonly routes: Route[] = []
  /** Parsed and validated documents, so a page costs only its execution. */
  private readonly documents = new Map<
    string,
    DocumentNode | readonly GraphQLError[]
  >()

  constructor(readonly options: FakeOptions = {}) {
    this.route('POST', /^\/graphql$/, (request) => this.graphql(request))
    this.route(
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)$/,
      (_request, [owner, repo]) => {
        const found = this.repository(owner as string, repo as string)
        return found
          ? json(200, {
              full_name: `${found.owner}/${found.repo}`,
              visibility: found.visibility,
              private: found.visibility !== 'public',
              has_issues: true
            })
          : json(404, { message: 'Not Found' })
      }
    )
  }

  addOrganization(organization: FakeOrganization): this {
    this.organizations.set(organization.login.toLowerCase(), organization)
    return this
  }

  addEnterprise(enterprise: FakeEnterprise): this {
    this.enterprises.set(enterprise.slug.toLowerCase(), enterprise)
    return this
  }

  addRepository(repository: FakeRepository): this {
    this.repositories.set(
      `${repository.owner}/${repository.repo}`.toLowerCase(),
      repository
    )
    return this
  }

  repository(owner: string, repo: string): FakeRepository | undefined {
    return this.repositories.get(`${owner}/${repo}`.toLowerCase())
  }

  /** Adds a REST route; later routes are tried first. */
  route(method: string, pattern: RegExp, handler: RouteHandler): this {
    this.routes.unshift({ method, pattern, handler })
    return this
  }

  /** Requests of one GraphQL operation, in the order they arrived. */
  operations(name: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operation === name)
  }

  async handle(request: FakeRequest): Promise<FakeResponse> {
    const [pathname = ''] = request.path.split('?')
    const auth = request.headers.authorization ?? ''
    const token = auth.replace(/^(token|bearer)\s+/i, '')
    if (this.options.tokens && !this.options.tokens.includes(token)) {
      this.requests.push({ method: request.method, path: pathname })
      return json(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest'
      })
    }
    for (const route of this.routes) {
      const match =
        route.method === request.method && route.pattern.exec(pathname)
      if (match) return route.handler(request, match.slice(1))
    }
    this.requests.push({ method: request.method, path: pathname })
    return json(404, { message: 'Not Found' })
  }

  private root() {
    return {
      organization: ({ login }: { login: string }) => {
        const org = this.organizations.get(login.toLowerCase())
        if (!org) throw notFound('an Organization', login, 'login')
        return this.organizationNode(org)
      },
      enterprise: ({ slug }: { slug: string }) => {
        const enterprise = this.enterprises.get(slug.toLowerCase())
        if (!enterprise) throw notFound('an Enterprise', slug, 'slug')
        return this.enterpriseNode(enterprise)
      }
    }
  }

  private organizationNode(org: FakeOrganization) {
    return {
      login: org.login,
      viewerCanAdminister: org.viewerCanAdminister ?? true,
      samlIdentityProvider: org.identities
        ? identityProvider(`OIP_${org.login}`, org.identities)
        : null,
      membersWithRole: (args: ConnectionArgs) =>
        connection(
          org.members,
          args,
          (m) => userNode(m.login, m.name),
          (m, cursor) => ({
            cursor,
            role: m.role,
            node: userNode(m.login, m.name)
          })
        )
    }
  }

  private enterpriseNode(enterprise: FakeEnterprise) {
    const organizations = enterprise.organizations
      .map((login) => this.organizations.get(login.toLowerCase()))
      .filter((org): org is FakeOrganization => org !== undefined)
    return {
      slug: enterprise.slug,
      ownerInfo: {
        samlIdentityProvider: enterprise.identities
          ? identityProvider(`EIP_${enterprise.slug}`, enterprise.identities)
          : null
      },
      organizations: (args: ConnectionArgs) =>
        connection(organizations, args, (org) => this.organizationNode(org))
    }
  }

  private document(query: string): DocumentNode | readonly GraphQLError[] {
    let document = this.documents.get(query)
    if (!document) {
      try {
        const parsed = parse(query)
        const errors = validate(githubSchema(), parsed)
        document = errors.length > 0 ? errors : parsed
      } catch (error) {
        document = [error as GraphQLError]
      }
      this.documents.set(query, document)
    }
    return document
  }

  private async graphql(request: FakeRequest): Promise<FakeResponse> {
    const { query, variables, operationName } = JSON.parse(
      request.body || '{}'
    ) as {
      query: string
      variables?: Record<string, unknown>
      operationName?: string
    }
    const operation =
      operationName ?? /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1]
    this.requests.push({
      method: 'POST',
      path: '/graphql',
      operation,
      variables,
      query
    })
    const document = this.document(query)
    const result = Array.isArray(document)
      ? { data: null, errors: document as readonly GraphQLError[] }
      : await execute({
          schema: githubSchema(),
          document: document as DocumentNode,
          rootValue: this.root(),
          variableValues: variables
        })
    const body: Record<string, unknown> = { data: result.data ?? null }
    if (result.errors?.length) {
      body.errors = result.errors.map((error) => ({
        ...(error.extensions?.type ? { type: error.extensions.type } : {}),
        path: error.path,
        locations: error.locations,
        message: error.message
      }))
    }
    return json(200, body)
  }
}
