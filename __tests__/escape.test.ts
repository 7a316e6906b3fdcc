/**
 * Names, NameIDs, userNames and e-mails come from the identity provider,
 * so they are fuzzed: whatever they hold, the summary keeps its shape, no
 * HTML tag or mention gets out of a code span, and no log line becomes a
 * workflow command.
 */
import fc from 'fast-check'
import type { AuditRun } from '../src/audit.js'
import { classify } from '../src/classify.js'
import { buildAnnotations } from '../src/report/annotations.js'
import { code, logText, loginLink, oneLine } from '../src/report/escape.js'
import { csvField } from '../src/report/files.js'
import { renderSummary } from '../src/report/summary.js'
import type { Identity, Member } from '../src/roster.js'
import {
  cellDelimiters,
  expectSafeMarkdown,
  outsideCodeSpans,
  withoutLinkTargets
} from './helpers/markdown.js'
import { hostile } from './helpers/hostile.js'

const identity = fc.record<Identity>({
  guid: hostile,
  nameId: fc.option(hostile),
  scimUsername: fc.option(hostile),
  scimName: fc.option(hostile),
  emails: fc.array(hostile, { maxLength: 3 }),
  login: fc.option(hostile)
})

const member = fc.record<Member>({
  login: hostile,
  name: fc.option(hostile),
  role: fc.constantFrom('ADMIN', 'MEMBER')
})

function auditRun(members: Member[], identities: Identity[]): AuditRun {
  const roster = {
    organization: 'acme-corp',
    members,
    identities,
    source: 'organization' as const
  }
  const at = new Date('2030-01-01T00:00:00Z')
  return {
    audits: [
      {
        organization: 'acme-corp',
        roster,
        classification: classify(roster, () => false)
      }
    ],
    startedAt: at,
    finishedAt: at,
    requests: 3,
    apiUrl: 'https://api.github.com'
  }
}

describe('a code span', () => {
  it('holds any text on one line, in one table cell, with nothing outside it', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const span = code(text)
        expect(span).not.toMatch(/[\n\r]/)
        expect(cellDelimiters(`| ${span} | x |`)).toBe(3)
        expect(['', '&nbsp;']).toContain(outsideCodeSpans(span))
      }),
      { numRuns: 2000 }
    )
  })

  it('links a login without letting it out of the link', () => {
    fc.assert(
      fc.property(hostile, (login) => {
        const link = outsideCodeSpans(loginLink('acme-corp', login))
        expect(withoutLinkTargets(link)).toMatch(/^\[(&nbsp;)?\]$/)
      }),
      { numRuns: 1000 }
    )
  })
})

describe('the job summary', () => {
  it('keeps every table in shape and every tag and mention in code', () => {
    fc.assert(
      fc.property(
        fc.array(member, { maxLength: 6 }),
        fc.array(identity, { maxLength: 6 }),
        (members, identities) => {
          const run = auditRun(members, identities)
          expectSafeMarkdown(renderSummary(run, { showDetails: true }))
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('log lines and annotations', () => {
  it('never start a workflow command from a log line', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const line = logText(`Read ${text}`)
        expect(line).not.toMatch(/[\n\r\u2028\u2029]/)
        expect(line).not.toContain('::')
        expect(line).not.toContain('##[')
      }),
      { numRuns: 2000 }
    )
  })

  it('keep each annotation on one line', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 4 }), (members) => {
        const run = auditRun(members, [])
        for (const annotation of buildAnnotations(run, 10)) {
          expect(annotation.title).not.toMatch(/[\n\r]/)
          expect(annotation.message).not.toMatch(/[\n\r]/)
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe('invisible and control characters', () => {
  it('shows bidirectional overrides and zero-width characters as code points', () => {
    expect(oneLine('ad\u202Emin\u200B')).toBe('ad<U+202E>min<U+200B>')
    expect(code('x\u2066y')).toBe('`x<U+2066>y`')
  })

  it('keeps escape sequences and line breaks out of CSV cells', () => {
    expect(csvField('a\u001b[31mred\nb')).toBe('"a [31mred b"')
    expect(csvField('=1+1')).toBe('"\'=1+1"')
  })
})
