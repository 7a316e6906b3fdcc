/**
 * A whole run over an organization whose identity provider sends hostile
 * text: the log, the summary and the report stay what the action meant.
 */
import fc from 'fast-check'
import { faultyGitHub } from './helpers/faults.js'
import { hostile } from './helpers/hostile.js'
import { runInProcess } from './helpers/in-process.js'
import { expectSafeMarkdown } from './helpers/markdown.js'
import { FakeGitHub } from './mock/github.js'

const github = faultyGitHub()

/** The commands the action writes on purpose. */
const INTENDED =
  /^::(add-mask|debug|group|endgroup|warning|error|notice)( [^:]*)?::/

function hostileOrganization(texts: string[]) {
  const members = texts.map((text, i) => ({
    login: `${text}-${i}`,
    name: text,
    role: 'MEMBER' as const
  }))
  const identities = texts.map((text, i) => ({
    guid: `${text}${i}`,
    nameId: text,
    scimUsername: i % 2 ? undefined : `${text}!`,
    emails: [text, `${text}@example.com`],
    login: i % 3 ? `${text}-${i}` : null
  }))
  return { login: 'acme-corp', members, identities }
}

describe('hostile identity data in a whole run', () => {
  it('never starts a workflow command and never breaks the summary', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(hostile, { minLength: 1, maxLength: 5 }),
        async (texts) => {
          github.fake = new FakeGitHub().addOrganization(
            hostileOrganization(texts)
          )
          const run = await runInProcess({
            inputs: {
              organization: 'acme-corp',
              token: 'ghp_hostilerun',
              'identity-details': 'always'
            }
          })
          expect(run.exitCode).toBe(0)
          for (const line of run.stdout.split('\n')) {
            const start = line.trimStart()
            if (start.startsWith('::')) expect(start).toMatch(INTENDED)
            expect(start.startsWith('##[')).toBe(false)
          }
          expectSafeMarkdown(run.summary)
          const report = (await run.readReport()) as { memberCount: number }
          expect(report.memberCount).toBe(texts.length)
        }
      ),
      { numRuns: 25 }
    )
  })
})
