import type { AuditRun } from '../audit.js'
import { CATEGORY_TEXT } from './categories.js'
import { oneLine } from './escape.js'

export interface Annotation {
  title: string
  message: string
}

/**
 * One warning per member missing SCIM metadata, at most `max`; when more
 * are affected, the last one summarizes the rest.
 */
export function buildAnnotations(run: AuditRun, max: number): Annotation[] {
  if (max <= 0) return []
  const many = run.audits.length > 1
  const all = run.audits.flatMap((audit) =>
    (['saml-without-scim', 'no-identity'] as const).flatMap((category) =>
      audit.classification.findings[category].map((finding) => ({
        title: `Missing SCIM metadata: ${oneLine(finding.login ?? '')}`,
        message: `${many ? `${audit.organization}/` : ''}${oneLine(finding.login ?? '')} (${finding.role?.toLowerCase()}) in ${audit.organization}: ${CATEGORY_TEXT[category].meaning} To fix: ${CATEGORY_TEXT[category].remedy}.`
      }))
    )
  )
  if (all.length <= max) return all
  const shown = all.slice(0, max - 1)
  const rest = all.length - shown.length
  return [
    ...shown,
    {
      title: `${rest} more members missing SCIM metadata`,
      message: `${rest} more members are missing SCIM metadata; the job summary and the JSON report list every one.`
    }
  ]
}
