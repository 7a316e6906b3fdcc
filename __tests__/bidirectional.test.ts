import { walkBothWays } from '../src/github/bidirectional.js'
import { createClient, RequestCounter } from '../src/github/client.js'
import type { IdentityNode, IdentityPage } from '../src/github/gather.js'
import {
  ORGANIZATION_IDENTITIES_BACKWARD_QUERY,
  ORGANIZATION_IDENTITIES_QUERY
} from '../src/github/queries.js'
import { generatedOrganization } from './helpers/generate.js'
import { json, type FakeIdentity } from './mock/github.js'
import { MSW_API_URL } from './mock/transports.js'
import { useFakeGitHub } from './helpers/fake-server.js'

const github = useFakeGitHub(() => undefined)

function identitiesOf(size: number): FakeIdentity[] {
  return generatedOrganization('org', size).identities ?? []
}

async function walkIdentities() {
  const counter = new RequestCounter()
  const client = createClient('token', counter, {
    baseUrl: MSW_API_URL,
    fetch: globalThis.fetch,
    retryAfterBaseMs: 1
  })
  const { items, totalCount } = await walkBothWays(
    client,
    {
      forward: ORGANIZATION_IDENTITIES_QUERY,
      backward: ORGANIZATION_IDENTITIES_BACKWARD_QUERY
    },
    { organization: 'org' },
    (page) =>
      (page as IdentityPage).organization?.samlIdentityProvider
        ?.externalIdentities,
    (node: IdentityNode) => node.guid
  )
  return { guids: items.map((node) => node.guid), totalCount, counter }
}

function sorted(guids: string[]): string[] {
  return [...guids].sort()
}

describe('walking identities from both ends', () => {
  it.each([0, 1, 99, 100, 101, 200, 201, 250, 999, 1000, 1234])(
    'reads each of %i identities once, in about one request per 100',
    async (size) => {
      const identities = identitiesOf(size)
      github.fake.addOrganization({ login: 'org', members: [], identities })
      const { guids, totalCount, counter } = await walkIdentities()
      expect(totalCount).toBe(size)
      expect(sorted(guids)).toEqual(sorted(identities.map((i) => i.guid)))
      const pages = Math.max(1, Math.ceil(size / 100))
      // One page is one request; longer walks may overlap by one page.
      expect(counter.count).toBeLessThanOrEqual(size <= 100 ? 1 : pages + 1)
      expect(counter.count).toBeGreaterThanOrEqual(pages)
    }
  )

  it('meets in the middle: the backward chain, a page behind, walks about half', async () => {
    github.fake.addOrganization({
      login: 'org',
      members: [],
      identities: identitiesOf(1000)
    })
    await walkIdentities()
    const forward = github.fake.operations('organizationIdentities').length
    const backward = github.fake.operations(
      'organizationIdentitiesBackward'
    ).length
    expect(forward + backward).toBeLessThanOrEqual(11)
    expect(forward).toBeLessThanOrEqual(6)
    expect(backward).toBeGreaterThanOrEqual(4)
  })

  it('returns every identity, reading again when needed, when identities change during the walk', async () => {
    const identities = identitiesOf(450)
    github.fake.addOrganization({ login: 'org', members: [], identities })
    let inserted = false
    github.filter = async (_request, respond) => {
      const response = await respond()
      // Requests overlap, so count from the third on rather than exactly.
      if (!inserted && github.fake.requests.length >= 3) {
        inserted = true
        identities.splice(200, 0, { guid: 'late', login: null })
      }
      return response
    }
    const { guids, totalCount } = await walkIdentities()
    expect(totalCount).toBe(451)
    expect(sorted(guids)).toEqual(sorted(identities.map((i) => i.guid)))
    expect(new Set(guids).size).toBe(451)
  })

  it('reads again forward when the two halves do not make up the connection', async () => {
    const identities = identitiesOf(450)
    github.fake.addOrganization({ login: 'org', members: [], identities })
    let dropped = false
    github.filter = async (request, respond) => {
      const response = await respond()
      if (dropped || !request.body.includes('organizationIdentitiesBackward')) {
        return response
      }
      dropped = true
      const body = JSON.parse(response.body) as {
        data: { organization: IdentityPage['organization'] }
      }
      body.data.organization?.samlIdentityProvider?.externalIdentities.nodes?.pop()
      return { ...response, body: JSON.stringify(body) }
    }
    const { guids } = await walkIdentities()
    expect(sorted(guids)).toEqual(sorted(identities.map((i) => i.guid)))
    // Two or more forward pages before the halves were found short, then
    // five for the whole connection read again.
    expect(
      github.fake.operations('organizationIdentities').length
    ).toBeGreaterThanOrEqual(7)
  })

  it('falls back to the forward chain when the server refuses to walk backward', async () => {
    const identities = identitiesOf(350)
    github.fake.addOrganization({ login: 'org', members: [], identities })
    github.filter = (request, respond) =>
      request.body.includes('organizationIdentitiesBackward')
        ? Promise.resolve(
            json(200, { errors: [{ message: '`last` is not supported' }] })
          )
        : respond()
    const { guids } = await walkIdentities()
    expect(sorted(guids)).toEqual(sorted(identities.map((i) => i.guid)))
    expect(
      github.fake.operations('organizationIdentities').length
    ).toBeGreaterThan(4)
  })
})
