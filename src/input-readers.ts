/**
 * One reader per kind of input. Each validates the raw text and throws an
 * InputError that quotes it and names the accepted form.
 */
import { InputError } from './errors.js'
import type { InputName, InputReader, Repository } from './inputs.js'

const LOGIN = /^[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}$/i
const SLUG = /^[a-z\d][a-z\d-]{0,59}$/i
const REPOSITORY = /^([a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38})\/([\w.-]{1,100})$/i
// Only * and ? are wildcards; a trailing [bot] is literal, as in app logins.
const USER_PATTERN = /^[a-z\d*?-]{1,39}(?:\[bot\])?$/i
// Printable ASCII without spaces: every kind of GitHub token fits.
const TOKEN = /^[\x21-\x7e]{1,1024}$/

/** Splits a comma or newline separated list, dropping blanks. */
export function splitList(value: string): string[] {
  return value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Quotes a bad value as given, cut short so a pasted secret stays out. */
function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
  return JSON.stringify(shown)
}

export function readChoice<T extends string>(
  read: InputReader,
  name: InputName,
  choices: readonly T[],
  fallback: T
): T {
  const value = read(name).trim().toLowerCase()
  if (value === '') return fallback
  if ((choices as readonly string[]).includes(value)) return value as T
  throw new InputError(
    name,
    `Input '${name}' is ${quote(read(name))}; use one of: ${choices.join(', ')}.`
  )
}

export function readBoolean(read: InputReader, name: InputName): boolean {
  const value = read(name).trim().toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw new InputError(
    name,
    `Input '${name}' is ${quote(read(name))}; use true or false.`
  )
}

export function readCount(
  read: InputReader,
  name: InputName,
  fallback: number
): number {
  const raw = read(name).trim()
  if (raw === '') return fallback
  if (!/^\d{1,6}$/.test(raw)) {
    throw new InputError(
      name,
      `Input '${name}' is ${quote(raw)}; use a whole number from 0 to 999999.`
    )
  }
  return Number(raw)
}

export function readOrganizations(
  read: InputReader,
  enterprise?: string
): string[] {
  const given = splitList(read('organization'))
  if (given.length === 0) {
    throw new InputError(
      'organization',
      "Input 'organization' is empty; set it to the login of the organization to audit."
    )
  }
  for (const login of given) {
    if (login === '*' && enterprise) continue
    if (login === '*') {
      throw new InputError(
        'organization',
        "Input 'organization' is \"*\", which needs the 'enterprise' input to list the organizations."
      )
    }
    if (!LOGIN.test(login)) {
      throw new InputError(
        'organization',
        `Input 'organization' holds ${quote(login)}, which is not an organization login (letters, digits and single hyphens, at most 39).`
      )
    }
  }
  const organizations = [...new Set(given.map((o) => o.toLowerCase()))]
  if (organizations.includes('*') && organizations.length > 1) {
    throw new InputError(
      'organization',
      'Input \'organization\' mixes "*" with logins; use either "*" or a list of logins.'
    )
  }
  return organizations
}

export function readEnterprise(read: InputReader): string | undefined {
  const slug = read('enterprise').trim()
  if (slug === '') return undefined
  if (!SLUG.test(slug)) {
    throw new InputError(
      'enterprise',
      `Input 'enterprise' is ${quote(slug)}, which is not an enterprise slug (as in github.com/enterprises/SLUG).`
    )
  }
  return slug.toLowerCase()
}

export function readExemptUsers(read: InputReader): string[] {
  const patterns = splitList(read('exempt-users'))
  for (const pattern of patterns) {
    if (!USER_PATTERN.test(pattern)) {
      throw new InputError(
        'exempt-users',
        `Input 'exempt-users' holds ${quote(pattern)}, which is neither a login nor a glob such as "*-bot" or "svc-*" (only * and ? are wildcards).`
      )
    }
  }
  return patterns.map((pattern) => pattern.toLowerCase())
}

export function readRepository(read: InputReader): Repository | undefined {
  const value = read('issue-repository').trim()
  if (value === '') return undefined
  const match = REPOSITORY.exec(value)
  if (!match) {
    throw new InputError(
      'issue-repository',
      `Input 'issue-repository' is ${quote(value)}; use the form owner/repo.`
    )
  }
  return { owner: match[1] as string, repo: match[2] as string }
}

export function readLogins(read: InputReader, name: InputName): string[] {
  const logins = splitList(read(name)).map((l) => l.replace(/^@/, ''))
  for (const login of logins) {
    if (!LOGIN.test(login)) {
      throw new InputError(
        name,
        `Input '${name}' holds ${quote(login)}, which is not a GitHub login.`
      )
    }
  }
  return logins
}

export function readToken(read: InputReader): string {
  const token = read('token').trim()
  if (token === '') {
    throw new InputError(
      'token',
      "Input 'token' is empty; pass an organization owner's token with read:org, e.g. token: ${{ secrets.SCIM_AUDIT_TOKEN }}."
    )
  }
  if (/\s/.test(token)) {
    throw new InputError(
      'token',
      "Input 'token' contains white space; check the secret holds the token alone."
    )
  }
  if (!TOKEN.test(token)) {
    throw new InputError(
      'token',
      "Input 'token' holds characters no GitHub token has, or is over 1024 characters; check the secret holds the token alone."
    )
  }
  return token
}
