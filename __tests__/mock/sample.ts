import type { FakeGitHub, FakeIdentity, FakeMember } from './github.js'

/** The built-in sample organization of the demo and the end-to-end test. */
export const SAMPLE_ORGANIZATION = 'acme-corp'
export const SAMPLE_REPOSITORY = { owner: 'acme-corp', repo: 'audits' }
export const SAMPLE_EXEMPT = '*-bot'

const people = [
  'ada-lovelace',
  'alan-turing',
  'grace-hopper',
  'edsger-dijkstra',
  'barbara-liskov',
  'donald-knuth',
  'margaret-hamilton',
  'ken-thompson',
  'dennis-ritchie',
  'frances-allen',
  'john-backus',
  'leslie-lamport',
  'radia-perlman',
  'tim-berners-lee',
  'vint-cerf',
  'shafi-goldwasser',
  'niklaus-wirth',
  'adele-goldberg'
]

function mail(login: string): string {
  return `${login.replace(/-/g, '.')}@acme.example`
}

function healthy(login: string): FakeIdentity {
  const [given = '', family = ''] = login.split('-')
  return {
    guid: `guid-${login}`,
    nameId: mail(login),
    scimUsername: mail(login),
    givenName: given,
    familyName: family,
    emails: [mail(login)],
    login
  }
}

/** Members and identities covering every category of the contract. */
export function sampleOrganization() {
  const members: FakeMember[] = [
    ...people.map((login, i) => ({
      login,
      name: login.replace('-', ' '),
      role: i < 2 ? ('ADMIN' as const) : ('MEMBER' as const)
    })),
    { login: 'Linus-T', name: 'Linus', role: 'MEMBER' },
    { login: 'hedy-lamarr', name: 'Hedy', role: 'MEMBER' },
    { login: 'claude-shannon', name: 'Claude', role: 'MEMBER' },
    { login: 'john-mccarthy', name: 'John', role: 'ADMIN' },
    { login: 'katherine-johnson', name: 'Katherine', role: 'MEMBER' },
    { login: 'alonzo-church', name: 'Alonzo', role: 'MEMBER' },
    { login: 'kurt-godel', name: 'Kurt', role: 'MEMBER' },
    { login: 'deploy-bot', name: 'Deploy bot', role: 'MEMBER' },
    { login: 'release-bot', name: null, role: 'MEMBER' }
  ]
  const identities: FakeIdentity[] = [
    ...people.map(healthy),
    // Logins compare case-insensitively: this one is healthy.
    { ...healthy('linus-t'), login: 'linus-t' },
    // saml-without-scim: no SCIM at all, SCIM with a null and an empty userName.
    {
      guid: 'guid-hedy',
      nameId: 'hedy.lamarr@acme.example',
      emails: ['hedy.lamarr@acme.example'],
      login: 'hedy-lamarr'
    },
    {
      guid: 'guid-claude',
      nameId: 'claude.shannon@acme.example',
      scimUsername: null,
      login: 'claude-shannon'
    },
    {
      guid: 'guid-katherine',
      nameId: 'katherine.johnson@acme.example',
      scimUsername: '',
      login: 'katherine-johnson'
    },
    // name-mismatch: NameID and SCIM userName differ.
    { ...healthy('alonzo-church'), scimUsername: 'achurch@acme.example' },
    // Equal after trimming and lower-casing: not a mismatch.
    { ...healthy('kurt-godel'), nameId: ' Kurt.Godel@ACME.example ' },
    // unlinked-identity: SCIM-provisioned, nobody claimed it.
    {
      guid: 'guid-unclaimed-1',
      nameId: 'new.hire@acme.example',
      scimUsername: 'new.hire@acme.example',
      givenName: 'New',
      familyName: 'Hire',
      emails: ['new.hire@acme.example'],
      login: null
    },
    {
      guid: 'guid-unclaimed-2',
      nameId: 'pending|<b>x</b>@acme.example',
      scimUsername: 'pending|<b>x</b>@acme.example',
      givenName: '@acme/owners',
      familyName: '`tick`',
      emails: ['pending@acme.example'],
      login: null
    },
    // SAML-only and unclaimed: not a finding.
    { guid: 'guid-saml-only', nameId: 'visitor@acme.example', login: null },
    // non-member-identity: linked to accounts that left the organization.
    { ...healthy('former-employee'), login: 'former-employee' },
    { ...healthy('contractor-x'), login: 'contractor-x' },
    // The exempt bot has a SAML-only identity.
    {
      guid: 'guid-release-bot',
      nameId: 'release-bot@acme.example',
      login: 'release-bot'
    }
  ]
  // john-mccarthy (ADMIN) and deploy-bot (exempt) have no identity.
  return { login: SAMPLE_ORGANIZATION, members, identities }
}

/** The answers the sample organization must produce. */
export const SAMPLE_EXPECTED = {
  memberCount: 27,
  identityCount: 30,
  missingLogins: [
    'claude-shannon',
    'hedy-lamarr',
    'john-mccarthy',
    'katherine-johnson'
  ],
  findings: {
    'saml-without-scim': 3,
    'no-identity': 1,
    'unlinked-identity': 2,
    'non-member-identity': 2,
    'name-mismatch': 1,
    exempt: 2
  }
}

/** Loads the sample organization and its private audit repository. */
export function loadSample(fake: FakeGitHub): FakeGitHub {
  return fake
    .addOrganization(sampleOrganization())
    .addRepository({ ...SAMPLE_REPOSITORY, visibility: 'private' })
}
