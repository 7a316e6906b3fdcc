/**
 * The identity pages form one cursor chain, and that chain is the critical
 * path of an audit. A second chain walking back from the end (`last`,
 * `before`) meets the first in the middle and halves it.
 */
import type { GitHubClient } from './client.js'
import {
  ConnectionChangedError,
  PAGE_SIZE,
  walk,
  type Connection,
  type Enough
} from './walk.js'

/** The same connection queried forward (`after`) and backward (`before`). */
export interface Directions {
  forward: string
  backward: string
}

interface Chain {
  read: number
  done: boolean
  failed: boolean
}

type Walked<T> = { items: T[]; totalCount: number | undefined }

/**
 * Stops a chain once what both chains hold, plus the page the other one is
 * still waiting for, covers the whole connection; or once the other failed.
 */
function meets<T>(self: Chain, other: Chain): Enough<T> {
  return (connection, read) => {
    self.read = read
    if (other.failed) return true
    const pending = other.done ? 0 : PAGE_SIZE
    return self.read + other.read + pending >= connection.totalCount
  }
}

function unique<T>(lists: T[][], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return lists.flat().filter((item) => {
    const id = key(item)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

async function walkChain<T>(
  run: (enough: Enough<T>) => Promise<Walked<T>>,
  self: Chain,
  other: Chain
): Promise<Walked<T>> {
  try {
    return await run(meets(self, other))
  } catch (error) {
    self.failed = true
    throw error
  } finally {
    self.done = true
  }
}

/** Settles once the forward chain's first page tells whether more follow. */
function firstPageSignal() {
  let settle: (more: boolean) => void = () => undefined
  const more = new Promise<boolean>((resolve) => (settle = resolve))
  return { more, settle: (value: boolean) => settle(value) }
}

/**
 * Walks a connection from both ends at once. The backward chain starts once
 * the first forward page shows there is a second, so a connection of one
 * page costs one request. When the two halves do not make up the
 * connection (it changed while being read, or the server ignored
 * `before`), the items are read again by the single forward chain.
 */
export async function walkBothWays<T>(
  client: GitHubClient,
  queries: Directions,
  variables: Record<string, unknown>,
  pick: (page: unknown) => Connection<T> | null | undefined,
  key: (item: T) => string
): Promise<Walked<T>> {
  const ahead: Chain = { read: 0, done: false, failed: false }
  const behind: Chain = { read: 0, done: false, failed: false }
  const signal = firstPageSignal()
  const chain = (query: string, self: Chain, other: Chain) =>
    walkChain<T>(
      (enough) =>
        walk(client, query, variables, pick, (connection, read) => {
          signal.settle(connection.pageInfo.hasNextPage === true)
          return enough(connection, read)
        }),
      self,
      other
    )
  const forward = chain(queries.forward, ahead, behind)
  const backward = signal.more.then((more) =>
    more ? chain(queries.backward, behind, ahead) : undefined
  )
  forward.finally(() => signal.settle(false)).catch(() => undefined)
  const [first, second] = await Promise.allSettled([forward, backward])
  if (first.status === 'rejected') {
    if (!(first.reason instanceof ConnectionChangedError)) throw first.reason
  } else if (second.status === 'fulfilled') {
    if (!second.value) return first.value
    const items = unique([first.value.items, second.value.items], key)
    const { totalCount } = first.value
    const agreed = second.value.totalCount === totalCount
    if (agreed && (totalCount === undefined || items.length === totalCount)) {
      return { items, totalCount }
    }
  }
  // Once more, forward only; a connection that moves again fails the audit.
  return walk(client, queries.forward, variables, pick)
}
