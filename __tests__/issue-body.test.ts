/** The issue body, its hidden state and its comments, as plain functions. */
import fc from 'fast-check'
import type { OrganizationAudit } from '../src/audit.js'
import { classify } from '../src/classify.js'
import { exemptionTest } from '../src/exemptions.js'
import { renderBody, type BodyInput } from '../src/issue/body.js'
import { changesComment, closingComment } from '../src/issue/comments.js'
import { computeDelta } from '../src/issue/delta.js'
import { GITHUB_TEXT_LIMIT } from '../src/issue/fit.js'
import { parseState, renderState, stateOf } from '../src/issue/state.js'
import type { Identity, Member, Roster } from '../src/roster.js'

const RAN_AT = new Date('2025-01-02T03:04:05Z')
const RUN_URL = 'https://github.com/acme-corp/audits/actions/runs/7'

function member(login: string): Member {
  return { login, name: null, role: 'MEMBER' }
}

function samlOnly(login: string, nameId = `${login}@example.com`): Identity {
  const email = `${login}@example.com`
  return {
    guid: `g-${login}`,
    nameId,
    scimUsername: null,
    scimName: null,
    emails: [email],
    login
  }
}

/** An audit where the first `missing` of `size` members lack SCIM metadata. */
function auditOf(size: number, missing: number): OrganizationAudit {
  const logins = Array.from(
    { length: size },
    (_, i) => `user-${String(i).padStart(6, '0')}`
  )
  const identities = logins.map((login, i) => ({
    ...samlOnly(login),
    scimUsername: i < missing ? null : `${login}@example.com`
  }))
  return rosterAudit({
    organization: 'big-org',
    members: logins.map(member),
    identities,
    source: 'organization'
  })
}

function rosterAudit(roster: Roster): OrganizationAudit {
  const classification = classify(roster, exemptionTest([]))
  return { organization: roster.organization, roster, classification }
}

function input(audit: OrganizationAudit, showDetails = true): BodyInput {
  return {
    audit,
    showDetails,
    privacyNote: 'Details are left out.',
    ranAt: RAN_AT,
    runUrl: RUN_URL
  }
}

/** The Markdown with every code span removed: what GitHub could link. */
function outsideCodeSpans(markdown: string): string {
  let rest = markdown
  let outside = ''
  for (;;) {
    const open = /`+/.exec(rest)
    if (!open) return outside + rest
    const fence = open[0]
    const after = rest.slice(open.index + fence.length)
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(after)
    if (!close) return outside + rest
    outside += rest.slice(0, open.index) + ' '
    rest = after.slice(close.index + fence.length)
  }
}

describe('the issue body', () => {
  it('cuts the lists to fit GitHub’s limit and says how many findings were left out', () => {
    const body = renderBody(input(auditOf(6000, 5000)))
    expect(body.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT)
    const rows = body.split('\n').filter((l) => l.startsWith('| [`user-'))
    expect(rows.length).toBeGreaterThan(100)
    expect(body).toContain(
      `> ${5000 - rows.length} findings are left out of the lists above to stay within GitHub's limit of 65,536 characters per issue. The job summary of [the run](${RUN_URL}) and its JSON report`
    )
    expect(body).toContain('5000 of 6000 members of `big-org` are missing')
  })

  it('lists everyone when the lists fit', () => {
    const body = renderBody(input(auditOf(50, 20)))
    expect(
      body.split('\n').filter((l) => l.startsWith('| [`user-'))
    ).toHaveLength(20)
    expect(body).not.toContain('left out')
  })

  it('carries logins only when details are not allowed, and says why', () => {
    const body = renderBody(input(auditOf(5, 2), false))
    expect(body).not.toContain('@example.com')
    expect(body).toContain('Details are left out.')
    expect(body).toContain(
      '| [`user-000000`](https://github.com/orgs/big-org/people/user-000000/sso) | member |'
    )
  })
})

describe('the hidden state', () => {
  it('reads back the lists it wrote', () => {
    const state = stateOf(auditOf(30, 4))
    expect(parseState(`text\n${renderState(state)}\nmore`)).toEqual(state)
    expect(state.findings?.['saml-without-scim']).toEqual([
      'user-000000',
      'user-000001',
      'user-000002',
      'user-000003'
    ])
  })

  it('keeps counts and digest only when the lists are too long, and the next delta says so', () => {
    const long = stateOf(auditOf(6000, 5000))
    const kept = parseState(renderState(long))
    expect(kept?.findings).toBeUndefined()
    expect(kept?.counts['saml-without-scim']).toBe(5000)
    const next = stateOf(auditOf(6000, 4999))
    const delta = computeDelta(kept, next)
    expect(delta).toMatchObject({ named: false, changed: true })
    expect(computeDelta(kept, long).changed).toBe(false)
    const comment = changesComment(
      { organization: 'big-org', ranAt: RAN_AT, runUrl: RUN_URL },
      delta
    )
    expect(comment).toContain(
      'The earlier list was too long to keep in the issue'
    )
  })

  it('cannot be ended early by text inside it', () => {
    const state = stateOf(
      rosterAudit({
        organization: 'acme',
        members: [],
        identities: [
          {
            ...samlOnly('x'),
            guid: '--> <b>hi</b>',
            scimUsername: 'x',
            login: null
          }
        ],
        source: 'organization'
      })
    )
    const line = renderState(state)
    expect(line.indexOf('-->')).toBe(line.length - 3)
    expect(parseState(line)?.findings?.['unlinked-identity']).toEqual([
      '--> <b>hi</b>'
    ])
  })

  it('ignores a missing or damaged state', () => {
    expect(parseState('a person wrote this')).toBeUndefined()
    expect(parseState('<!-- scim-audit:state {"broken -->')).toBeUndefined()
  })
})

describe('comments', () => {
  it('stay within GitHub’s limit however many people changed', () => {
    const delta = computeDelta(
      stateOf(auditOf(8000, 0)),
      stateOf(auditOf(8000, 8000))
    )
    const comment = changesComment(
      { organization: 'big-org', ranAt: RAN_AT, runUrl: RUN_URL },
      delta
    )
    expect(comment.length).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT)
    expect(comment).toMatch(/new `user-000000`, .*, and \d+ more$/)
  })

  it('never mention a person or team, whatever the identity provider sends', () => {
    const text = fc.string({
      unit: fc.constantFrom('@', '`', 'a', '/', ' ', '|', '\n', '<', '-', '\\')
    })
    fc.assert(
      fc.property(text, text, text, (nameId, scim, guid) => {
        const audit = rosterAudit({
          organization: 'acme',
          members: [member('ada'), member('bob')],
          identities: [
            {
              ...samlOnly('ada', nameId),
              scimUsername: scim,
              emails: [`@${scim}`]
            },
            { ...samlOnly('bob', `@acme/owners ${nameId}`) },
            {
              ...samlOnly('eve', scim),
              guid: guid || 'g',
              scimUsername: `${scim}x`,
              login: null
            }
          ],
          source: 'organization'
        })
        const context = { organization: 'acme', ranAt: RAN_AT, runUrl: RUN_URL }
        const delta = computeDelta(undefined, stateOf(audit))
        for (const markdown of [
          renderBody(input(audit)),
          changesComment(context, delta),
          closingComment(context, delta)
        ]) {
          const visible = outsideCodeSpans(markdown.replace(/<!--.*-->/g, ''))
          expect(visible).not.toMatch(/@[a-z0-9]/i)
        }
      }),
      { numRuns: 200 }
    )
  })
})
