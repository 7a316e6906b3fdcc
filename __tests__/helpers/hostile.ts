import fc from 'fast-check'

/** Strings rich in what breaks Markdown, HTML and workflow commands. */
export const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(
      fc.constantFrom(
        '|',
        '`',
        '``',
        '\\',
        '<',
        '>',
        '@',
        '::',
        '##[',
        '\n',
        '\r',
        '\u2028',
        '<img src=x onerror=alert(1)>',
        '</sub>',
        '@octocat',
        '::error::x',
        '%0A',
        ' ',
        '&',
        '[',
        ']',
        '(',
        ')',
        '*',
        'a',
        'é'
      ),
      { maxLength: 12 }
    )
    .map((parts) => parts.join(''))
)
