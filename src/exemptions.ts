/** A predicate over logins built from the `exempt-users` patterns. */
export type ExemptionTest = (login: string) => boolean

/** A pattern where `*` is any run of characters, `?` one, all else literal. */
function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((c) =>
      c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[^a-z\d-]/gi, '\\$&')
    )
    .join('')
  return new RegExp(`^${source}$`, 'i')
}

/** Logins and globs, compared case-insensitively. */
export function exemptionTest(patterns: string[]): ExemptionTest {
  const matchers = patterns.map(globToRegExp)
  return (login) => matchers.some((matches) => matches.test(login))
}
