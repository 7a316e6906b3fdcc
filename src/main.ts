import * as core from '@actions/core'
import { runAudit, type AuditRun } from './audit.js'
import { CATEGORIES } from './classify.js'
import { reportClock } from './clock.js'
import { describeError } from './errors.js'
import { createClient, RequestCounter } from './github/client.js'
import { blameWorkflowToken } from './github/diagnose.js'
import {
  endpoints,
  requireCloud,
  routeGraphql,
  type Endpoints
} from './github/hosts.js'
import {
  fail,
  inReportDirectory,
  maskTokens,
  setOutputs,
  writeSummary
} from './runner.js'
import { readSettings, type Repository, type Settings } from './inputs.js'
import { applyTracking, issueOutputs } from './issue/apply.js'
import { outcomeLines, trackingSections } from './issue/section.js'
import {
  prepareTracking,
  type Tracking,
  type TrackingContext
} from './issue/tracking.js'
import type { Logger } from './logger.js'
import { buildAnnotations } from './report/annotations.js'
import { logText } from './report/escape.js'
import { membersMissing } from './report/blocks.js'
import { totals, writeReports } from './report/files.js'
import { auditOutputs } from './outputs.js'
import { renderSummary } from './report/summary.js'
import { detailsAllowed, type DetailsDecision } from './visibility.js'

/** What the runner's environment lends the action besides its inputs. */
export interface ActionEnvironment {
  /** HTTP client for Octokit; tests pass the global fetch so msw sees it. */
  fetch?: typeof fetch
  /** Base of the retry backoff in milliseconds. */
  retryAfterBaseMs?: number
  /** How long one request may go unanswered, in milliseconds. */
  requestTimeoutMs?: number
}

/** The Actions log: groups, info and debug, with untrusted text defused. */
export const actionsLogger: Logger = {
  group: (title, work) => core.group(logText(title), work),
  info: (message) => core.info(logText(message)),
  debug: (message) => core.debug(logText(message))
}

function workflowRepository(): Repository | undefined {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  return owner && repo ? { owner, repo } : undefined
}

/** The workflow run's page, linked from the tracking issue. */
function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } =
    process.env
  const id = process.env.GITHUB_RUN_ID
  return server && repository && id
    ? `${server}/${repository}/actions/runs/${id}`
    : undefined
}

function clientFor(
  token: string,
  counter: RequestCounter,
  environment: ActionEnvironment,
  api: Endpoints
) {
  const client = createClient(token, counter, {
    fetch: environment.fetch,
    retryAfterBaseMs: environment.retryAfterBaseMs,
    requestTimeoutMs: environment.requestTimeoutMs,
    baseUrl: api.apiUrl,
    debug: (message) => core.debug(logText(message))
  })
  routeGraphql(client, api)
  return client
}

/** Summary, report files and annotations; returns the audit's outputs. */
async function publish(
  run: AuditRun,
  settings: Settings,
  details: DetailsDecision,
  tracking: Tracking | undefined
) {
  const showDetails = details.show
  const organizations = run.audits.map((a) => a.organization)
  const sections = tracking
    ? trackingSections(tracking, organizations, settings.dryRun)
    : undefined
  const paths = await actionsLogger.group(
    'Writing the job summary and reports',
    async () => {
      actionsLogger.info(
        `Identity details are ${showDetails ? 'shown' : 'hidden'}: ${details.reason}.`
      )
      // Reports first: a summary must not claim an audit whose files failed.
      const written = await inReportDirectory((directory) =>
        writeReports(directory, run, showDetails)
      )
      actionsLogger.info(`Reports: ${written.json} and ${written.csv}.`)
      const markdown = renderSummary(run, { showDetails, sections })
      await writeSummary(markdown)
      actionsLogger.info(`Job summary: ${Buffer.byteLength(markdown)} bytes.`)
      return written
    }
  )
  for (const annotation of buildAnnotations(run, settings.maxAnnotations)) {
    core.warning(annotation.message, { title: annotation.title })
  }
  return auditOutputs(run, paths)
}

/** The fail-on verdict, applied once everything is reported. */
function failureFor(settings: Settings, run: AuditRun) {
  const { missingCount: missing, findings } = totals(run)
  const anyFinding = CATEGORIES.some((c) => (findings[c] ?? 0) > 0)
  if (settings.failOn === 'missing' && missing > 0) {
    return `${membersMissing(missing)} (fail-on: missing); see the job summary for who and what to do.`
  }
  if (settings.failOn === 'any' && anyFinding) {
    return 'The audit found problems (fail-on: any); see the job summary for who and what to do.'
  }
  return undefined
}

/** Reads the tracking issues and plans their changes, when asked to. */
async function readTracking(
  settings: Settings,
  run: AuditRun,
  environment: ActionEnvironment,
  api: Endpoints
) {
  if (!settings.createIssue) return undefined
  const context: TrackingContext = {
    // Issue requests are counted apart: the audit's budget excludes them.
    client: clientFor(
      settings.issueToken,
      new RequestCounter(),
      environment,
      api
    ),
    log: actionsLogger,
    ranAt: run.startedAt,
    runUrl: runUrl()
  }
  return { context, tracking: await prepareTracking(settings, run, context) }
}

/** Writes the planned changes; returns the issue outputs and any failure. */
async function writeTracking(
  settings: Settings,
  issues: Awaited<ReturnType<typeof readTracking>>
) {
  const outcome = issues
    ? await applyTracking(issues.tracking, settings, issues.context)
    : undefined
  if (issues && outcome) {
    const lines = outcomeLines(issues.tracking, outcome, settings.dryRun)
    if (lines.length > 0) await writeSummary(lines.join('\n'))
  }
  const failure = outcome?.failure ? describeError(outcome.failure) : undefined
  return { outputs: issueOutputs(outcome), failure }
}

/** The action: read inputs, audit, report everywhere, then apply fail-on. */
export async function run(environment: ActionEnvironment = {}): Promise<void> {
  try {
    maskTokens()
    const settings = readSettings((name) => core.getInput(name))
    const now = reportClock(process.env.SOURCE_DATE_EPOCH)
    const api = endpoints()
    requireCloud(api)
    const counter = new RequestCounter()
    const client = clientFor(settings.token, counter, environment, api)
    const details = detailsAllowed(
      settings.identityDetails,
      workflowRepository(),
      client
    )
    const audit = await runAudit(settings, {
      client,
      log: actionsLogger,
      requestCount: () => counter.count,
      apiUrl: api.graphqlUrl,
      now
    }).catch((error: unknown) => {
      throw blameWorkflowToken(error, settings)
    })
    const issues = await readTracking(settings, audit, environment, api)
    const outputs = await publish(
      audit,
      settings,
      await details,
      issues?.tracking
    )
    const tracked = await writeTracking(settings, issues)
    setOutputs({ ...outputs, ...tracked.outputs })
    if (tracked.failure) fail(tracked.failure)
    const failure = failureFor(settings, audit)
    if (failure) core.setFailed(failure)
  } catch (error) {
    fail(error)
  }
}
