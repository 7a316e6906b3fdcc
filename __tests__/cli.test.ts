import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { FLAGS } from '../src/cli/args.js'
import { HELP } from '../src/cli/help.js'
import { runCli } from '../src/cli/main.js'
import { FakeGitHub } from './mock/github.js'
import { loadSample, SAMPLE_EXPECTED } from './mock/sample.js'
import { MSW_API_URL, mswServer } from './mock/transports.js'

// One sample for every test: the CLI only reads, which a test below checks.
const fake = loadSample(new FakeGitHub())
const server = mswServer(fake)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

function stream(isTTY = false) {
  const chunks: string[] = []
  return { chunks, isTTY, write: (text: string) => chunks.push(text) }
}

async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  terminal = false
) {
  const stdout = stream()
  const stderr = stream(terminal)
  const status = await runCli({
    args: ['--api-url', MSW_API_URL, ...args],
    env: { GH_TOKEN: 'ghp_cli_token', ...env },
    stdout,
    stderr,
    fetch: globalThis.fetch
  })
  return {
    status,
    stdout: stdout.chunks.join(''),
    stderr: stderr.chunks.join('')
  }
}

const SAMPLE = ['--organization', 'acme-corp', '--exempt-users', '*-bot']

describe('scim-audit --help', () => {
  it('documents every flag and exits 0 without reading GitHub', async () => {
    const run = await cli(['--help'], { GH_TOKEN: '' })
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(HELP)
    for (const flag of FLAGS) expect(HELP).toContain(`--${flag} `)
  })
})

describe('a bad command line', () => {
  it.each([
    [
      ['--organisation', 'acme'],
      'Unknown option "--organisation"; run scim-audit --help for the options.'
    ],
    [
      ['--format', 'xml'],
      'Option --format is "xml"; use one of: text, markdown, json, csv.'
    ],
    [
      ['--organization', 'acme', '--fail-on', 'sometimes'],
      'Option --fail-on is "sometimes"; use one of: never, missing, any.'
    ],
    [
      ['--organization', 'not a login'],
      'Option --organization holds "not a login", which is not an organization login'
    ],
    [
      ['--api-url', 'api.github.com'],
      'Option --api-url is "api.github.com"; use the REST API\'s base URL'
    ],
    [
      ['acme-corp'],
      'Unexpected argument "acme-corp"; every value follows a flag, such as --organization acme-corp.'
    ],
    [
      ['--organization'],
      'Option --organization needs a value, as in --organization=VALUE.'
    ],
    [
      ['--organization', '--api-url', 'http://127.0.0.1:1'],
      'Option --organization is missing its value; the next argument is the option --api-url.'
    ],
    [
      ['--organization', 'acme-corp', '--output', ''],
      'Option --output is ""; give the path of the file to write, or leave it out to print the report.'
    ],
    [
      ['--organization', '*'],
      'Option --organization is "*", which needs --enterprise to list the organizations.'
    ],
    [['--help=yes'], 'Option --help takes no value, but was given "yes".'],
    [
      [],
      'Option --organization is empty; set it to the login of the organization to audit.'
    ]
  ])('%j exits 2 with one line that quotes it', async (args, message) => {
    const run = await cli(args)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^scim-audit: [^\n]+\n$/)
    expect(run.stderr).toContain(message)
    expect(run.stdout).toBe('')
  })

  it('exits 2 and names both variables when there is no token', async () => {
    const run = await cli(SAMPLE, { GH_TOKEN: '', GITHUB_TOKEN: '' })
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('set GH_TOKEN (or GITHUB_TOKEN)')
  })
})

