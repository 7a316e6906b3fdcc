/**
 * How the walk meets GitHub's timeouts, partial answers and short reads,
 * in process through msw.
 */
import { generatedOrganization } from './helpers/generate.js'
import { faultyGitHub, queryTimeout, timeoutsAbove } from './helpers/faults.js'
import { runInProcess } from './helpers/in-process.js'
import { FakeGitHub, type FakeRequest } from './mock/github.js'
import type { ResponseFilter } from './mock/transports.js'

const github = faultyGitHub()
beforeEach(() => {
  github.fake = new FakeGitHub().addOrganization(
    generatedOrganization('big-org', 120, (i, _member, identity) => {
      if (i % 40 === 3) identity.scimUsername = undefined
    })
  )
  github.filter = (_request, respond) => respond()
})

const audit = () =>
  runInProcess({
    inputs: { organization: 'big-org', token: 'ghp_faultsowner' }
  })

function variablesOf(request: FakeRequest) {
  return (JSON.parse(request.body || '{}') as { variables?: object })
    .variables as { pageSize?: number; cursor?: string | null } | undefined
}

interface IdentityPageBody {
  data: {
    organization: {
      samlIdentityProvider: {
        externalIdentities: { nodes: { scimIdentity: unknown }[] }
      }
    }
  }
  errors?: object[]
}

/** Rewrites the JSON body of identity pages. */
function rewriteIdentities(
  edit: (body: IdentityPageBody) => void
): ResponseFilter {
  return async (request, respond) => {
    const response = await respond()
    if (!request.body.includes('organizationIdentities')) return response
    const body = JSON.parse(response.body) as IdentityPageBody
    edit(body)
    return { ...response, body: JSON.stringify(body) }
  }
}

const identitiesOf = (body: IdentityPageBody) =>
  body.data.organization.samlIdentityProvider.externalIdentities

const EXPECTED_MISSING = '["user-000003","user-000043","user-000083"]'

describe('GraphQL timeouts', () => {
  it('reads the page that timed out and the rest 50 at a time, from the same cursor', async () => {
    github.fake.addOrganization(
      generatedOrganization('big-org', 320, (i, _member, identity) => {
        if (i % 40 === 3) identity.scimUsername = undefined
      })
    )
    github.filter = (request, respond) =>
      /query organizationIdentities\(/.test(request.body) &&
      variablesOf(request)?.pageSize === 100 &&
      variablesOf(request)?.cursor
        ? Promise.resolve(queryTimeout(request))
        : respond()
    const run = await audit()
    expect(run.exitCode).toBe(0)
    const missing = Array.from({ length: 8 }, (_, k) => 40 * k + 3)
    expect(JSON.parse(run.outputs['missing-logins'] as string)).toEqual(
      missing.map((i) => `user-${String(i).padStart(6, '0')}`)
    )
    const pages = github.fake.operations('organizationIdentities')
    expect(pages.map((r) => r.variables?.pageSize).slice(0, 2)).toEqual([
      100, 50
    ])
    expect(pages[1]?.variables?.cursor).toBe(
      Buffer.from('cursor:v2:99').toString('base64')
    )
  })

  it('steps down to pages of 25 and no further', async () => {
    github.filter = timeoutsAbove(25)
    const run = await audit()
    expect(run.outputs['missing-logins']).toBe(EXPECTED_MISSING)
    const sizes = [
      ...github.fake.operations('members'),
      ...github.fake.operations('membersBackward')
    ].map((r) => r.variables?.pageSize)
    // 120 members, 25 at a time from both ends.
    expect(sizes.length).toBeGreaterThanOrEqual(5)
    expect(new Set(sizes)).toEqual(new Set([25]))
  })

  it('fails as incomplete when even pages of 25 time out', async () => {
    github.filter = timeoutsAbove(0)
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations).toEqual([
      {
        level: 'error',
        title: '',
        message:
          "GitHub timed out reading 'big-org', even 25 at a time; the audit is incomplete, so no report was published. Run it again later."
      }
    ])
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
  })
})

describe('answers that are not the whole roster', () => {
  it('refuses a page whose scimIdentity carries an error, naming the path', async () => {
    github.filter = rewriteIdentities((page) => {
      const node = identitiesOf(page).nodes[7]
      if (node) node.scimIdentity = null
      page.errors = [
        {
          message: 'Could not load the SCIM identity.',
          path: [
            'organization',
            'samlIdentityProvider',
            'externalIdentities',
            'nodes',
            7,
            'scimIdentity'
          ]
        }
      ]
    })
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations.map((a) => a.message)).toEqual([
      "GitHub answered with errors at organization.samlIdentityProvider.externalIdentities.nodes.7.scimIdentity for 'big-org' (Could not load the SCIM identity.); the audit is incomplete, so no report was published."
    ])
    expect(run.outputs).toEqual({})
  })

  it('fails as incomplete when fewer identities arrive than totalCount says', async () => {
    github.filter = rewriteIdentities((page) => {
      identitiesOf(page).nodes.pop()
    })
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toBe(
      "Read 118 external identities of 'big-org' but GitHub reports 120; the audit is incomplete, so no report was published. Run it again."
    )
    expect(run.summary).toBe('')
  })

  it('fails as incomplete when GitHub counts more members than it lists', async () => {
    github.filter = async (request, respond) => {
      const response = await respond()
      if (!request.body.includes('query members')) return response
      return {
        ...response,
        body: response.body.replace('"totalCount":120', '"totalCount":121')
      }
    }
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(run.annotations[0]?.message).toBe(
      "Read 120 members of 'big-org' but GitHub reports 121; the audit is incomplete, so no report was published. Run it again."
    )
  })
})
