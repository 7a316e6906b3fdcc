import type { AuditRun } from '../audit.js'
import { MISSING_CATEGORIES } from '../classify.js'
import { CATEGORY_TEXT } from './categories.js'
import { oneLine } from './escape.js'

export interface Annotation {
  title: string
  message: string
}

interface Missing {
  /** `login`, or `org/login` when several organizations are audited. */
  who: string
  annotation: Annotation
}

function missingMembers(run: AuditRun): Missing[] {
  const many = run.audits.length > 1
  return run.audits.flatMap((audit) =>
    MISSING_CATEGORIES.flatMap((category) =>
      audit.classification.findings[category].map((finding) => {
        const login = oneLine(finding.login ?? '')
        const who = many ? `${audit.organization}/${login}` : login
        const where = many ? '' : ` in ${audit.organization}`
        const text = CATEGORY_TEXT[category]
        return {
          who,
          annotation: {
            title: `Missing SCIM metadata: ${who}`,
            message: `${who} (${finding.role?.toLowerCase()})${where}: ${text.meaning} To fix: ${text.remedy}.`
          }
        }
      })
    )
  )
}

/** The last annotation: how many (more), naming the first few of them. */
function rest(missing: Missing[], afterOthers: boolean): Annotation {
  const named = missing.slice(0, 5).map((m) => m.who)
  const etc = missing.length > named.length ? ', …' : ''
  const count = `${missing.length}${afterOthers ? ' more' : ''}`
  const members = missing.length === 1 ? 'member' : 'members'
  const verb = missing.length === 1 ? 'is' : 'are'
  return {
    title: `${count} ${members} missing SCIM metadata`,
    message: `${count} ${members} ${verb} missing SCIM metadata (${named.join(', ')}${etc}); the job summary and the JSON report list every one.`
  }
}

/**
 * One warning per member missing SCIM metadata, at most `max`; when more
 * are affected, the last one summarizes the rest.
 */
export function buildAnnotations(run: AuditRun, max: number): Annotation[] {
  if (max <= 0) return []
  const missing = missingMembers(run)
  if (missing.length <= max) return missing.map((m) => m.annotation)
  const shown = missing.slice(0, max - 1)
  return [
    ...shown.map((m) => m.annotation),
    rest(missing.slice(max - 1), max > 1)
  ]
}
