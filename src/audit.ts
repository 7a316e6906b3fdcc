import {
  classify,
  countFindings,
  hasScim,
  type Classification
} from './classify.js'
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

function describeMembers(roster: Roster): string {
  const admins = roster.members.filter((m) => m.role === 'ADMIN').length
  return `Read ${roster.members.length} members (${admins} owners).`
}

function describeIdentities(roster: Roster): string {
  const source =
    roster.source === 'enterprise'
      ? ` from the enterprise ${roster.enterprise}`
      : ''
  const scim = roster.identities.filter(hasScim).length
  const linked = roster.identities.filter((i) => i.login !== null).length
  return `Read ${roster.identities.length} external identities${source}: ${scim} with SCIM metadata, ${linked} linked to an account.`
}

/**
 * Members and identities are read side by side, so their groups are
 * written once both are in, one group per phase.
 */
async function logRoster(roster: Roster, log: Logger): Promise<void> {
  const { organization } = roster
  await log.group(`Fetching members of ${organization}`, async () =>
    log.info(describeMembers(roster))
  )
  await log.group(`Fetching external identities of ${organization}`, async () =>
    log.info(describeIdentities(roster))
  )
}

function describeClassification(classification: Classification): string {
  const counts = Object.entries(countFindings(classification))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ')
  const missing = classification.missing.length
  return `${missing} of ${classification.memberCount} members missing SCIM metadata; ${counts}.`
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
    const roster = await (rosters[index] as Promise<Roster>)
    await logRoster(roster, context.log)
    start(index + CONCURRENT_ORGANIZATIONS)
    const classification = await context.log.group(
      `Classifying members and identities of ${organization}`,
      async () => {
        const result = classify(roster, exemptionTest(settings.exemptUsers))
        context.log.info(describeClassification(result))
        return result
      }
    )
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
