import { exemptionTest } from '../src/exemptions.js'
import { readSettings } from '../src/inputs.js'

function exempts(patterns: string[], login: string): boolean {
  return exemptionTest(patterns)(login)
}

describe('exempt-users patterns', () => {
  it.each([
    ['*-bot', 'deploy-bot', true],
    ['*-bot', 'DEPLOY-BOT', true],
    ['*-bot', 'robot', false],
    ['svc-*', 'svc-ci', true],
    ['svc-*', 'my-svc-ci', false],
    ['user-?', 'user-7', true],
    ['user-?', 'user-17', false],
    ['octocat', 'OctoCat', true],
    ['octocat', 'octocats', false],
    ['dependabot[bot]', 'dependabot[bot]', true],
    ['dependabot[bot]', 'dependabotb', false],
    ['*[bot]', 'renovate[bot]', true]
  ])('%s matches %s: %s', (pattern, login, expected) => {
    expect(exempts([pattern], login)).toBe(expected)
  })

  it('exempts nobody when no pattern is given', () => {
    expect(exempts([], 'anyone')).toBe(false)
  })

  it.each(['!alice', '[ab]*', 'a{b,c}', 'a/b'])(
    'rejects %s, which would be more than a login or simple glob',
    (pattern) => {
      const inputs: Record<string, string> = {
        organization: 'acme',
        token: 't',
        'exempt-users': pattern
      }
      expect(() => readSettings((name) => inputs[name] ?? '')).toThrow(
        /Input 'exempt-users' holds .*only \* and \? are wildcards/
      )
    }
  )
})
