import type { AuditRun, OrganizationAudit } from '../src/audit.js'
import { classify } from '../src/classify.js'
import { exemptionTest } from '../src/exemptions.js'
import { renderSummary } from '../src/report/summary.js'
import type { Identity, Member, Roster } from '../src/roster.js'

function identity(login: string | null, scim: string | null): Identity {
  const name = login ?? 'nobody'
  return {
    guid: `guid-${name}`,
    nameId: `${name}@example.com`,
    scimUsername: scim,
    scimName: null,
    emails: [],
    login
  }
}

function audit(roster: Roster): OrganizationAudit {
  const classification = classify(roster, exemptionTest([]))
  return { organization: roster.organization, roster, classification }
}

/** The summary, with details, of a run over these rosters. */
function summaryOf(...rosters: Roster[]): string {
  return renderSummary(run(...rosters.map(audit)), { showDetails: true })
}

function run(...audits: OrganizationAudit[]): AuditRun {
  const at = new Date('2026-01-05T06:17:00Z')
  return {
    audits,
    startedAt: at,
    finishedAt: at,
    requests: 4,
    apiUrl: 'http://127.0.0.1:1/graphql'
  }
}

const ada: Member = { login: 'ada', name: null, role: 'MEMBER' }
const bob: Member = { login: 'bob', name: null, role: 'MEMBER' }

describe('the job summary', () => {
  it('does not say all clear when identities have findings', () => {
    const markdown = summaryOf({
      organization: 'acme',
      source: 'organization',
      members: [ada],
      identities: [
        identity('ada', 'ada@example.com'),
        identity(null, 'new@example.com')
      ]
    })
    expect(markdown).not.toContain('All clear')
    expect(markdown).toContain(
      'No member is missing SCIM metadata: every one of the 1 member of `acme` has SCIM metadata or is exempt. 1 other finding below.'
    )
  })

  it('gives sign-in steps, not SCIM steps, where only link coverage is audited', () => {
    const markdown = summaryOf({
      organization: 'acme',
      source: 'enterprise',
      enterprise: 'acme-ent',
      members: [ada, bob],
      identities: [identity('ada', null)]
    })
    expect(markdown).toContain(
      '1 of 2 members of `acme` has no linked SAML identity'
    )
    expect(markdown).toContain('sign in through the enterprise')
    expect(markdown).not.toContain('Provision on demand')
  })

  it('names each organization’s identity provider in the footer of a mixed run', () => {
    const markdown = summaryOf(
      {
        organization: 'acme',
        source: 'enterprise',
        enterprise: 'acme-ent',
        members: [ada],
        identities: [identity('ada', 'ada@example.com')]
      },
      {
        organization: 'labs',
        source: 'organization',
        members: [bob],
        identities: [identity('bob', 'bob@example.com')]
      }
    )
    expect(markdown).toContain(
      'from the SAML identity providers of the enterprise `acme-ent`, the organization `labs` through'
    )
  })
})
