/**
 * Text that comes from the identity provider or the API is untrusted: it may
 * hold line breaks, pipes, backticks, HTML, mentions or workflow commands.
 * These helpers make it inert for each destination.
 */

// Control characters, including line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

// Invisible characters that reorder or hide text, so a name can pose as
// another: bidirectional overrides and isolates, zero-width characters.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

/** Shows an invisible character as its code point, e.g. `<U+202E>`. */
function visible(character: string): string {
  const hex = character.charCodeAt(0).toString(16).toUpperCase()
  return `<U+${hex.padStart(4, '0')}>`
}

/**
 * One line of plain text: control characters become spaces, and invisible
 * characters show as their code points.
 */
export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(INVISIBLE, visible)
}

/**
 * Safe for a log line: one line that cannot open a workflow command, in
 * either the `::name::` form or the older `##[name]` one.
 */
export function logText(text: string): string {
  return oneLine(text)
    .replace(/:(?=:)/g, ': ')
    .replace(/##\[/g, '## [')
}

/** A URL path segment; parentheses too, so it cannot end a Markdown link. */
function segment(text: string): string {
  return encodeURIComponent(text).replace(
    /[()]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

function longestBacktickRun(text: string): number {
  let longest = 0
  for (const run of text.match(/`+/g) ?? []) {
    longest = Math.max(longest, run.length)
  }
  return longest
}

/**
 * A Markdown code span holding `text` literally. Inside a code span nothing
 * is HTML, a link or a mention. Pipes are escaped because GitHub splits
 * table cells on them even inside code; backslashes before a pipe are
 * doubled so that no reading of them can unescape the pipe.
 */
export function code(text: string): string {
  const literal = oneLine(text).replace(
    /(\\*)\|/g,
    (_match, slashes: string) => `${slashes}${slashes}\\|`
  )
  if (literal.trim() === '') return '&nbsp;'
  const fence = '`'.repeat(longestBacktickRun(literal) + 1)
  const pad = /^[` ]|[` ]$/.test(literal) ? ' ' : ''
  return `${fence}${pad}${literal}${pad}${fence}`
}

/** A code span, or an em dash when there is no value. */
export function codeOrDash(text: string | null | undefined): string {
  return text === null || text === undefined || text === '' ? '—' : code(text)
}

/** Escapes text for HTML element content and attribute values. */
export function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The organization-level SSO page of a member. */
export function ssoUrl(organization: string, login: string): string {
  return `https://github.com/orgs/${segment(organization)}/people/${segment(login)}/sso`
}

/** A login in a code span, linked to its SSO page; never a mention. */
export function loginLink(organization: string, login: string): string {
  return `[${code(login)}](${ssoUrl(organization, login)})`
}
