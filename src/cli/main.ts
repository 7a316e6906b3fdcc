import { writeFile } from 'node:fs/promises'
import { runAudit, type AuditRun } from '../audit.js'
import { CATEGORIES } from '../classify.js'
import { reportClock } from '../clock.js'
import { describeError, InputError } from '../errors.js'
import { createClient, RequestCounter } from '../github/client.js'
import { endpoints, requireCloud, routeGraphql } from '../github/hosts.js'
import { readSettings, type Settings } from '../inputs.js'
import { membersMissing } from '../report/blocks.js'
import { totals } from '../report/files.js'
import { parseCommandLine, type CommandLine } from './args.js'
import { renderReport } from './format.js'
import { HELP } from './help.js'
import { terminalProgress, type Terminal } from './progress.js'

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** What a process lends the command: arguments, environment and streams. */
export interface CliEnvironment {
  args: string[]
  env: NodeJS.ProcessEnv
  stdout: Terminal
  stderr: Terminal
  /** HTTP client for Octokit; tests pass the global fetch so msw sees it. */
  fetch?: typeof fetch
}

interface Token {
  value: string
  /** The environment variable it came from. */
  variable: string
}

function readToken(env: NodeJS.ProcessEnv): Token {
  for (const variable of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const value = env[variable]
    if (value && value.trim() !== '') return { value, variable }
  }
  throw new InputError(
    'token',
    "No token: set GH_TOKEN (or GITHUB_TOKEN) to an organization owner's token with read:org, e.g. GH_TOKEN=$(gh auth token)."
  )
}

/** Input messages name action inputs; on a terminal they name the flags. */
function asFlags(error: InputError, token: Token): InputError {
  const message = error.message.replace(/Input '([a-z-]+)'/g, (_, name) =>
    name === 'token' ? token.variable : `Option --${name}`
  )
  return new InputError(error.input, message)
}

/**
 * The audit's hints name action inputs ("check the 'enterprise' input");
 * on a terminal they name the flags, so the audit need not know the CLI.
 */
function namingFlags(message: string): string {
  return message.replace(/the '([a-z-]+)' input/g, '--$1')
}

function readCliSettings(line: CommandLine, token: Token): Settings {
  try {
    return readSettings((name) =>
      name === 'token' ? token.value : (line.inputs[name] ?? '')
    )
  } catch (error) {
    throw error instanceof InputError ? asFlags(error, token) : error
  }
}

async function audit(
  line: CommandLine,
  settings: Settings,
  cli: CliEnvironment
): Promise<AuditRun> {
  const now = reportClock(cli.env.SOURCE_DATE_EPOCH)
  const progress = terminalProgress(cli.stderr)
  const counter = new RequestCounter()
  const api = endpoints({ GITHUB_API_URL: line.apiUrl })
  requireCloud(api)
  const client = createClient(settings.token, counter, {
    baseUrl: api.apiUrl,
    fetch: cli.fetch
  })
  routeGraphql(client, api)
  client.hook.before('request', () => progress.tick())
  try {
    return await runAudit(settings, {
      client,
      log: progress.log,
      requestCount: () => counter.count,
      apiUrl: api.graphqlUrl,
      now
    })
  } finally {
    progress.end()
  }
}

async function deliver(report: string, line: CommandLine, cli: CliEnvironment) {
  if (!line.output) {
    cli.stdout.write(report)
    return
  }
  try {
    await writeFile(line.output, report)
  } catch (error) {
    throw new Error(
      `Cannot write the report to ${JSON.stringify(line.output)} (${describeError(error)}); check that its directory exists and is writable.`
    )
  }
  cli.stderr.write(`Wrote the ${line.format} report to ${line.output}.\n`)
}

function failOnMet(settings: Settings, run: AuditRun): string | undefined {
  const sum = totals(run)
  if (settings.failOn === 'missing' && sum.missingCount > 0) {
    return `${membersMissing(sum.missingCount)} (--fail-on missing).`
  }
  if (settings.failOn === 'any' && CATEGORIES.some((c) => sum.findings[c])) {
    return 'The audit found problems (--fail-on any).'
  }
  return undefined
}

/** The command: parse, audit, print the report, then apply --fail-on. */
export async function runCli(cli: CliEnvironment): Promise<number> {
  try {
    const line = parseCommandLine(cli.args, cli.env)
    if (line.help) {
      cli.stdout.write(HELP)
      return EXIT.ok
    }
    const settings = readCliSettings(line, readToken(cli.env))
    const run = await audit(line, settings, cli)
    // A terminal is not public, so `auto` shows identity details.
    const showDetails = settings.identityDetails !== 'never'
    await deliver(renderReport(line.format, run, showDetails), line, cli)
    const failure = failOnMet(settings, run)
    if (failure) cli.stderr.write(`scim-audit: ${failure}\n`)
    return failure ? EXIT.failed : EXIT.ok
  } catch (error) {
    cli.stderr.write(`scim-audit: ${namingFlags(describeError(error))}\n`)
    return error instanceof InputError ? EXIT.usage : EXIT.failed
  }
}
