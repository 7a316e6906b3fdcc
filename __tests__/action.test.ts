import { loadSample, SAMPLE_EXPECTED } from './mock/sample.js'
import { generatedOrganization } from './helpers/generate.js'
import { runInProcess } from './helpers/in-process.js'
import { useFakeGitHub } from './helpers/fake-server.js'

const github = useFakeGitHub(loadSample)

const TOKEN = 'ghp_ownertoken0000000000000000000000000'

function audit(inputs: Record<string, string> = {}, repository?: string) {
  return runInProcess({
    inputs: {
      organization: 'acme-corp',
      token: TOKEN,
      'exempt-users': '*-bot',
      ...inputs
    },
    repository
  })
}

describe('a whole run', () => {
  it('reports every category of the sample organization in outputs, summary and annotations', async () => {
    const run = await audit()
    expect(run.exitCode).toBe(0)
    expect(run.outputs['missing-count']).toBe(
      String(SAMPLE_EXPECTED.missingLogins.length)
    )
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual(
      SAMPLE_EXPECTED.missingLogins
    )
    expect(JSON.parse(run.outputs.findings as string)).toEqual(
      SAMPLE_EXPECTED.findings
    )
    expect(run.outputs['member-count']).toBe(
      String(SAMPLE_EXPECTED.memberCount)
    )
    expect(run.outputs['identity-count']).toBe(
      String(SAMPLE_EXPECTED.identityCount)
    )
    expect(run.outputs.status).toBe('findings')
    expect(run.summary).toContain(
      '4 of 27 members of `acme-corp` are missing SCIM metadata'
    )
    expect(run.summary).toContain(
      '[`hedy-lamarr`](https://github.com/orgs/acme-corp/people/hedy-lamarr/sso)'
    )
    expect(run.annotations.map((a) => a.title)).toEqual(
      [
        'claude-shannon',
        'hedy-lamarr',
        'katherine-johnson',
        'john-mccarthy'
      ].map((l) => `Missing SCIM metadata: ${l}`)
    )
    const logged = run.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
    expect(logged.join('\n')).not.toContain(TOKEN)
  })

  it('writes a JSON report that agrees with the outputs', async () => {
    const run = await audit()
    const report = (await run.readReport()) as Record<string, unknown>
    expect(report.missingLogins).toEqual(SAMPLE_EXPECTED.missingLogins)
    expect(report.findings).toEqual(SAMPLE_EXPECTED.findings)
  })

  it('pages through members and identities and stays within the request budget', async () => {
    github.fake.addOrganization(
      generatedOrganization('big-org', 250, (i, _m, identity) => {
        if (i % 100 === 7) identity.scimUsername = undefined
      })
    )
    github.fake.organizations.get('big-org')?.identities?.push({
      guid: 'extra',
      scimUsername: 'x@example.com',
      login: null
    })
    const run = await audit({ organization: 'big-org' })
    expect(run.outputs['missing-logins']).toBe(
      '["user-000007","user-000107","user-000207"]'
    )
    expect(run.outputs['identity-count']).toBe('251')
    const memberPages = [
      ...github.fake.operations('members'),
      ...github.fake.operations('membersBackward')
    ]
    expect(memberPages.map((r) => r.variables?.pageSize)).toEqual([
      100, 100, 100
    ])
    expect(
      github.fake.operations('organizationIdentities').length +
        github.fake.operations('organizationIdentitiesBackward').length
    ).toBe(3)
    expect(github.fake.requests.length).toBeLessThanOrEqual(3 + 3 + 4)
  })

  it('audits 10,000 members within the request budget and cuts the summary to fit', async () => {
    github.fake.addOrganization(
      generatedOrganization('huge-org', 10_000, (_i, _member, identity) => {
        identity.scimUsername = undefined
      })
    )
    const run = await audit({ organization: 'huge-org' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['missing-count']).toBe('10000')
    expect(github.fake.requests.length).toBeLessThanOrEqual(100 + 100 + 4)
    const bytes = Buffer.byteLength(run.summary)
    expect(bytes).toBeLessThanOrEqual(1_000_001)
    expect(bytes).toBeGreaterThan(900_000)
    const left =
      /(\d+) rows left out to keep the summary under GitHub's size limit/.exec(
        run.summary
      )
    const rows = run.summary
      .split('\n')
      .filter((l) => l.startsWith('| [`user-'))
    expect(Number(left?.[1]) + rows.length).toBe(10_000)
    expect(run.summary.trimEnd().endsWith('</sub>')).toBe(true)
  })

  it('says all clear and reports status clean when nobody is affected', async () => {
    github.fake.addOrganization(generatedOrganization('tidy-org', 5))
    const run = await audit({ organization: 'tidy-org', 'fail-on': 'any' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.status).toBe('clean')
    expect(run.summary).toContain('All clear')
    expect(run.annotations).toEqual([])
  })
})

describe('preflight failures', () => {
  it('names an unknown organization', async () => {
    const run = await audit({ organization: 'no-such-org' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringMatching(
          /^Organization 'no-such-org' was not found/
        )
      })
    ])
    expect(run.outputs).toEqual({})
  })

  it('tells a non-owner to use an owner’s token', async () => {
    const org = github.fake.organizations.get('acme-corp')
    if (org) org.viewerCanAdminister = false
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(
      /cannot administer 'acme-corp'.*organization owner.*read:org/
    )
  })

  it('points to the enterprise input when SAML is not on the organization', async () => {
    const org = github.fake.organizations.get('acme-corp')
    if (org) org.identities = null
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(
      /SAML single sign-on is not configured.*'enterprise' input/
    )
    expect(run.summary).toBe('')
  })

  it('rejects a bad input before sending any request', async () => {
    const run = await audit({ 'fail-on': 'sometimes' })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toBe(
      'Input \'fail-on\' is "sometimes"; use one of: never, missing, any.'
    )
    expect(github.fake.requests).toEqual([])
  })
})

