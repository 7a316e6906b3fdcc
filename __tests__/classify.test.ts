import { classify, countFindings, hasScim } from '../src/classify.js'
import { exemptionTest } from '../src/exemptions.js'
import type { Identity, Member, Roster } from '../src/roster.js'

function member(login: string, role: Member['role'] = 'MEMBER'): Member {
  return { login, name: null, role }
}

function identity(
  login: string | null,
  overrides: Partial<Identity> = {}
): Identity {
  const user = login ?? 'nobody'
  return {
    guid: `guid-${user}`,
    nameId: `${user}@example.com`,
    scimUsername: `${user}@example.com`,
    scimName: null,
    emails: [],
    login,
    ...overrides
  }
}

function roster(
  members: Member[],
  identities: Identity[],
  source: Roster['source'] = 'organization'
): Roster {
  return { organization: 'acme', members, identities, source }
}

const none = exemptionTest([])

describe('classify', () => {
  it('finds nothing when every member has an identity with SCIM metadata', () => {
    const result = classify(roster([member('ada')], [identity('ada')]), none)
    expect(result.missing).toEqual([])
    expect(Object.values(countFindings(result)).every((n) => n === 0)).toBe(
      true
    )
  })

  it('puts each member and identity in the category of the contract', () => {
    const result = classify(
      roster(
        [
          member('no-scim'),
          member('null-scim'),
          member('empty-scim'),
          member('lonely', 'ADMIN'),
          member('mismatch'),
          member('ok')
        ],
        [
          identity('no-scim', { scimUsername: null }),
          identity('null-scim', { scimUsername: null }),
          identity('empty-scim', { scimUsername: '' }),
          identity('mismatch', { scimUsername: 'someone-else@example.com' }),
          identity('ok'),
          identity(null),
          identity(null, { guid: 'saml-only', scimUsername: null }),
          identity('gone')
        ]
      ),
      none
    )
    const logins = (key: keyof typeof result.findings) =>
      result.findings[key].map((f) => f.login ?? f.identity?.guid)
    expect(logins('saml-without-scim')).toEqual([
      'empty-scim',
      'no-scim',
      'null-scim'
    ])
    expect(logins('no-identity')).toEqual(['lonely'])
    expect(result.findings['no-identity'][0]?.role).toBe('ADMIN')
    expect(logins('unlinked-identity')).toEqual(['guid-nobody'])
    expect(logins('non-member-identity')).toEqual(['gone'])
    expect(logins('name-mismatch')).toEqual(['mismatch'])
    expect(result.missing).toEqual([
      'empty-scim',
      'lonely',
      'no-scim',
      'null-scim'
    ])
  })

  it('compares logins case-insensitively', () => {
    const result = classify(
      roster([member('Octo-Cat')], [identity('octo-cat')]),
      none
    )
    expect(result.findings['no-identity']).toEqual([])
    expect(result.findings['non-member-identity']).toEqual([])
  })

  it('ignores case and surrounding spaces when comparing NameID and userName', () => {
    const result = classify(
      roster(
        [member('ada')],
        [
          identity('ada', {
            nameId: ' ADA@Example.com ',
            scimUsername: 'ada@example.com'
          })
        ]
      ),
      none
    )
    expect(result.findings['name-mismatch']).toEqual([])
  })

  it('lists exempt members as exempt and never as missing', () => {
    const result = classify(
      roster(
        [member('deploy-bot'), member('svc-ci'), member('ada')],
        [identity('svc-ci', { scimUsername: null })]
      ),
      exemptionTest(['*-bot', 'SVC-*'])
    )
    expect(result.missing).toEqual(['ada'])
    expect(result.exempt.map((e) => [e.login, e.category])).toEqual([
      ['deploy-bot', 'no-identity'],
      ['svc-ci', 'saml-without-scim']
    ])
  })

  it('prefers a matching SCIM identity over a mismatched one for one account', () => {
    const result = classify(
      roster(
        [member('ada')],
        [
          identity('ada', { guid: 'a', scimUsername: 'other@example.com' }),
          identity('ada', { guid: 'b' })
        ]
      ),
      none
    )
    expect(result.findings['name-mismatch']).toEqual([])
  })

  it('prefers the identity with SCIM metadata when one account has two', () => {
    const result = classify(
      roster(
        [member('ada')],
        [
          identity('ada', { guid: 'a', scimUsername: null }),
          identity('ada', { guid: 'b' })
        ]
      ),
      none
    )
    expect(result.missing).toEqual([])
  })

  describe('with enterprise identities', () => {
    it('reports link coverage only when no identity carries SCIM metadata', () => {
      const result = classify(
        roster(
          [member('ada'), member('bob')],
          [
            identity('ada', { scimUsername: null }),
            identity('carol', { scimUsername: null })
          ],
          'enterprise'
        ),
        none
      )
      expect(result.scimAvailable).toBe(false)
      expect(result.findings['saml-without-scim']).toEqual([])
      expect(result.missing).toEqual(['bob'])
      expect(result.findings['non-member-identity']).toEqual([])
    })

    it('audits SCIM as for an organization when some identities carry it', () => {
      const result = classify(
        roster(
          [member('ada'), member('bob')],
          [
            identity('ada', { scimUsername: null }),
            identity('bob'),
            identity(null)
          ],
          'enterprise'
        ),
        none
      )
      expect(result.scimAvailable).toBe(true)
      expect(result.missing).toEqual(['ada'])
      expect(result.findings['unlinked-identity']).toEqual([])
    })
  })
})

describe('hasScim', () => {
  it.each([
    [null, false],
    ['', false],
    ['  ', true],
    ['ada@example.com', true]
  ])('treats a SCIM userName of %j as %s', (username, expected) => {
    expect(hasScim(identity('ada', { scimUsername: username }))).toBe(expected)
  })
})
