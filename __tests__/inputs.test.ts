import { InputError } from '../src/errors.js'
import { readSettings } from '../src/inputs.js'

const defaults: Record<string, string> = {
  organization: 'acme-corp',
  token: 'ghp_token',
  enterprise: '',
  'exempt-users': '',
  'fail-on': 'never',
  'max-annotations': '10',
  'identity-details': 'auto',
  'create-issue': 'false',
  'issue-repository': 'acme-corp/audits',
  'issue-token': 'ghs_workflow',
  'issue-title': 'Members missing SCIM metadata in {organization}',
  'issue-labels': 'scim-audit',
  'issue-assignees': '',
  'dry-run': 'false'
}

function settingsWith(overrides: Record<string, string>) {
  const inputs = { ...defaults, ...overrides }
  return readSettings((name) => inputs[name] ?? '')
}

function errorOf(overrides: Record<string, string>): InputError {
  try {
    settingsWith(overrides)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('expected an InputError')
}

describe('readSettings', () => {
  it('reads the action.yml defaults into typed settings', () => {
    expect(settingsWith({})).toEqual({
      organizations: ['acme-corp'],
      token: 'ghp_token',
      enterprise: undefined,
      exemptUsers: [],
      failOn: 'never',
      maxAnnotations: 10,
      identityDetails: 'auto',
      createIssue: false,
      issueRepository: { owner: 'acme-corp', repo: 'audits' },
      issueToken: 'ghs_workflow',
      issueTitle: 'Members missing SCIM metadata in {organization}',
      issueLabels: ['scim-audit'],
      issueAssignees: [],
      dryRun: false
    })
  })

  it('splits organizations and exemptions on commas and newlines, case-insensitively', () => {
    const settings = settingsWith({
      organization: 'Acme-Corp, acme-labs\n acme-corp\n',
      'exempt-users': '*-Bot,\nsvc-*, octocat'
    })
    expect(settings.organizations).toEqual(['acme-corp', 'acme-labs'])
    expect(settings.exemptUsers).toEqual(['*-bot', 'svc-*', 'octocat'])
  })

  it.each([
    [
      'fail-on',
      'sometimes',
      /'fail-on' is "sometimes"; use one of: never, missing, any/
    ],
    ['identity-details', 'maybe', /use one of: auto, always, never/],
    ['max-annotations', '-1', /'max-annotations' is "-1"; use a whole number/],
    ['max-annotations', '3.5', /whole number/],
    ['create-issue', 'yes', /'create-issue' is "yes"; use true or false/],
    ['dry-run', '1', /'dry-run' is "1"; use true or false/],
    [
      'organization',
      'acme corp',
      /"acme corp", which is not an organization login/
    ],
    ['organization', '-acme', /not an organization login/],
    ['organization', '', /'organization' is empty/],
    ['organization', '*', /needs the 'enterprise' input/],
    ['token', '', /'token' is empty/],
    ['token', 'ghp_a b', /white space/],
    ['token', 'ghp_😀', /characters no GitHub token has/],
    ['token', 'x'.repeat(2000), /over 1024 characters/],
    ['enterprise', 'acme/corp', /not an enterprise slug/],
    ['exempt-users', 'bad user', /neither a login nor a glob/],
    ['issue-repository', 'not-a-repo', /use the form owner\/repo/],
    ['issue-assignees', 'ok, not ok', /"not ok", which is not a GitHub login/]
  ])(
    'rejects %s = %j with one line naming the input',
    (input, value, message) => {
      const error = errorOf({ [input]: value })
      expect(error.input).toBe(input)
      expect(error.message).toMatch(message)
      expect(error.message).not.toContain('\n')
    }
  )

  it('accepts * for every organization of an enterprise', () => {
    expect(
      settingsWith({ organization: '*', enterprise: 'Acme' })
    ).toMatchObject({
      organizations: ['*'],
      enterprise: 'acme'
    })
  })

  it('requires an issue token only when a tracking issue is wanted', () => {
    expect(settingsWith({ 'issue-token': '' }).issueToken).toBe('')
    expect(errorOf({ 'issue-token': '', 'create-issue': 'true' }).input).toBe(
      'issue-token'
    )
  })

  it('accepts booleans and choices in any case', () => {
    const settings = settingsWith({ 'dry-run': 'TRUE', 'fail-on': 'Missing' })
    expect(settings.dryRun).toBe(true)
    expect(settings.failOn).toBe('missing')
  })
})