describe('policy inputs', () => {
  it('fails the step on fail-on: missing after everything is reported', async () => {
    const run = await audit({ 'fail-on': 'missing' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs['missing-count']).toBe('4')
    expect(run.summary).toContain('# SCIM audit')
    expect(run.annotations.at(-1)).toMatchObject({
      level: 'error',
      message: expect.stringMatching(
        /4 members are missing SCIM metadata \(fail-on: missing\)/
      )
    })
  })

  it('fails with "1 member is missing" when only one member is', async () => {
    const [, ...others] = SAMPLE_EXPECTED.missingLogins
    const run = await audit({
      'fail-on': 'missing',
      'exempt-users': ['*-bot', ...others].join(',')
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations.at(-1)?.message).toMatch(
      /^1 member is missing SCIM metadata \(fail-on: missing\)/
    )
  })

  it('fails on fail-on: any when only identities have findings', async () => {
    github.fake.addOrganization({
      login: 'idp-only',
      members: [{ login: 'ada', role: 'MEMBER' }],
      identities: [
        { guid: 'a', nameId: 'ada', scimUsername: 'ada', login: 'ada' },
        { guid: 'b', nameId: 'x', scimUsername: 'x', login: null }
      ]
    })
    expect(
      (await audit({ organization: 'idp-only', 'fail-on': 'missing' })).exitCode
    ).toBe(0)
    expect(
      (await audit({ organization: 'idp-only', 'fail-on': 'any' })).exitCode
    ).toBe(1)
  })

  it('caps annotations and summarizes the rest in the last one', async () => {
    const run = await audit({ 'max-annotations': '2' })
    expect(
      run.annotations.filter((a) => a.level === 'warning').map((a) => a.title)
    ).toEqual([
      'Missing SCIM metadata: claude-shannon',
      '3 more members missing SCIM metadata'
    ])
    expect((await audit({ 'max-annotations': '0' })).annotations).toEqual([])
  })

  it('names the first members in the single annotation that max-annotations 1 allows', async () => {
    const run = await audit({ 'max-annotations': '1' })
    expect(run.annotations).toEqual([
      {
        level: 'warning',
        title: '4 members missing SCIM metadata',
        message:
          '4 members are missing SCIM metadata (claude-shannon, hedy-lamarr, katherine-johnson, john-mccarthy); the job summary and the JSON report list every one.'
      }
    ])
  })

  it('hides NameIDs, userNames and e-mails in a public repository under auto', async () => {
    github.fake.addRepository({
      owner: 'acme-corp',
      repo: 'public-audits',
      visibility: 'public'
    })
    const run = await audit({}, 'acme-corp/public-audits')
    expect(run.summary).not.toContain('@acme.example')
    expect(run.summary).toContain('are hidden (`identity-details`)')
    const shown = await audit(
      { 'identity-details': 'always' },
      'acme-corp/public-audits'
    )
    expect(shown.summary).toContain('hedy.lamarr@acme.example')
  })

  it('shows identity details in a private repository under auto', async () => {
    const run = await audit()
    expect(run.summary).toContain('`achurch@acme.example`')
  })
})
