/**
 * Each wrong token fails with its own line, as GitHub answers it: the
 * shapes below are the ones github.com sends.
 */
import { faultyGitHub } from './helpers/faults.js'
import { runInProcess } from './helpers/in-process.js'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { FakeGitHub, json, type FakeResponse } from './mock/github.js'
import { ROOT } from './mock/runner.js'
import { loadSample } from './mock/sample.js'

const github = faultyGitHub()
beforeEach(() => {
  github.fake = loadSample(new FakeGitHub())
  github.filter = (_request, respond) => respond()
})

/** Every message the tests saw, for the README check at the end. */
const seen: string[] = []

const OWNER_TOKEN = 'ghp_diagnoseowner000000000000000000000'
const WORKFLOW_TOKEN = 'ghs_workflowdiagnose0000000000000000000'

async function failure(token = OWNER_TOKEN) {
  const run = await runInProcess({
    inputs: { organization: 'acme-corp', token },
    githubToken: WORKFLOW_TOKEN
  })
  expect(run.exitCode).toBe(1)
  expect(run.stdout).not.toMatch(/\n\s+at /)
  expect(run.outputs).toEqual({})
  const errors = run.annotations.filter((a) => a.level === 'error')
  expect(errors).toHaveLength(1)
  seen.push(errors[0]?.message ?? '')
  return errors[0]?.message
}

/** Every GraphQL request gets `answer`. */
function answerGraphql(answer: FakeResponse) {
  github.filter = (request, respond) =>
    request.path === '/graphql' ? Promise.resolve(answer) : respond()
}

function graphqlError(error: object, headers = {}) {
  return json(200, { data: { organization: null }, errors: [error] }, headers)
}

describe('a wrong token', () => {
  it('is rejected with 401 Bad credentials', async () => {
    github.fake = loadSample(new FakeGitHub({ tokens: ['another-token'] }))
    expect(await failure()).toBe(
      'GitHub rejected the token (401 Bad credentials); check that the secret holds a valid, unexpired token.'
    )
  })

  it('belongs to someone who is not an owner', async () => {
    const org = github.fake.organizations.get('acme-corp')
    if (org) org.viewerCanAdminister = false
    expect(await failure()).toBe(
      "The token cannot administer 'acme-corp'; use a token of an organization owner with the read:org scope (or a GitHub App with Members: read)."
    )
  })

  it('lacks the read:org scope', async () => {
    answerGraphql(
      graphqlError(
        {
          type: 'INSUFFICIENT_SCOPES',
          locations: [{ line: 3, column: 3 }],
          message:
            "Your token has not been granted the required scopes to execute this query. The 'login' field requires one of the following scopes: ['read:org'], but your token has only been granted the: ['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens."
        },
        { 'x-oauth-scopes': 'repo' }
      )
    )
    expect(await failure()).toBe(
      "The token lacks the read:org scope needed to read 'acme-corp'; add it to the classic PAT under Settings > Developer settings > Personal access tokens, then run again."
    )
  })

  it('is not authorized for SSO (GraphQL FORBIDDEN with saml_failure)', async () => {
    answerGraphql(
      graphqlError(
        {
          type: 'FORBIDDEN',
          path: ['organization'],
          extensions: { saml_failure: true },
          message:
            'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'
        },
        { 'x-github-sso': 'partial-results; organizations=21955855' }
      )
    )
    expect(await failure()).toBe(
      "The token is not authorized for SAML single sign-on in 'acme-corp'; authorize it for the organization under Settings > Developer settings > Personal access tokens > Configure SSO, then run again."
    )
  })

  it('is not authorized for SSO (403 with the authorization URL)', async () => {
    const url =
      'https://github.com/orgs/acme-corp/sso?authorization_request=A1B2C3'
    answerGraphql(
      json(
        403,
        {
          message:
            'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
          documentation_url:
            'https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/'
        },
        { 'x-github-sso': `required; url=${url}` }
      )
    )
    expect(await failure()).toBe(
      `The token is not authorized for SAML single sign-on in 'acme-corp'; authorize it for the organization at ${url}, then run again.`
    )
  })

  it('belongs to a GitHub App without the Members permission', async () => {
    answerGraphql(
      graphqlError({
        type: 'FORBIDDEN',
        path: ['organization', 'samlIdentityProvider'],
        locations: [{ line: 5, column: 5 }],
        message: 'Resource not accessible by integration'
      })
    )
    expect(await failure('ghs_appinstallation00000000000000000000')).toBe(
      "The GitHub App token cannot read the members of 'acme-corp' (Resource not accessible by integration); give the app the organization permission Members: read, approve it on the installation, then run again."
    )
  })

  it('is the workflow GITHUB_TOKEN', async () => {
    answerGraphql(
      graphqlError({
        type: 'FORBIDDEN',
        path: ['organization', 'samlIdentityProvider'],
        message: 'Resource not accessible by integration'
      })
    )
    expect(await failure(WORKFLOW_TOKEN)).toBe(
      "Input 'token' is the same installation token as 'issue-token' (by default the workflow's GITHUB_TOKEN), which cannot read organization members or identities; pass an organization owner's PAT or a GitHub App token, e.g. token: ${{ secrets.SCIM_AUDIT_TOKEN }}."
    )
  })
})

describe('the README', () => {
  it('lists each of these messages under Troubleshooting', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
    const troubleshooting = readme.split('## Troubleshooting')[1] ?? ''
    expect(seen).toHaveLength(7)
    for (const message of seen) {
      const head = message.split(';')[0]?.replace(/'acme-corp'/g, "'ORG'")
      expect(troubleshooting).toContain(`| \`${head}`)
    }
  })
})
