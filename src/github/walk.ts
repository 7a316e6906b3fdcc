/**
 * Walking a paginated GraphQL connection to its end, whole or not at all:
 * any connection, through @octokit/plugin-paginate-graphql's iterator.
 */
import { IncompleteAuditError } from '../errors.js'
import type { GitHubClient } from './client.js'

/** Page sizes tried in turn when GitHub times out on a page. */
export const PAGE_SIZES = [100, 50, 25] as const
export const PAGE_SIZE = PAGE_SIZES[0]

export interface Connection<T> {
  totalCount: number
  /** Forward walks ask for the end cursor, backward walks for the start. */
  pageInfo: {
    hasNextPage?: boolean
    endCursor?: string | null
    hasPreviousPage?: boolean
    startCursor?: string | null
  }
  nodes?: (T | null)[]
  edges?: (T | null)[]
}

/** Fails the audit when a walk read fewer (or more) items than GitHub counts. */
export function checkComplete(
  what: string,
  organization: string,
  read: number,
  totalCount: number | undefined
): void {
  if (totalCount !== undefined && read !== totalCount) {
    throw new IncompleteAuditError(
      `Read ${read} ${what} of '${organization}' but GitHub reports ${totalCount}; the audit is incomplete, so no report was published. Run it again.`,
      organization
    )
  }
}

/**
 * A connection whose totalCount moved between pages: people joined or left
 * while it was read, so positions shifted and the pages may miss someone.
 */
export class ConnectionChangedError extends Error {
  override name = 'ConnectionChangedError'
  constructor(
    readonly before: number,
    readonly after: number
  ) {
    super(`the connection held ${before}, then ${after}`)
  }
}

/** GitHub's words when a query ran out of time on its side. */
export const TIMEOUT_MESSAGE = /Something went wrong while executing your query/

export function isQueryTimeout(error: unknown): boolean {
  const errors = (error as { errors?: { message?: string }[] } | null)?.errors
  return (
    Array.isArray(errors) &&
    errors.some((e) => TIMEOUT_MESSAGE.test(e.message ?? ''))
  )
}

interface Walked<T> {
  items: T[]
  totalCount: number | undefined
  /** Where the next page starts: the end cursor of the last page read. */
  cursor: string | null
  pages: number
}

/** Tells a walk after each page that it may stop before the next one. */
export type Enough<T> = (connection: Connection<T>, read: number) => boolean

/** Reads pages from `walked.cursor` on, adding to `walked` as they come. */
async function readPages<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  pick: (page: unknown) => Connection<T> | null | undefined,
  walked: Walked<T>,
  enough: Enough<T>
): Promise<void> {
  const pages = client.graphql.paginate.iterator(query, {
    ...variables,
    cursor: walked.cursor
  })
  for await (const page of pages) {
    const connection = pick(page)
    if (!connection && walked.pages > 0) {
      throw new Error(`the connection vanished after ${walked.pages} pages`)
    }
    if (!connection) return
    walked.pages += 1
    const before = walked.totalCount
    if (before !== undefined && before !== connection.totalCount) {
      throw new ConnectionChangedError(before, connection.totalCount)
    }
    walked.totalCount = connection.totalCount
    const { endCursor, startCursor } = connection.pageInfo
    walked.cursor = endCursor ?? startCursor ?? walked.cursor
    for (const item of connection.nodes ?? connection.edges ?? []) {
      if (item) walked.items.push(item)
    }
    if (enough(connection, walked.items.length)) return
  }
}

/**
 * Walks a paginated query and returns every node it yields, in order.
 * When GitHub times out on a page, that page and the rest are read in
 * smaller pages: 100, then 50, then 25. A connection that is null from the
 * start yields no items and no totalCount. When `enough` returns true after
 * a page, the walk stops before the next one.
 */
export async function walk<T>(
  client: GitHubClient,
  query: string,
  variables: Record<string, unknown>,
  pick: (page: unknown) => Connection<T> | null | undefined,
  enough: Enough<T> = () => false
): Promise<{ items: T[]; totalCount: number | undefined }> {
  const walked: Walked<T> = {
    items: [],
    totalCount: undefined,
    cursor: null,
    pages: 0
  }
  for (const [i, pageSize] of PAGE_SIZES.entries()) {
    try {
      await readPages(
        client,
        query,
        { ...variables, pageSize },
        pick,
        walked,
        enough
      )
      break
    } catch (error) {
      const smaller = PAGE_SIZES[i + 1]
      if (!smaller || !isQueryTimeout(error)) throw error
      client.log.info(
        `GitHub timed out on a page of ${pageSize}; reading on ${smaller} at a time.`
      )
    }
  }
  return { items: walked.items, totalCount: walked.totalCount }
}
