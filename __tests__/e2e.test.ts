/**
 * Runs the committed dist/index.js as the runner would, against the sample
 * organization served on 127.0.0.1.
 */
import { generatedOrganization } from './helpers/generate.js'
import { FakeGitHub } from './mock/github.js'
import { FakeIssues } from './mock/issues.js'
import { runAction } from './mock/runner.js'
import {
  loadSample,
  SAMPLE_EXEMPT,
  SAMPLE_EXPECTED,
  SAMPLE_ORGANIZATION
} from './mock/sample.js'
import { serveLoopback, type LoopbackServer } from './mock/transports.js'

let server: LoopbackServer
let fake: FakeGitHub
let issues: FakeIssues

beforeAll(async () => {
  fake = loadSample(new FakeGitHub())
    .addOrganization(generatedOrganization('acme-labs', 150))
    .addOrganization({
      login: 'acme-sso',
      identities: null,
      members: [
        { login: 'ada', role: 'ADMIN' },
        { login: 'alan', role: 'MEMBER' }
      ]
    })
    .addEnterprise({
      slug: 'acme',
      organizations: ['acme-corp', 'acme-labs', 'acme-sso'],
      identities: [
        { guid: 'guid-ada', nameId: 'ada@acme.example', login: 'ada' }
      ]
    })
  issues = new FakeIssues(fake)
  server = await serveLoopback(fake)
})
afterAll(() => server.close())

describe('dist/index.js on the loopback mock', () => {
  it('audits the sample organization with the action.yml defaults', async () => {
    const run = await runAction({
      apiUrl: server.url,
      inputs: {
        organization: SAMPLE_ORGANIZATION,
        token: 'e2e-token-value',
        'exempt-users': SAMPLE_EXEMPT
      }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual(
      SAMPLE_EXPECTED.missingLogins
    )
    expect(JSON.parse(run.outputs.findings as string)).toEqual(
      SAMPLE_EXPECTED.findings
    )
    expect(run.outputs.status).toBe('findings')
    expect(run.summary).toMatch(/^# SCIM audit/)
    expect(run.summary).toContain('`pending\\|<b>x</b>@acme.example`')
    expect(run.annotations).toHaveLength(SAMPLE_EXPECTED.missingLogins.length)
    expect(run.stdout).toContain('::group::Fetching members of acme-corp')
  })

  it('fails with one line and no stack trace when the organization is unknown', async () => {
    const run = await runAction({
      apiUrl: server.url,
      inputs: { organization: 'ghost-org', token: 'e2e-token-value' }
    })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::error'))
    expect(errors).toEqual([
      "::error::Organization 'ghost-org' was not found; check the 'organization' input and that the token's owner can see it."
    ])
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /)
  })

  it('audits every organization of an enterprise, each from its own provider', async () => {
    const run = await runAction({
      apiUrl: server.url,
      inputs: {
        organization: '*',
        enterprise: 'acme',
        token: 'e2e-token-value',
        'exempt-users': SAMPLE_EXEMPT
      }
    })
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      ...SAMPLE_EXPECTED.missingLogins.map((login) => `acme-corp/${login}`),
      'acme-sso/alan'
    ])
    expect(run.outputs['member-count']).toBe(
      String(SAMPLE_EXPECTED.memberCount + 150 + 2)
    )
    expect(run.summary).toContain(
      '1 of 2 members of `acme-sso` has no linked SAML identity in the enterprise `acme`.'
    )
  })
})

describe('the tracking issue through dist/index.js', () => {
  /** Audits `round-trip`, whose listed members lack SCIM metadata. */
  async function auditWith(missing: number[]) {
    fake.addOrganization(
      generatedOrganization('round-trip', 4, (i, _member, identity) => {
        if (missing.includes(i)) identity.scimUsername = undefined
      })
    )
    const run = await runAction({
      apiUrl: server.url,
      inputs: {
        organization: 'round-trip',
        token: 'e2e-token-value',
        'create-issue': 'true'
      }
    })
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    return run
  }

  it('opens, updates, closes and reopens one issue as the findings change', async () => {
    const tracked = () => issues.of('acme-corp', 'audits').issues
    const opened = await auditWith([1])
    expect(opened.outputs['issue-number']).toBe('1')
    expect(tracked()[0]).toMatchObject({ state: 'open', comments: [] })

    await auditWith([1, 2])
    expect(tracked()[0]?.body).toContain('`user-000002`')
    expect(tracked()[0]?.comments[0]).toContain('new `user-000002`')

    const clean = await auditWith([])
    expect(clean.outputs.status).toBe('clean')
    expect(tracked()[0]).toMatchObject({ state: 'closed' })
    expect(tracked()[0]?.comments[1]).toContain(
      'resolved `user-000001`, `user-000002`'
    )

    const back = await auditWith([3])
    expect(back.outputs['issue-url']).toBe(
      'https://github.com/acme-corp/audits/issues/1'
    )
    expect(tracked()).toHaveLength(1)
    expect(tracked()[0]).toMatchObject({ state: 'open' })
    expect(tracked()[0]?.comments).toHaveLength(3)
    expect(back.stdout).toContain(
      '::group::Writing the tracking issue of round-trip in acme-corp/audits'
    )
  })
})
