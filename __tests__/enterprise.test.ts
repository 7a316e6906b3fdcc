import { useFakeGitHub } from './helpers/fake-server.js'
import { runInProcess } from './helpers/in-process.js'
import { json, type FakeGitHub, type FakeIdentity } from './mock/github.js'

const TOKEN = 'ghp_enterpriseowner000000000000000000000'

function samlOnly(login: string): FakeIdentity {
  return { guid: `guid-${login}`, nameId: `${login}@acme.example`, login }
}

function withScim(login: string): FakeIdentity {
  return { ...samlOnly(login), scimUsername: `${login}@acme.example` }
}

/** Two organizations under one enterprise whose provider holds the identities. */
function loadEnterprise(fake: FakeGitHub): void {
  fake
    .addOrganization({
      login: 'acme-labs',
      identities: null,
      members: [
        { login: 'ada', role: 'ADMIN' },
        { login: 'alan', role: 'MEMBER' },
        { login: 'grace', role: 'MEMBER' }
      ]
    })
    .addOrganization({
      login: 'acme-research',
      identities: null,
      members: [
        { login: 'edsger', role: 'ADMIN' },
        { login: 'barbara', role: 'MEMBER' }
      ]
    })
    .addEnterprise({
      slug: 'acme',
      organizations: ['acme-labs', 'acme-research'],
      // grace and barbara never linked an identity; "outsider" belongs to
      // another organization of the enterprise, and one is unclaimed.
      identities: ['ada', 'alan', 'edsger', 'outsider'].map(samlOnly).concat({
        guid: 'guid-unclaimed',
        nameId: 'new@acme.example',
        login: null
      })
    })
    .addRepository({
      owner: 'acme-corp',
      repo: 'audits',
      visibility: 'private'
    })
}

const server = useFakeGitHub(loadEnterprise)

function audit(inputs: Record<string, string>) {
  return runInProcess({
    inputs: {
      organization: 'acme-labs',
      token: TOKEN,
      enterprise: 'acme',
      ...inputs
    }
  })
}

describe('enterprise SAML without SCIM metadata', () => {
  it('flags only members with no linked identity, and says SCIM does not exist there', async () => {
    const run = await audit({})
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      'grace'
    ])
    expect(JSON.parse(run.outputs.findings as string)).toEqual({
      'saml-without-scim': 0,
      'no-identity': 1,
      'unlinked-identity': 0,
      'non-member-identity': 0,
      'name-mismatch': 0,
      exempt: 0
    })
    expect(run.summary).toContain(
      '1 of 3 members of `acme-labs` has no linked SAML identity in the enterprise `acme`.'
    )
    expect(run.summary).toMatch(/SCIM metadata does not exist/)
    const report = (await run.readReport()) as {
      organizations: { identitySource: string; scimAvailable: boolean }[]
    }
    expect(report.organizations[0]).toMatchObject({
      identitySource: 'enterprise',
      scimAvailable: false
    })
  })

  it('reads the enterprise identities once for all its organizations', async () => {
    const run = await audit({ organization: 'acme-labs, acme-research' })
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      'acme-labs/grace',
      'acme-research/barbara'
    ])
    expect(run.outputs['identity-count']).toBe('5')
    const reads = server.fake.requests.filter((r) =>
      r.operation?.startsWith('enterpriseIdentities')
    )
    expect(reads.length).toBeLessThanOrEqual(2)
  })

  it('audits every organization of the enterprise for "*"', async () => {
    const run = await audit({ organization: '*' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['member-count']).toBe('5')
    expect(run.summary).toContain('## `acme-labs`')
    expect(run.summary).toContain('## `acme-research`')
    expect(run.stdout).toContain('Found 2: acme-labs, acme-research.')
  })
})

describe('enterprise SAML with SCIM metadata', () => {
  it('audits as for an organization, without flagging other organizations’ people', async () => {
    const enterprise = server.fake.enterprises.get('acme')
    if (enterprise) {
      enterprise.identities = [
        withScim('ada'),
        samlOnly('alan'),
        withScim('outsider'),
        { ...withScim('pending'), login: null }
      ]
    }
    const run = await audit({})
    expect(JSON.parse(run.outputs.findings as string)).toMatchObject({
      'saml-without-scim': 1,
      'no-identity': 1,
      'unlinked-identity': 0,
      'non-member-identity': 0
    })
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      'alan',
      'grace'
    ])
    expect(run.summary).toContain(
      '2 of 3 members of `acme-labs` are missing SCIM metadata'
    )
    expect(run.summary).not.toMatch(/SCIM metadata does not exist/)
  })
})

describe('enterprise failures', () => {
  it('keeps the enterprise hint when SAML is on neither and no enterprise is named', async () => {
    const run = await audit({ enterprise: '' })
    expect(run.annotations[0]?.message).toMatch(
      /SAML single sign-on is not configured on the organization 'acme-labs'; if SAML is configured on its enterprise, set the 'enterprise' input/
    )
  })

  it('names the enterprise that was not found', async () => {
    const run = await audit({ enterprise: 'acme-typo' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(
      /^Enterprise 'acme-typo' was not found; check the 'enterprise' input/
    )
  })

  it('says SAML is configured neither on the organization nor on the enterprise', async () => {
    const enterprise = server.fake.enterprises.get('acme')
    if (enterprise) enterprise.identities = null
    const run = await audit({})
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toBe(
      "SAML single sign-on is configured neither on the organization 'acme-labs' nor on the enterprise 'acme'; configure it in one place, or correct the 'enterprise' input."
    )
    expect(run.summary).toBe('')
  })

  it('asks for an enterprise owner’s token when the enterprise hides its owner view', async () => {
    server.filter = (request, respond) =>
      request.body.includes('query enterpriseIdentities')
        ? Promise.resolve(
            json(200, { data: { enterprise: { ownerInfo: null } } })
          )
        : respond()
    const run = await audit({})
    expect(run.annotations[0]?.message).toBe(
      "The token cannot read the enterprise 'acme' as an owner; use a token of an enterprise owner with read:enterprise."
    )
  })

  it('keeps an organization’s own SAML provider when the enterprise is named', async () => {
    const labs = server.fake.organizations.get('acme-labs')
    if (labs) labs.identities = [withScim('ada'), withScim('alan')]
    const run = await audit({})
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      'grace'
    ])
    const report = (await run.readReport()) as {
      organizations: { identitySource: string }[]
    }
    expect(report.organizations[0]?.identitySource).toBe('organization')
  })
})
