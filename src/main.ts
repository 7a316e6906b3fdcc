import * as core from '@actions/core'
import { appendFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runAudit, type AuditRun } from './audit.js'
import { CATEGORIES } from './classify.js'
import { describeError } from './errors.js'
import { createClient, RequestCounter } from './github/client.js'
import { endpoints, requireCloud, routeGraphql } from './github/hosts.js'
import { readSettings, type Repository, type Settings } from './inputs.js'
import type { Logger } from './logger.js'
import { buildAnnotations } from './report/annotations.js'
import { logText } from './report/escape.js'
import { totals, writeReports } from './report/files.js'
import { renderSummary } from './report/summary.js'
import { detailsAllowed } from './visibility.js'

/** What the runner's environment lends the action besides its inputs. */
export interface ActionEnvironment {
  /** HTTP client for Octokit; tests pass the global fetch so msw sees it. */
  fetch?: typeof fetch
  /** Base of the retry backoff in milliseconds. */
  retryAfterBaseMs?: number
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

/** Appends to the step summary file; read per call, unlike core.summary. */
async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    core.info('GITHUB_STEP_SUMMARY is not set; the job summary was skipped.')
    return
  }
  await appendFile(file, `${markdown}\n`)
}

function setOutputs(outputs: Record<string, string>): void {
  core.startGroup('Setting outputs')
  for (const [name, value] of Object.entries(outputs)) {
    core.setOutput(name, value)
    core.info(
      `${name} = ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`
    )
  }
  core.endGroup()
}

/** Summary, annotations, report files and outputs, in that order. */
async function publish(
  run: AuditRun,
  settings: Settings,
  showDetails: boolean
) {
  await writeSummary(renderSummary(run, { showDetails }))
  for (const annotation of buildAnnotations(run, settings.maxAnnotations)) {
    core.warning(annotation.message, { title: annotation.title })
  }
  const directory = path.join(
    process.env.RUNNER_TEMP || os.tmpdir(),
    'scim-audit'
  )
  const paths = await writeReports(directory, run, showDetails)
  const sum = totals(run)
  const anyFinding = CATEGORIES.some((c) => (sum.findings[c] ?? 0) > 0)
  setOutputs({
    'missing-count': String(sum.missingCount),
    'missing-logins': JSON.stringify(sum.missingLogins),
    'member-count': String(sum.memberCount),
    'identity-count': String(sum.identityCount),
    findings: JSON.stringify(sum.findings),
    'report-path': paths.json,
    'report-csv-path': paths.csv,
    'issue-number': '',
    'issue-url': '',
    status: anyFinding ? 'findings' : 'clean'
  })
  return { missing: sum.missingCount, anyFinding }
}

function failureFor(settings: Settings, missing: number, anyFinding: boolean) {
  if (settings.failOn === 'missing' && missing > 0) {
    return `${missing} members are missing SCIM metadata (fail-on: missing); see the job summary for who and what to do.`
  }
  if (settings.failOn === 'any' && anyFinding) {
    return 'The audit found problems (fail-on: any); see the job summary for who and what to do.'
  }
  return undefined
}

/** The action: read inputs, audit, report everywhere, then apply fail-on. */
export async function run(environment: ActionEnvironment = {}): Promise<void> {
  try {
    const settings = readSettings((name) => core.getInput(name))
    core.setSecret(settings.token)
    if (settings.issueToken) core.setSecret(settings.issueToken)
    const api = endpoints()
    requireCloud(api)
    const counter = new RequestCounter()
    const client = createClient(settings.token, counter, {
      fetch: environment.fetch,
      retryAfterBaseMs: environment.retryAfterBaseMs,
      baseUrl: api.apiUrl,
      debug: (message) => core.debug(logText(message))
    })
    routeGraphql(client, api)
    const showDetails = detailsAllowed(
      settings.identityDetails,
      workflowRepository(),
      client,
      actionsLogger
    )
    const audit = await runAudit(settings, {
      client,
      log: actionsLogger,
      requestCount: () => counter.count,
      apiUrl: api.graphqlUrl
    })
    const { missing, anyFinding } = await publish(
      audit,
      settings,
      await showDetails
    )
    const failure = failureFor(settings, missing, anyFinding)
    if (failure) core.setFailed(failure)
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
