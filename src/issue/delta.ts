import { CATEGORIES, type Category } from '../classify.js'
import type { IssueState } from './state.js'

/** Who entered and who left each category since the state last written. */
export interface Delta {
  added: Record<Category, string[]>
  resolved: Record<Category, string[]>
  /** False when the earlier state kept counts only, so names are unknown. */
  named: boolean
  /** Whether the set of findings differs from the earlier state. */
  changed: boolean
}

function perCategory(make: (c: Category) => string[]) {
  return Object.fromEntries(CATEGORIES.map((c) => [c, make(c)])) as Record<
    Category,
    string[]
  >
}

function without(keys: string[], others: string[]): string[] {
  const known = new Set(others.map((k) => k.toLowerCase()))
  return keys.filter((k) => !known.has(k.toLowerCase()))
}

/**
 * Compares the current state with the earlier one. Without an earlier
 * state everybody is new; without its lists, only the digest tells.
 */
export function computeDelta(
  previous: IssueState | undefined,
  current: IssueState
): Delta {
  const now = current.findings ?? perCategory(() => [])
  if (previous && !previous.findings) {
    const empty = perCategory(() => [])
    const changed = previous.digest !== current.digest
    return { added: empty, resolved: empty, named: false, changed }
  }
  const before = previous?.findings ?? perCategory(() => [])
  const added = perCategory((c) => without(now[c], before[c]))
  const resolved = perCategory((c) => without(before[c], now[c]))
  const changed = CATEGORIES.some(
    (c) => added[c].length > 0 || resolved[c].length > 0
  )
  return { added, resolved, named: true, changed }
}

/** How many keys the delta names in total. */
export function deltaSize(delta: Delta): number {
  return CATEGORIES.reduce(
    (n, c) => n + delta.added[c].length + delta.resolved[c].length,
    0
  )
}
