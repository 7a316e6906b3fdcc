import { generatedOrganization } from './helpers/generate.js'
import { useFakeGitHub } from './helpers/fake-server.js'
import { runInProcess } from './helpers/in-process.js'
import type { FakeGitHub } from './mock/github.js'
import { loadSample, SAMPLE_EXPECTED } from './mock/sample.js'

const TOKEN = 'ghp_ownertoken0000000000000000000000000'

/** The sample organization and two generated ones with one gap each. */
function loadThree(fake: FakeGitHub): void {
  loadSample(fake)
    .addOrganization(
      generatedOrganization('acme-labs', 120, (i, _member, identity) => {
        if (i === 42) identity.scimUsername = undefined
      })
    )
    .addOrganization(
      generatedOrganization('acme-tidy', 30, (i, _member, identity) => {
        if (i === 7) identity.login = null
      })
    )
}

const server = useFakeGitHub(loadThree)

function auditThree(inputs: Record<string, string> = {}) {
  return runInProcess({
    inputs: {
      organization: 'acme-corp\nacme-labs, acme-tidy',
      token: TOKEN,
      'exempt-users': '*-bot',
      ...inputs
    }
  })
}

describe('a three-organization run', () => {
  it('sets outputs to totals with org/login entries', async () => {
    const run = await auditThree()
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual([
      ...SAMPLE_EXPECTED.missingLogins.map((login) => `acme-corp/${login}`),
      'acme-labs/user-000042',
      'acme-tidy/user-000007'
    ])
    expect(run.outputs['missing-count']).toBe(
      String(SAMPLE_EXPECTED.missingLogins.length + 2)
    )
    expect(run.outputs['member-count']).toBe(
      String(SAMPLE_EXPECTED.memberCount + 150)
    )
    expect(run.outputs['identity-count']).toBe(
      String(SAMPLE_EXPECTED.identityCount + 150)
    )
    expect(JSON.parse(run.outputs.findings as string)).toMatchObject({
      'saml-without-scim': SAMPLE_EXPECTED.findings['saml-without-scim'] + 1,
      'no-identity': SAMPLE_EXPECTED.findings['no-identity'] + 1
    })
  })

  it('gives each organization its own summary section and report entry, in the order given', async () => {
    const run = await auditThree()
    const sections = [...run.summary.matchAll(/^## `([\w-]+)`$/gm)].map(
      (match) => match[1]
    )
    expect(sections).toEqual(['acme-corp', 'acme-labs', 'acme-tidy'])
    expect(run.summary).toContain(
      '1 of 120 members of `acme-labs` is missing SCIM metadata'
    )
    const report = (await run.readReport()) as {
      organizations: { organization: string; missingLogins: string[] }[]
    }
    expect(
      report.organizations.map((o) => [o.organization, o.missingLogins])
    ).toEqual([
      ['acme-corp', SAMPLE_EXPECTED.missingLogins],
      ['acme-labs', ['user-000042']],
      ['acme-tidy', ['user-000007']]
    ])
    const groups = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('::group::Fetching members'))
    expect(groups).toEqual([
      '::group::Fetching members of acme-corp',
      '::group::Fetching members of acme-labs',
      '::group::Fetching members of acme-tidy'
    ])
  })

  it('publishes nothing when one of the organizations cannot be read', async () => {
    const run = await auditThree({
      organization: 'acme-corp, ghost-org, acme-tidy'
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(
      /^Organization 'ghost-org' was not found/
    )
    expect(run.summary).toBe('')
    expect(run.outputs).toEqual({})
  })

  it('reads the organizations side by side, not one after another', async () => {
    let open = 0
    let most = 0
    server.filter = async (_request, respond) => {
      most = Math.max(most, ++open)
      await new Promise((resolve) => setTimeout(resolve, 5))
      open -= 1
      return respond()
    }
    await auditThree()
    const preflights = server.fake.operations('preflight')
    expect(preflights.map((r) => r.variables?.organization)).toEqual([
      'acme-corp',
      'acme-labs',
      'acme-tidy'
    ])
    // One organization alone keeps at most five requests in flight, plus the
    // repository lookup.
    expect(most).toBeGreaterThan(6)
  })
})
