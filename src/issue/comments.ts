import { CATEGORIES, type Category } from '../classify.js'
import { CATEGORY_TEXT } from '../report/categories.js'
import { code } from '../report/escape.js'
import { auditReference } from './body.js'
import { deltaSize, type Delta } from './delta.js'
import { largestFitting } from './fit.js'

/** When and where the comment's audit ran. */
export interface CommentContext {
  organization: string
  ranAt: Date
  runUrl: string | undefined
}

function keyText(category: Category, key: string): string {
  return category === 'unlinked-identity' ? `identity ${code(key)}` : code(key)
}

function keyList(category: Category, keys: string[], cap: number): string {
  const shown = keys.slice(0, cap).map((k) => keyText(category, k))
  const more = keys.length - shown.length
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(', ')
}

function categoryLine(delta: Delta, category: Category, cap: number) {
  const added = delta.added[category]
  const resolved = delta.resolved[category]
  if (added.length + resolved.length === 0) return []
  const parts = [
    ...(added.length ? [`new ${keyList(category, added, cap)}`] : []),
    ...(resolved.length ? [`resolved ${keyList(category, resolved, cap)}`] : [])
  ]
  return [
    `- ${CATEGORY_TEXT[category].title} (\`${category}\`): ${parts.join('; ')}`
  ]
}

/**
 * Bullet lines naming who is new and who is resolved per category, at most
 * `cap` names per list; shared by comments and the job summary.
 */
export function deltaLines(delta: Delta, cap: number): string[] {
  if (!delta.named) {
    return [
      '- The earlier list was too long to keep in the issue, so the changes cannot be named; the body has the current list.'
    ]
  }
  return CATEGORIES.flatMap((c) => categoryLine(delta, c, cap))
}

function fitted(lead: string, delta: Delta): string {
  return largestFitting(
    (cap) => [lead, '', ...deltaLines(delta, cap)].join('\n').trim(),
    deltaSize(delta)
  )
}

/** The comment of a run whose findings differ from the last one's. */
export function changesComment(context: CommentContext, delta: Delta) {
  const when = auditReference(context.ranAt, context.runUrl)
  return fitted(`Changes found by ${when}:`, delta)
}

/** The comment that closes the issue when the audit comes back clean. */
export function closingComment(context: CommentContext, delta: Delta) {
  const when = auditReference(context.ranAt, context.runUrl)
  return fitted(
    `All clear: ${when} finds nothing to fix in ${code(context.organization)}, so this issue is closed. It is reopened if findings return.`,
    delta
  )
}

/** The comment that reopens the issue when findings return. */
export function reopeningComment(context: CommentContext, delta: Delta) {
  const when = auditReference(context.ranAt, context.runUrl)
  const lead = `Reopened: ${when} finds problems in ${code(context.organization)} again.`
  if (delta.changed) return fitted(lead, delta)
  return `${lead} They are the same as when the issue was closed; the body lists them.`
}
