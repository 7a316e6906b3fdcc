import { classify, type Classification } from './classify.js'
import { exemptionTest } from './exemptions.js'
import type { GitHubClient } from './github/client.js'
import { gatherRoster } from './github/gather.js'
import type { Settings } from './inputs.js'
import type { Logger } from './logger.js'
import type { Roster } from './roster.js'

/** The audit of one organization. */
export interface OrganizationAudit {
  organization: string
  roster: Roster
  classification: Classification
}

/** Everything one run found, ready for every report format. */
export interface AuditRun {
  audits: OrganizationAudit[]
  startedAt: Date
  finishedAt: Date
  /** HTTP requests sent to GitHub, retries included. */
  requests: number
  /** GraphQL endpoint the data came from. */
  apiUrl: string
}

export interface AuditContext {
  client: GitHubClient
  log: Logger
  /** Reads the request counter of `client`. */
  requestCount: () => number
  apiUrl: string
  now?: () => Date
}

function describeRoster(roster: Roster): string {
  return `${roster.members.length} members and ${roster.identities.length} external identities`
}

/** Reads and classifies one organization. */
export async function auditOrganization(
  organization: string,
  settings: Settings,
  context: AuditContext
): Promise<OrganizationAudit> {
  const roster = await context.log.group(
    `Fetching members and external identities of ${organization}`,
    async () => {
      const roster = await gatherRoster(context.client, organization)
      context.log.info(`Read ${describeRoster(roster)}.`)
      return roster
    }
  )
  const classification = classify(roster, exemptionTest(settings.exemptUsers))
  return { organization, roster, classification }
}

/** Audits every organization of the settings, one after another. */
export async function runAudit(
  settings: Settings,
  context: AuditContext
): Promise<AuditRun> {
  const now = context.now ?? (() => new Date())
  const startedAt = now()
  const audits: OrganizationAudit[] = []
  for (const organization of settings.organizations) {
    audits.push(await auditOrganization(organization, settings, context))
  }
  return {
    audits,
    startedAt,
    finishedAt: now(),
    requests: context.requestCount(),
    apiUrl: context.apiUrl
  }
}
