/** Dry run, privacy and the failures of the tracking issue, in-process. */
import { existsSync } from 'node:fs'
import { useIssueWorld } from './helpers/issue-world.js'
import { runInProcess } from './helpers/in-process.js'

const world = useIssueWorld()

const WORKFLOW_TOKEN = 'ghs_workflowtoken'

function audit(inputs: Record<string, string> = {}, repository?: string) {
  return runInProcess({
    inputs: {
      organization: 'acme-corp',
      token: 'ghp_ownertoken',
      'exempt-users': '*-bot',
      'create-issue': 'true',
      ...inputs
    },
    repository,
    githubToken: WORKFLOW_TOKEN
  })
}

const store = () => world.issues.of('acme-corp', 'audits')
const writes = () =>
  world.fake.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql')
const errors = (run: { annotations: { level: string; message: string }[] }) =>
  run.annotations.filter((a) => a.level === 'error').map((a) => a.message)

/** Expects the audit to be reported in full although the issue failed. */
async function expectReported(run: Awaited<ReturnType<typeof audit>>) {
  expect(run.exitCode).toBe(1)
  expect(run.summary).toContain('4 of 27 members of `acme-corp` are missing')
  expect(run.outputs['missing-count']).toBe('4')
  expect(run.outputs['issue-number']).toBe('')
  expect(existsSync(run.outputs['report-path'] as string)).toBe(true)
}

describe('a dry run', () => {
  it('writes nothing and says in the summary and the log what it would open', async () => {
    const run = await audit({ 'dry-run': 'true' })
    expect(writes()).toEqual([])
    expect(store().issues).toEqual([])
    const sentence =
      'Dry run: would open an issue titled `Members missing SCIM metadata in acme-corp` in `acme-corp/audits`; nothing was written.'
    expect(run.summary).toContain(sentence)
    expect(run.stdout).toContain(`acme-corp: ${sentence}`)
    expect(run.outputs['issue-number']).toBe('')
  })

  it('names the update and comment it would make to an existing issue', async () => {
    await audit()
    const org = world.fake.organizations.get('acme-corp')
    org?.members.push({ login: 'new-person', role: 'MEMBER' })
    const before = writes().length
    const run = await audit({ 'dry-run': 'true' })
    expect(writes()).toHaveLength(before)
    expect(run.summary).toContain(
      'Dry run: would rewrite the body of #1 and comment the changes on #1; nothing was written.'
    )
    expect(run.summary).toContain(
      '- No linked identity (`no-identity`): new `new-person`'
    )
    expect(run.outputs['issue-number']).toBe('1')
  })
})

describe('privacy', () => {
  it('keeps identity details out of an issue in a public repository under auto, and says why', async () => {
    world.fake.addRepository({
      owner: 'acme-corp',
      repo: 'public-issues',
      visibility: 'public'
    })
    await audit({ 'issue-repository': 'acme-corp/public-issues' })
    const [issue] = world.issues.of('acme-corp', 'public-issues').issues
    expect(issue?.body).not.toContain('@acme.example')
    expect(issue?.body).toContain(
      'NameIDs, SCIM userNames and e-mails are left out because `acme-corp/public-issues` is public and anyone can read its issues (`identity-details: auto`)'
    )
    expect(issue?.body).toContain('[`hedy-lamarr`]')
  })

  it('shows identity details in an issue of a private repository under auto', async () => {
    await audit()
    expect(store().issues[0]?.body).toContain('`hedy.lamarr@acme.example`')
  })
})

describe('issue failures', () => {
  it('names the missing issues: write permission after the audit is reported', async () => {
    store().access.set(WORKFLOW_TOKEN, 'read')
    const run = await audit()
    await expectReported(run)
    expect(errors(run)).toEqual([
      "The issue token may not create label 'scim-audit' in acme-corp/audits (403 Resource not accessible by integration); give the job 'permissions: issues: write', or pass an 'issue-token' that can write issues there."
    ])
    expect(run.summary).toContain(
      '- Stopped: The issue token may not create label'
    )
  })

  it('names disabled issues and reports the audit anyway', async () => {
    store().hasIssues = false
    const run = await audit()
    await expectReported(run)
    expect(errors(run)).toEqual([
      "Issues are disabled in acme-corp/audits; enable them under Settings > General > Features, or set 'issue-repository' to a repository with issues."
    ])
    expect(run.summary).toContain(
      '### Tracking issue\n\nLeft alone: Issues are disabled'
    )
    expect(writes()).toEqual([])
  })

  it('names an issue repository that does not exist', async () => {
    const run = await audit({ 'issue-repository': 'acme-corp/nowhere' })
    await expectReported(run)
    expect(errors(run)).toEqual([
      "Repository acme-corp/nowhere was not found with the issue token; check the 'issue-repository' input and that 'issue-token' can see the repository."
    ])
  })

  it('adds the fail-on failure after the issue failure', async () => {
    store().hasIssues = false
    const run = await audit({ 'fail-on': 'missing' })
    expect(errors(run)).toEqual([
      expect.stringMatching(/^Issues are disabled/),
      expect.stringMatching(/^4 members are missing SCIM metadata/)
    ])
  })
})