describe('an audit from the terminal', () => {
  it('prints a table per category with identity details, progress on stderr', async () => {
    const run = await cli(SAMPLE)
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /^acme-corp: 4 of 27 members are missing SCIM metadata\.\n/
    )
    expect(run.stdout).toMatch(
      /^ {2}alonzo-church +member +alonzo\.church@acme\.example +achurch@acme\.example$/m
    )
    expect(run.stdout).toContain('Exempt: deploy-bot, release-bot')
    expect(run.stderr).toBe(
      [
        'Fetching members of acme-corp…',
        '  Read 27 members (3 owners).',
        'Fetching external identities of acme-corp…',
        '  Read 30 external identities: 25 with SCIM metadata, 27 linked to an account.',
        'Classifying members and identities of acme-corp…',
        '  4 of 27 members missing SCIM metadata; saml-without-scim 3, no-identity 1, unlinked-identity 2, non-member-identity 2, name-mismatch 1, exempt 2.',
        ''
      ].join('\n')
    )
  })

  it('redraws a request counter in place when stderr is a terminal', async () => {
    const run = await cli(SAMPLE, {}, true)
    expect(run.stderr).toContain('\r  1 requests sent')
    expect(run.stderr).toContain('\r\x1b[KFetching members of acme-corp…')
    expect(run.stderr.endsWith('exempt 2.\n')).toBe(true)
  })

  it('reads GITHUB_TOKEN when GH_TOKEN is unset', async () => {
    const run = await cli([...SAMPLE, '--format', 'json'], {
      GH_TOKEN: '',
      GITHUB_TOKEN: 'ghs_other'
    })
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout).missingLogins).toEqual(
      SAMPLE_EXPECTED.missingLogins
    )
  })

  it('hides NameIDs and SCIM userNames with --identity-details never', async () => {
    const run = await cli([...SAMPLE, '--identity-details', 'never'])
    expect(run.stdout).not.toContain('@acme.example')
    expect(run.stdout).toContain('Identity details are hidden.')
  })

  it('writes the chosen format to --output and exits 1 when --fail-on is met', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-cli-'))
    const file = path.join(directory, 'report.csv')
    try {
      const run = await cli([
        ...SAMPLE,
        '--format=csv',
        '-o',
        file,
        '--fail-on',
        'missing'
      ])
      expect(run.status).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`Wrote the csv report to ${file}.\n`)
      expect(run.stderr).toContain(
        'scim-audit: 4 members are missing SCIM metadata (--fail-on missing).\n'
      )
      const rows = (await readFile(file, 'utf8')).trim().split('\r\n')
      expect(rows).toHaveLength(1 + 9)
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it('says "1 member is missing" when --fail-on missing meets one member', async () => {
    const [, ...others] = SAMPLE_EXPECTED.missingLogins
    const run = await cli([
      ...SAMPLE,
      '--exempt-users',
      others.join(','),
      '--fail-on',
      'missing'
    ])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(
      'scim-audit: 1 member is missing SCIM metadata (--fail-on missing).\n'
    )
  })

  it('exits 1 with the one-line reason when the organization does not exist', async () => {
    const run = await cli(['--organization', 'ghost-org'])
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      "scim-audit: Organization 'ghost-org' was not found; check --organization and that the token's owner can see it.\n"
    )
  })

  it('names --enterprise when SAML is not configured on the organization', async () => {
    fake.addOrganization({
      login: 'unsigned-org',
      identities: null,
      members: [{ login: 'ada', role: 'ADMIN' }]
    })
    const run = await cli(['--organization', 'unsigned-org'])
    expect(run.status).toBe(1)
    expect(run.stderr).toBe(
      "scim-audit: SAML single sign-on is not configured on the organization 'unsigned-org'; if SAML is configured on its enterprise, set --enterprise to the enterprise slug.\n"
    )
  })

  it('never sends anything but reads', async () => {
    const before = fake.requests.length
    await cli([...SAMPLE, '--fail-on', 'any'])
    const sent = fake.requests.slice(before)
    expect(sent.length).toBeGreaterThan(0)
    for (const request of sent) {
      expect(request.method === 'GET' || request.path === '/graphql').toBe(true)
      expect(request.query ?? '').not.toMatch(/^\s*mutation\b/)
    }
  })
})
