import type { AuditRun } from '../src/audit.js'
import { classify } from '../src/classify.js'
import { exemptionTest } from '../src/exemptions.js'
import { buildCsv, csvField } from '../src/report/files.js'
import type { Identity, Roster } from '../src/roster.js'

function identity(login: string | null, overrides: Partial<Identity> = {}) {
  return {
    guid: `guid-${login ?? 'unclaimed'}`,
    nameId: `${login ?? 'new'}@example.com`,
    scimUsername: `${login ?? 'new'}@example.com`,
    scimName: null,
    emails: [],
    login,
    ...overrides
  }
}

function auditRun(roster: Roster): AuditRun {
  const at = new Date('2026-01-05T06:17:00Z')
  return {
    audits: [
      {
        organization: roster.organization,
        roster,
        classification: classify(roster, exemptionTest(['*-bot']))
      }
    ],
    startedAt: at,
    finishedAt: at,
    requests: 2,
    apiUrl: 'http://127.0.0.1:1'
  }
}

const roster: Roster = {
  organization: 'acme',
  source: 'organization',
  members: [
    { login: 'ada', name: null, role: 'ADMIN' },
    { login: 'grace', name: null, role: 'MEMBER' },
    { login: 'ci-bot', name: null, role: 'MEMBER' }
  ],
  identities: [
    identity('ada', { scimUsername: null, nameId: '=HYPERLINK("x")' }),
    identity(null),
    identity('grace')
  ]
}

function rows(csv: string): string[] {
  expect(csv.endsWith('\r\n')).toBe(true)
  return csv.slice(0, -2).split('\r\n')
}

describe('the CSV report', () => {
  it('has a header and one row per finding, with the SSO page of members', () => {
    expect(rows(buildCsv(auditRun(roster), true))).toEqual([
      'organization,category,login,role,nameId,scimUsername,ssoUrl,guid',
      `"acme","saml-without-scim","ada","admin","'=HYPERLINK(""x"")","","https://github.com/orgs/acme/people/ada/sso","guid-ada"`,
      '"acme","unlinked-identity","","","new@example.com","new@example.com","","guid-unclaimed"'
    ])
  })

  it('leaves NameID and SCIM userName empty when identity details are hidden', () => {
    expect(rows(buildCsv(auditRun(roster), false)).slice(1)).toEqual([
      '"acme","saml-without-scim","ada","admin","","","https://github.com/orgs/acme/people/ada/sso","guid-ada"',
      '"acme","unlinked-identity","","","","","","guid-unclaimed"'
    ])
  })

  it('is only a header when there is no finding', () => {
    const clean = { ...roster, identities: roster.identities.slice(2) }
    clean.members = [{ login: 'grace', name: null, role: 'MEMBER' }]
    expect(buildCsv(auditRun(clean), true)).toBe(
      'organization,category,login,role,nameId,scimUsername,ssoUrl,guid\r\n'
    )
  })
})

describe('a CSV field', () => {
  it.each([
    ['=1+1', `"'=1+1"`],
    ['+33 1', `"'+33 1"`],
    ['-x', `"'-x"`],
    ['@SUM(A1)', `"'@SUM(A1)"`]
  ])('defuses %j, which a spreadsheet would run as a formula', (raw, field) => {
    expect(csvField(raw)).toBe(field)
  })

  it('doubles quotes and keeps commas inside the quotes', () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"')
  })

  it('turns tabs, line breaks and other control characters into spaces', () => {
    expect(csvField('\tx')).toBe('" x"')
    expect(csvField('\rx')).toBe('" x"')
    expect(csvField('a\nb\u001b[0m')).toBe('"a b [0m"')
  })

  it('is empty for a missing value', () => {
    expect(csvField(null)).toBe('""')
    expect(csvField(undefined)).toBe('""')
  })
})
