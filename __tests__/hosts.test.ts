import { endpoints } from '../src/github/hosts.js'
import { useFakeGitHub } from './helpers/fake-server.js'
import { runInProcess } from './helpers/in-process.js'
import { json } from './mock/github.js'
import { loadSample, SAMPLE_EXPECTED } from './mock/sample.js'
import { MSW_API_URL } from './mock/transports.js'

const server = useFakeGitHub((fake) => void loadSample(fake))

function audit(env: Record<string, string>) {
  return runInProcess({
    inputs: {
      organization: 'acme-corp',
      token: 'ghp_owner',
      'exempt-users': '*-bot'
    },
    env
  })
}

describe('GitHub hosts', () => {
  it('takes both base URLs from the runner, github.com when unset', () => {
    expect(endpoints({})).toEqual({
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql'
    })
    expect(
      endpoints({
        GITHUB_API_URL: 'https://api.octo.ghe.com/',
        GITHUB_GRAPHQL_URL: 'https://api.octo.ghe.com/graphql'
      })
    ).toEqual({
      apiUrl: 'https://api.octo.ghe.com',
      graphqlUrl: 'https://api.octo.ghe.com/graphql'
    })
  })

  it('sends GraphQL to GITHUB_GRAPHQL_URL', async () => {
    server.fake.route('POST', /^\/residency\/graphql$/, (request) =>
      server.fake.handle({ ...request, path: '/graphql' })
    )
    server.filter = (request, respond) =>
      request.path === '/graphql'
        ? Promise.resolve(json(500, { message: 'GraphQL went to REST' }))
        : respond()
    const run = await audit({
      GITHUB_GRAPHQL_URL: `${MSW_API_URL}/residency/graphql`
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['missing-count']).toBe(
      String(SAMPLE_EXPECTED.missingLogins.length)
    )
    expect(run.summary).toContain(`\`${MSW_API_URL}/residency/graphql\``)
  })

  it('stops before any request on a GitHub Enterprise Server API', async () => {
    const run = await audit({
      GITHUB_API_URL: `${MSW_API_URL}/api/v3`,
      GITHUB_GRAPHQL_URL: `${MSW_API_URL}/api/graphql`
    })
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toBe(
      `The API at ${MSW_API_URL}/api/v3 is GitHub Enterprise Server, which has no SAML external identities to audit; scim-audit applies to GitHub Enterprise Cloud (github.com or a *.ghe.com host), so run it against that.`
    )
    expect(server.fake.requests).toEqual([])
  })

  it('recognizes a server whose schema has no SAML identities', async () => {
    server.fake.route('POST', /^\/graphql$/, () =>
      json(200, {
        errors: [
          {
            path: ['query', 'organization', 'samlIdentityProvider'],
            extensions: { code: 'undefinedField' },
            message:
              "Field 'samlIdentityProvider' doesn't exist on type 'Organization'"
          }
        ]
      })
    )
    const run = await audit({})
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toMatch(
      /is GitHub Enterprise Server, .* applies to GitHub Enterprise Cloud/
    )
  })
})
