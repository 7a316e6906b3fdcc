import picomatch from 'picomatch'

/** A predicate over logins built from the `exempt-users` patterns. */
export type ExemptionTest = (login: string) => boolean

/** Logins and globs, compared case-insensitively. */
export function exemptionTest(patterns: string[]): ExemptionTest {
  if (patterns.length === 0) return () => false
  const matchers = patterns.map((pattern) =>
    picomatch(pattern.toLowerCase(), { nocase: true, dot: true })
  )
  return (login) => {
    const lower = login.toLowerCase()
    return matchers.some((matches) => matches(lower))
  }
}
