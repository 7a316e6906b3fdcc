/** The tracking issue's transitions, run in-process against msw. */
import { CATEGORIES } from '../src/classify.js'
import { issueMarker, renderState } from '../src/issue/state.js'
import { useIssueWorld } from './helpers/issue-world.js'
import { generatedOrganization } from './helpers/generate.js'
import { runInProcess } from './helpers/in-process.js'

const world = useIssueWorld()

const TITLE = 'Members missing SCIM metadata in small-org'

/** An organization of five members; the listed ones lack SCIM metadata. */
function smallOrganization(missing: number[]) {
  world.fake.addOrganization(
    generatedOrganization('small-org', 5, (i, _member, identity) => {
      if (missing.includes(i)) identity.scimUsername = undefined
    })
  )
}

function audit(inputs: Record<string, string> = {}) {
  return runInProcess({
    inputs: {
      organization: 'small-org',
      token: 'ghp_ownertoken',
      'create-issue': 'true',
      ...inputs
    }
  })
}

/** The marker of small-org, and a state of `organization` naming `logins`. */
function markedBody(organization: string, logins: string[]) {
  const findings = Object.fromEntries(
    CATEGORIES.map((c) => [c, c === 'saml-without-scim' ? logins : []])
  ) as Record<(typeof CATEGORIES)[number], string[]>
  const counts = Object.fromEntries(
    CATEGORIES.map((c) => [c, findings[c].length])
  ) as Record<(typeof CATEGORIES)[number], number>
  const state = { organization, findings, counts, digest: 'forged' }
  return `${issueMarker('small-org')}\n${renderState(state)}`
}

const store = () => world.issues.of('acme-corp', 'audits')
const writes = () =>
  world.fake.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')

