import { InputError } from './errors.js'
import {
  readBoolean,
  readChoice,
  readCount,
  readEnterprise,
  readExemptUsers,
  readLogins,
  readOrganizations,
  readRepository,
  readToken,
  splitList
} from './input-readers.js'

export { splitList }

export const FAIL_ON = ['never', 'missing', 'any'] as const
export type FailOn = (typeof FAIL_ON)[number]

export const IDENTITY_DETAILS = ['auto', 'always', 'never'] as const
export type IdentityDetails = (typeof IDENTITY_DETAILS)[number]

export interface Repository {
  owner: string
  repo: string
}

/** Everything the action was asked to do, validated before any request. */
export interface Settings {
  /** Organization logins to audit, deduplicated, in the order given; `*` means every organization of `enterprise`. */
  organizations: string[]
  /** Token that reads members and external identities. */
  token: string
  /** Enterprise slug whose SAML provider holds the identities, if any. */
  enterprise: string | undefined
  /** Logins or glob patterns, lower-cased, whose members are exempt. */
  exemptUsers: string[]
  /** Which findings fail the step after everything is reported. */
  failOn: FailOn
  /** Warning annotations to emit; 0 turns them off. */
  maxAnnotations: number
  /** Whether NameIDs, SCIM userNames and e-mails may be shown. */
  identityDetails: IdentityDetails
  /** Whether to open and maintain a tracking issue. */
  createIssue: boolean
  /** Repository of the tracking issue, and of the workflow run. */
  issueRepository: Repository | undefined
  /** Token that writes issues in `issueRepository`. */
  issueToken: string
  /** Issue title; `{organization}` is replaced. */
  issueTitle: string
  /** Labels put on the tracking issue. */
  issueLabels: string[]
  /** Logins assigned to the tracking issue. */
  issueAssignees: string[]
  /** Read and report, but change nothing on GitHub. */
  dryRun: boolean
}

/** Every input of action.yml that readSettings reads, in action.yml's order. */
export const INPUT_NAMES = [
  'organization',
  'token',
  'enterprise',
  'exempt-users',
  'fail-on',
  'max-annotations',
  'identity-details',
  'create-issue',
  'issue-repository',
  'issue-token',
  'issue-title',
  'issue-labels',
  'issue-assignees',
  'dry-run'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

export type InputReader = (name: InputName) => string

/** Reads and validates every input; throws an InputError on the first bad one. */
export function readSettings(read: InputReader): Settings {
  const enterprise = readEnterprise(read)
  const createIssue = readBoolean(read, 'create-issue')
  const issueRepository = readRepository(read)
  if (createIssue && !issueRepository) {
    throw new InputError(
      'issue-repository',
      "Input 'issue-repository' is empty while 'create-issue' is true; set it to owner/repo."
    )
  }
  const issueToken = read('issue-token').trim()
  if (createIssue && issueToken === '') {
    throw new InputError(
      'issue-token',
      "Input 'issue-token' is empty while 'create-issue' is true; pass a token with issues: write, such as ${{ github.token }}."
    )
  }
  const issueTitle = read('issue-title').trim()
  return {
    organizations: readOrganizations(read, enterprise),
    token: readToken(read),
    enterprise,
    exemptUsers: readExemptUsers(read),
    failOn: readChoice(read, 'fail-on', FAIL_ON, 'never'),
    maxAnnotations: readCount(read, 'max-annotations', 10),
    identityDetails: readChoice(
      read,
      'identity-details',
      IDENTITY_DETAILS,
      'auto'
    ),
    createIssue,
    issueRepository,
    issueToken,
    issueTitle: issueTitle || 'Members missing SCIM metadata in {organization}',
    issueLabels: splitList(read('issue-labels')),
    issueAssignees: readLogins(read, 'issue-assignees'),
    dryRun: readBoolean(read, 'dry-run')
  }
}
