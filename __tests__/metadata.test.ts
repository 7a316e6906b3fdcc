/**
 * The metadata validator that `npm test` runs, tried on the repository and
 * on broken copies of it, so a validator that accepts anything would fail.
 */
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './mock/runner.js'

let copy: string

beforeEach(async () => {
  copy = await mkdtemp(path.join(os.tmpdir(), 'scim-audit-metadata-'))
  await cp(path.join(ROOT, 'action.yml'), path.join(copy, 'action.yml'))
  await cp(path.join(ROOT, '.github'), path.join(copy, '.github'), {
    recursive: true
  })
})
afterEach(() => rm(copy, { recursive: true, force: true }))

function validate(root: string) {
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, '.ci/validate-metadata.ts'), root],
    { cwd: ROOT, encoding: 'utf8' }
  )
  return { status: result.status, output: result.stdout + result.stderr }
}

async function edit(file: string, change: (text: string) => string) {
  const full = path.join(copy, file)
  await writeFile(full, change(await readFile(full, 'utf8')))
}

describe('the metadata validator', () => {
  it('accepts action.yml and the CI, dist and example audit workflows', async () => {
    const result = validate(copy)
    expect(result.output).toBe('action.yml and 3 workflows are valid.\n')
    expect(result.status).toBe(0)
  })

  it('rejects an action whose runtime the schema does not know', async () => {
    await edit('action.yml', (t) => t.replace('using: node24', 'using: node9'))
    const result = validate(copy)
    expect(result.status).toBe(1)
    expect(result.output).toContain('action.yml (Line: ')
  })

  it('rejects a workflow with a misspelled job key', async () => {
    await edit('.github/workflows/ci.yml', (t) =>
      t.replace('runs-on:', 'runs_on:')
    )
    const result = validate(copy)
    expect(result.status).toBe(1)
    expect(result.output).toContain('runs_on')
  })

  it('rejects a workflow that reads an unknown context property', async () => {
    await edit(
      '.github/workflows/check-dist.yml',
      (t) => `${t}      - run: echo \${{ github.no_such_field }}\n`
    )
    const result = validate(copy)
    expect(result.status).toBe(1)
    expect(result.output).toMatch(
      /^\.github\/workflows\/check-dist\.yml:\d+:\d+: property "no_such_field"/m
    )
  })
})
