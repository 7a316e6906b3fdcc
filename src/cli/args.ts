import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import type { InputName } from '../inputs.js'

export const FORMATS = ['text', 'markdown', 'json', 'csv'] as const
export type Format = (typeof FORMATS)[number]

/** Flags that carry an action input of the same name. */
const INPUT_FLAGS = [
  'organization',
  'enterprise',
  'exempt-users',
  'fail-on',
  'identity-details'
] as const satisfies readonly InputName[]

const OPTIONS = {
  organization: { type: 'string', multiple: true },
  enterprise: { type: 'string' },
  'exempt-users': { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  'identity-details': { type: 'string' },
  'api-url': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Every flag, without its dashes. */
export const FLAGS = Object.keys(OPTIONS)

/** What the command line asked for, before the inputs are validated. */
export interface CommandLine {
  help: boolean
  /** Values of the flags that mirror action inputs, lists joined by commas. */
  inputs: Partial<Record<InputName, string>>
  /** REST base URL without a trailing slash. */
  apiUrl: string
  format: Format
  /** File to write instead of stdout. */
  output: string | undefined
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number]

function checkToken(token: Token): void {
  if (token.kind === 'positional') {
    throw new InputError(
      'arguments',
      `Unexpected argument ${JSON.stringify(token.value)}; every value follows a flag, such as --organization ${token.value}.`
    )
  }
  if (token.kind !== 'option') return
  const option = OPTIONS[token.name as keyof typeof OPTIONS]
  if (!option) {
    throw new InputError(
      token.name,
      `Unknown option ${JSON.stringify(token.rawName)}; run scim-audit --help for the options.`
    )
  }
  // parseArgs takes the next argument as the value, even another flag.
  if (
    option.type === 'string' &&
    !token.inlineValue &&
    /^--?[a-z]/i.test(token.value ?? '')
  ) {
    throw new InputError(
      token.name,
      `Option ${token.rawName} is missing its value; the next argument is the option ${token.value}.`
    )
  }
  if (option.type === 'string' && token.value === undefined) {
    throw new InputError(
      token.name,
      `Option ${token.rawName} needs a value, as in ${token.rawName}=VALUE.`
    )
  }
  if (option.type === 'boolean' && token.value !== undefined) {
    throw new InputError(
      token.name,
      `Option ${token.rawName} takes no value, but was given ${JSON.stringify(token.value)}.`
    )
  }
}

function readFormat(value: string | undefined): Format {
  const format = (value ?? 'text').trim().toLowerCase()
  if ((FORMATS as readonly string[]).includes(format)) return format as Format
  throw new InputError(
    'format',
    `Option --format is ${JSON.stringify(value)}; use one of: ${FORMATS.join(', ')}.`
  )
}

function readOutput(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() !== '') return value
  throw new InputError(
    'output',
    `Option --output is ${JSON.stringify(value)}; give the path of the file to write, or leave it out to print the report.`
  )
}

function readApiUrl(value: string): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new InputError(
      'api-url',
      `Option --api-url is ${JSON.stringify(value)}; use the REST API's base URL, such as https://api.github.com.`
    )
  }
  return value.replace(/\/+$/, '')
}

/** A flag's value; repeated list flags are joined with commas. */
function joined(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(String).join(',')
  return typeof value === 'string' ? value : undefined
}

/** Parses the arguments after the command name; throws InputError. */
export function parseCommandLine(
  args: string[],
  env: NodeJS.ProcessEnv
): CommandLine {
  const { values, tokens } = parseArgs({
    args,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true
  })
  tokens.forEach(checkToken)
  const inputs: CommandLine['inputs'] = {}
  for (const flag of INPUT_FLAGS) {
    const value = joined(values[flag])
    if (value !== undefined) inputs[flag] = value
  }
  return {
    help: values.help === true,
    inputs,
    apiUrl: readApiUrl(
      joined(values['api-url']) ??
        (env.GITHUB_API_URL || 'https://api.github.com')
    ),
    format: readFormat(joined(values.format)),
    output: readOutput(joined(values.output))
  }
}
