/**
 * Every failure message in the sources has a row in the README's
 * Troubleshooting section, matched on the text before its first `; `.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './mock/runner.js'

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name)
    if (statSync(file).isDirectory()) return sources(file)
    return file.endsWith('.ts') ? [file] : []
  })
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Files whose sentences are not failures: remediation steps and plans. */
const NOT_FAILURES = ['src/report/categories.ts', 'src/issue/plan.ts']

/** Sentences of the same form that are notes, not failures. */
const NOTES = [/^NameIDs, SCIM userNames and e-mails are left out/]

/** Literals in the one-line form of our failures: what is wrong; what to do. */
const MESSAGE = [
  /`([A-Z][^`\n]*?; [^`\n]*?\.)`/g,
  /"([A-Z][^"\n]*?; [^"\n]*?\.)"/g,
  /'([A-Z][^'\n]*?; [^'\n]*?\.)'/g
]

function messageHeads(): { file: string; head: string }[] {
  return sources(path.join(ROOT, 'src')).flatMap((file) => {
    if (NOT_FAILURES.includes(path.relative(ROOT, file))) return []
    const text = readFileSync(file, 'utf8')
    const literals = MESSAGE.flatMap((pattern) => [...text.matchAll(pattern)])
    return literals
      .filter((m) => !/info\(\s*$/.test(text.slice(0, m.index).slice(-40)))
      .filter((m) => !NOTES.some((note) => note.test(m[1] as string)))
      .map((m) => ({
        file: path.relative(ROOT, file),
        head: (m[1] as string).split('; ')[0] as string
      }))
  })
}

function troubleshootingCells(): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const section = readme.split('\n## Troubleshooting\n')[1]?.split('\n## ')[0]
  return (section ?? '')
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => line.split('`').filter((_, i) => i % 2 === 1))
}

describe('the README’s Troubleshooting section', () => {
  const cells = troubleshootingCells()

  it.each(messageHeads().map((m) => [m.head, m.file]))(
    'lists "%s" (%s)',
    (head) => {
      const pattern = new RegExp(
        `^${head
          .split(/\$\{[^}]*\}/)
          .map(escapeRegExp)
          .join('.+?')}`
      )
      expect(cells.filter((cell) => pattern.test(cell))).not.toEqual([])
    }
  )
})
