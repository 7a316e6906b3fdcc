/**
 * action.yml, the inputs the code reads, the outputs it sets and the
 * README's tables describe one interface; this holds them to each other.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { INPUT_NAMES, readSettings } from '../src/inputs.js'
import { OUTPUT_NAMES } from '../src/outputs.js'
import { actionMetadata, ROOT } from './mock/runner.js'

interface TableRow {
  name: string
  /** The second column: a default for inputs, a value for outputs. */
  second: string
}

/** The rows of the first table under `## heading` in the README. */
async function readmeTable(heading: string): Promise<TableRow[]> {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8')
  const section = readme.split(`\n## ${heading}\n`)[1] ?? ''
  const lines = section.split('\n## ')[0]?.split('\n') ?? []
  const table = lines.filter((line) => line.startsWith('|')).slice(2)
  return table.map((line) => {
    const [name = '', second = ''] = line.slice(2).split(' | ')
    return { name: name.replace(/`/g, ''), second }
  })
}

/** How the README writes an input's default. */
function readmeDefault(input: { default?: string; required?: boolean }) {
  if (input.required) return '(required)'
  return input.default ? `\`${input.default}\`` : 'empty'
}

describe('the interface', () => {
  it('reads exactly the inputs action.yml declares, in its order', async () => {
    const { inputs } = await actionMetadata()
    expect(Object.keys(inputs)).toEqual([...INPUT_NAMES])
  })

  it('asks for every input it lists and no other', () => {
    const asked = new Set<string>()
    readSettings((name) => {
      asked.add(name)
      return name === 'organization' ? 'acme' : name === 'token' ? 't' : ''
    })
    expect([...asked].sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('sets exactly the outputs action.yml declares', async () => {
    const { outputs } = await actionMetadata()
    expect(Object.keys(outputs)).toEqual([...OUTPUT_NAMES])
  })

  it('gives no default to a required input', async () => {
    const { inputs } = await actionMetadata()
    for (const [name, input] of Object.entries(inputs)) {
      if (input.required)
        expect({ name, default: input.default }).toEqual({
          name,
          default: undefined
        })
    }
  })

  it('shows every input with its default in the README', async () => {
    const { inputs } = await actionMetadata()
    expect(await readmeTable('Inputs')).toEqual(
      Object.entries(inputs).map(([name, input]) => ({
        name,
        second: readmeDefault(input)
      }))
    )
  })

  it('shows every output in the README', async () => {
    const { outputs } = await actionMetadata()
    const rows = await readmeTable('Outputs')
    expect(rows.map((row) => row.name)).toEqual(Object.keys(outputs))
  })
})
