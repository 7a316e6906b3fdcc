import { classify, type Classification } from './classify.js'
import { exemptionTest } from './exemptions.js'
import { AccessError } from './errors.js'
import type { GitHubClient } from './github/client.js'
import {
  enterpriseReader,
  listEnterpriseOrganizations
} from './github/enterprise.js'
import { gatherRoster, type GatherOptions } from './github/gather.js'
import { explainServer } from './github/hosts.js'
import { readMembers, readOrganizationIdentities } from './github/readers.js'
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

/** Organizations read at once; their log groups still come out in order. */
export const CONCURRENT_ORGANIZATIONS = 3

function describeRoster(roster: Roster): string {
  const source =
    roster.source === 'enterprise'
      ? ` of the enterprise ${roster.enterprise}`
      : ''
  return `${roster.members.length} members and ${roster.identities.length} external identities${source}`
}

async function listOrganizations(
  enterprise: string,
  context: AuditContext
): Promise<string[]> {
  return context.log.group(
    `Listing the organizations of the enterprise ${enterprise}`,
    async () => {
      const logins = await listEnterpriseOrganizations(
        context.client,
        enterprise
      )
      if (logins.length === 0) {
        throw new AccessError(
          `The enterprise '${enterprise}' has no organization the token can see; list the organizations in the 'organization' input instead of "*".`,
          enterprise
        )
      }
      context.log.info(`Found ${logins.length}: ${logins.join(', ')}.`)
      return logins
    }
  )
}

/** The logins to audit: the input's list, or every organization for `*`. */
export async function organizationsToAudit(
  settings: Settings,
  context: AuditContext
): Promise<string[]> {
  const [first] = settings.organizations
  return first === '*' && settings.enterprise
    ? listOrganizations(settings.enterprise, context)
    : settings.organizations
}

function gatherOptions(settings: Settings, client: GitHubClient) {
  const { enterprise } = settings
  return {
    enterprise,
    readMembers,
    readIdentities: enterprise
      ? enterpriseReader(client, enterprise)
      : readOrganizationIdentities
  } satisfies GatherOptions
}

/**
 * Reads up to CONCURRENT_ORGANIZATIONS organizations at a time, and
 * reports and classifies them in the order given.
 */
async function auditAll(
  organizations: string[],
  settings: Settings,
  context: AuditContext
): Promise<OrganizationAudit[]> {
  const options = gatherOptions(settings, context.client)
  const rosters: Promise<Roster>[] = []
  const start = (index: number) => {
    const organization = organizations[index]
    if (organization === undefined) return
    rosters[index] = gatherRoster(context.client, organization, options)
    rosters[index].catch(() => undefined)
  }
  for (let i = 0; i < CONCURRENT_ORGANIZATIONS; i++) start(i)
  const audits: OrganizationAudit[] = []
  for (const [index, organization] of organizations.entries()) {
    const roster = await context.log.group(
      `Fetching members and external identities of ${organization}`,
      async () => {
        const roster = await (rosters[index] as Promise<Roster>)
        context.log.info(`Read ${describeRoster(roster)}.`)
        return roster
      }
    )
    start(index + CONCURRENT_ORGANIZATIONS)
    const classification = classify(roster, exemptionTest(settings.exemptUsers))
    audits.push({ organization, roster, classification })
  }
  return audits
}

/** Audits every organization of the settings. */
export async function runAudit(
  settings: Settings,
  context: AuditContext
): Promise<AuditRun> {
  const now = context.now ?? (() => new Date())
  const startedAt = now()
  const audits = await organizationsToAudit(settings, context)
    .then((organizations) => auditAll(organizations, settings, context))
    .catch((error: unknown) => {
      throw explainServer(error, context.apiUrl)
    })
  return {
    audits,
    startedAt,
    finishedAt: now(),
    requests: context.requestCount(),
    apiUrl: context.apiUrl
  }
}