describe('the tracking issue', () => {
  it('opens one issue with labels, assignees and a hidden marker when findings appear', async () => {
    smallOrganization([1])
    const run = await audit({ 'issue-assignees': 'octo-owner' })
    expect(run.exitCode).toBe(0)
    const [issue] = store().issues
    expect(store().issues).toHaveLength(1)
    expect(issue).toMatchObject({
      title: TITLE,
      state: 'open',
      labels: ['scim-audit'],
      assignees: ['octo-owner'],
      comments: []
    })
    expect(issue?.body).toContain(
      '<!-- scim-audit:issue organization=small-org -->'
    )
    expect(issue?.body).toContain(
      '| [`user-000001`](https://github.com/orgs/small-org/people/user-000001/sso) | member | `user-000001@example.com` | — |'
    )
    expect(issue?.body).toContain(
      'https://github.com/acme-corp/audits/actions/runs/4242'
    )
    expect(store().labels.has('scim-audit')).toBe(true)
    expect(run.outputs['issue-number']).toBe('1')
    expect(run.outputs['issue-url']).toBe(
      'https://github.com/acme-corp/audits/issues/1'
    )
    expect(run.summary).toContain('This run will open an issue titled')
  })

  it('updates the body in place and comments who is new and who is resolved', async () => {
    smallOrganization([1, 2])
    await audit()
    smallOrganization([2, 3])
    const run = await audit()
    const [issue] = store().issues
    expect(store().issues).toHaveLength(1)
    expect(issue?.body).toContain('`user-000003`')
    expect(issue?.body).not.toContain('`user-000001`')
    expect(issue?.comments).toHaveLength(1)
    const change =
      '- Linked by SAML, no SCIM metadata (`saml-without-scim`): new `user-000003`; resolved `user-000001`'
    expect(issue?.comments[0]).toContain(change)
    expect(run.summary).toContain(change)
    expect(run.summary).toContain(
      '[#1](https://github.com/acme-corp/audits/issues/1)'
    )
  })

  it('writes nothing on a run that finds the same as the last one', async () => {
    smallOrganization([1])
    await audit()
    const before = writes().length
    const body = store().issues[0]?.body
    const run = await audit()
    expect(writes()).toHaveLength(before)
    expect(store().issues[0]?.body).toBe(body)
    expect(store().issues[0]?.comments).toEqual([])
    expect(run.summary).toContain(
      'Tracking issue #1 is current; nothing to change.'
    )
  })

  it('closes the open issue with a comment when the audit comes back clean', async () => {
    smallOrganization([1])
    await audit()
    smallOrganization([])
    const run = await audit()
    const [issue] = store().issues
    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' })
    expect(issue?.comments[0]).toMatch(
      /^All clear: .* so this issue is closed\./
    )
    expect(issue?.comments[0]).toContain('resolved `user-000001`')
    expect(issue?.body).toContain('All clear')
    expect(run.outputs['issue-number']).toBe('1')
  })

  it('reopens a closed issue when findings return and says who is back', async () => {
    smallOrganization([1])
    await audit()
    smallOrganization([])
    await audit()
    smallOrganization([4])
    await audit()
    const [issue] = store().issues
    expect(store().issues).toHaveLength(1)
    expect(issue).toMatchObject({ state: 'open', stateReason: 'reopened' })
    expect(issue?.comments).toHaveLength(2)
    expect(issue?.comments[1]).toMatch(/^Reopened: /)
    expect(issue?.comments[1]).toContain('new `user-000004`')
  })

  it('reopens an issue a person closed while the findings stayed', async () => {
    smallOrganization([1])
    await audit()
    const issue = store().issues[0]
    if (issue) issue.state = 'closed'
    await audit()
    expect(issue?.state).toBe('open')
    expect(issue?.comments).toEqual([
      expect.stringMatching(/They are the same as when the issue was closed/)
    ])
  })

  it('does nothing when the audit is clean and there is no issue', async () => {
    smallOrganization([])
    const run = await audit()
    expect(writes()).toEqual([])
    expect(store().issues).toEqual([])
    expect(run.outputs['issue-number']).toBe('')
    expect(run.summary).toContain(
      'No findings and no tracking issue; nothing to do.'
    )
  })

  it('never touches an issue a person wrote with the same title and label', async () => {
    smallOrganization([1])
    const theirs = world.issues.add('acme-corp', 'audits', {
      title: TITLE,
      body: 'Please look at SCIM for small-org.',
      labels: ['scim-audit']
    })
    await audit()
    await audit()
    expect(theirs).toMatchObject({
      body: 'Please look at SCIM for small-org.',
      state: 'open',
      comments: []
    })
    expect(store().issues).toHaveLength(2)
    expect(store().issues[1]?.body).toContain('scim-audit:issue')
  })

  it('keeps one issue per organization and lists them in organization order', async () => {
    smallOrganization([1])
    const run = await audit({
      organization: 'small-org, acme-corp',
      'exempt-users': '*-bot'
    })
    expect(store().issues.map((i) => i.title)).toEqual([
      TITLE,
      'Members missing SCIM metadata in acme-corp'
    ])
    expect(run.outputs['issue-number']).toBe('1,2')
    expect(run.outputs['issue-url']).toBe(
      'https://github.com/acme-corp/audits/issues/1,https://github.com/acme-corp/audits/issues/2'
    )
    const again = await audit({
      organization: 'acme-corp',
      'exempt-users': '*-bot'
    })
    expect(again.outputs['issue-number']).toBe('2')
    expect(store().issues).toHaveLength(2)
  })

  it('finds its issue among more than one page of labelled issues and skips pull requests', async () => {
    smallOrganization([1])
    for (let i = 0; i < 150; i++) {
      world.issues.add('acme-corp', 'audits', {
        labels: ['scim-audit'],
        pullRequest: i % 2 === 0
      })
    }
    await audit()
    const run = await audit()
    expect(run.outputs['issue-number']).toBe('151')
    expect(store().issues).toHaveLength(151)
    expect(
      world.fake.requests.filter(
        (r) => r.path === '/repos/acme-corp/audits/issues' && r.method === 'GET'
      )
    ).toHaveLength(4)
  })

  it.each(['NONE', 'CONTRIBUTOR'])(
    'passes over a marked issue whose author (%s) cannot write to the repository',
    async (association) => {
      smallOrganization([1])
      const body = markedBody('small-org', ['mallory'])
      const forged = world.issues.add('acme-corp', 'audits', {
        title: TITLE,
        body,
        labels: ['scim-audit'],
        author: 'mallory',
        association
      })
      const run = await audit()
      expect(forged).toMatchObject({ body, state: 'open', comments: [] })
      expect(store().issues).toHaveLength(2)
      expect(store().issues[1]?.author).toBe('github-actions[bot]')
      expect(run.outputs['issue-number']).toBe('2')
      expect(run.stdout).toContain(
        'Passing over #1: it carries the marker of small-org, but its author cannot write to the repository.'
      )
    }
  )

  it('adopts a marked issue that a member of the repository wrote', async () => {
    smallOrganization([1])
    world.issues.add('acme-corp', 'audits', {
      title: TITLE,
      body: issueMarker('small-org'),
      labels: ['scim-audit'],
      author: 'octo-owner',
      association: 'MEMBER'
    })
    const run = await audit()
    expect(store().issues).toHaveLength(1)
    expect(store().issues[0]?.body).toContain('`user-000001`')
    expect(run.outputs['issue-number']).toBe('1')
  })

  it('treats a hidden state written for another organization as no state', async () => {
    smallOrganization([1])
    const issue = world.issues.add('acme-corp', 'audits', {
      title: TITLE,
      body: markedBody('other-org', ['mallory']),
      labels: ['scim-audit'],
      author: 'octo-owner',
      association: 'OWNER'
    })
    await audit()
    expect(issue.comments).toHaveLength(1)
    expect(issue.comments[0]).toContain('new `user-000001`')
    expect(issue.comments[0]).not.toContain('mallory')
  })
})
