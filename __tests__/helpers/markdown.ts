/**
 * Just enough of GitHub's Markdown rules to check what untrusted text can
 * do to a summary: where code spans are, and where table cells split.
 */

function runLength(text: string, start: number): number {
  let end = start
  while (text[end] === '`') end++
  return end - start
}

/** The index of the next backtick run of exactly `length`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let i = from; i < text.length;) {
    const run = runLength(text, i)
    if (run === length) return i
    i += Math.max(run, 1)
  }
  return -1
}

/** `line` with every code span cut out, as CommonMark finds them. */
export function outsideCodeSpans(line: string): string {
  let out = ''
  for (let i = 0; i < line.length;) {
    const run = runLength(line, i)
    if (run === 0) {
      out += line[i++]
      continue
    }
    const close = closingRun(line, i + run, run)
    if (close < 0) {
      out += line.slice(i, i + run)
      i += run
    } else {
      i = close + run
    }
  }
  return out
}

/** `line` without the destinations of its links, `](...)`. */
export function withoutLinkTargets(line: string): string {
  return line.replace(/\]\([^)\s]*\)/g, ']')
}

/**
 * Pipes that end a table cell. A backslash escapes the character after it,
 * so `\\|` ends a cell: stricter than cmark-gfm, which escapes only `\|`.
 */
export function cellDelimiters(line: string): number {
  let count = 0
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++
    else if (line[i] === '|') count++
  }
  return count
}

/** The tables of a document: runs of lines that start with a pipe. */
export function tables(markdown: string): string[][] {
  const found: string[][] = []
  let current: string[] = []
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) {
      current.push(line)
      continue
    }
    if (current.length) found.push(current)
    current = []
  }
  if (current.length) found.push(current)
  return found
}

const RAW_TAG = /<\/?[a-z!?]/i
const OUR_TAGS = /<\/?sub>/g

/**
 * Throws unless every table keeps the width of its header and no text
 * outside code spans and link targets holds an HTML tag or a mention.
 */
export function expectSafeMarkdown(markdown: string): void {
  for (const table of tables(markdown)) {
    const width = cellDelimiters(table[0] as string)
    for (const row of table) expect(cellDelimiters(row)).toBe(width)
  }
  for (const line of markdown.split('\n')) {
    const prose = withoutLinkTargets(outsideCodeSpans(line))
    expect(prose.replace(OUR_TAGS, '')).not.toMatch(RAW_TAG)
    expect(prose).not.toContain('@')
  }
}
