/**
 * What happens when the runner's files fail, and how tokens are kept out of
 * every message, in process through msw.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { json } from './mock/github.js'
import { loadSample } from './mock/sample.js'
import { useFakeGitHub } from './helpers/fake-server.js'
import { runInProcess } from './helpers/in-process.js'

const github = useFakeGitHub(loadSample)

const TOKEN = 'ghp_RunnerFilesToken000000000000000000000'

function audit(inputs: Record<string, string> = {}, env = {}) {
  return runInProcess({
    inputs: { organization: 'acme-corp', token: TOKEN, ...inputs },
    env
  })
}

function errorLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line.startsWith('::error'))
}

describe('the runner’s files', () => {
  it('names RUNNER_TEMP and publishes no summary when the reports cannot be written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-file-'))
    const notADirectory = path.join(dir, 'plain-file')
    await writeFile(notADirectory, 'x')
    const run = await audit({}, { RUNNER_TEMP: notADirectory })
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      expect.stringMatching(
        /^::error::Could not write to RUNNER_TEMP \(".*plain-file\/scim-audit"\): .*ENOTDIR.*; the runner should provide a writable path there\.$/
      )
    ])
    expect(run.summary).toBe('')
    expect(run.outputs).toEqual({})
  })
})

describe('tokens in messages', () => {
  it('masks the token before an input error can quote it', async () => {
    const run = await audit({ organization: TOKEN })
    const lines = run.stdout.split('\n')
    const mask = lines.indexOf(`::add-mask::${TOKEN}`)
    const error = lines.findIndex((line) => line.startsWith('::error::'))
    expect(mask).toBeGreaterThanOrEqual(0)
    expect(error).toBeGreaterThan(mask)
    expect(lines[error]).not.toContain(TOKEN.toLowerCase().slice(0, 20))
  })

  it('removes a token that GitHub’s answer echoes from the error line', async () => {
    github.filter = async (request, respond) =>
      request.path === '/graphql'
        ? json(500, { message: `upstream saw Authorization: token ${TOKEN}` })
        : respond()
    const run = await audit()
    expect(run.exitCode).toBe(1)
    const [line] = errorLines(run.stdout)
    expect(line).toContain('***')
    expect(line).not.toContain(TOKEN)
  })

  it('explains an answer that is not JSON in one line', async () => {
    github.filter = async (request, respond) =>
      request.path === '/graphql'
        ? {
            status: 200,
            headers: { 'content-type': 'text/html' },
            body: '<html>Sign in to the proxy</html>'
          }
        : respond()
    const run = await audit()
    expect(run.exitCode).toBe(1)
    expect(errorLines(run.stdout)).toEqual([
      "::error::GitHub's answer about 'acme-corp' was not GraphQL JSON; check that GITHUB_API_URL (or --api-url) points at the GitHub API and no proxy rewrites it, then run again."
    ])
    expect(run.stdout).not.toMatch(/Cannot read properties/)
  })
})
