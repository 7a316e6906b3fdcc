/**
 * What the action reads from and writes to the runner: masked secrets, the
 * step summary file, outputs and the report directory. Every failure here
 * becomes one line that names the runner variable at fault.
 */
import * as core from '@actions/core'
import { appendFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describeError } from './errors.js'
import type { OutputName } from './outputs.js'
import { logText } from './report/escape.js'

const secrets: string[] = []

/**
 * Masks both tokens before anything else runs, so that not even an input
 * error that quotes a misplaced token can show it.
 */
export function maskTokens(): void {
  for (const name of ['token', 'issue-token']) {
    const value = core.getInput(name).trim()
    if (value.length < 4) continue
    core.setSecret(value)
    secrets.push(value)
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Removes the tokens, in any case, from text that quotes GitHub's answers. */
export function redact(text: string): string {
  return secrets.reduce(
    (result, secret) =>
      result.replace(new RegExp(escapeRegExp(secret), 'gi'), '***'),
    text
  )
}

/** Fails the step with one redacted line. */
export function fail(error: unknown): void {
  core.setFailed(logText(redact(describeError(error))))
}

function runnerFailure(variable: string, value: string, cause: unknown) {
  return new Error(
    `Could not write to ${variable} (${JSON.stringify(value)}): ${describeError(cause)}; the runner should provide a writable path there.`,
    { cause }
  )
}

/** Appends to the step summary file; read per call, unlike core.summary. */
export async function writeSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) {
    core.info('GITHUB_STEP_SUMMARY is not set; the job summary was skipped.')
    return
  }
  try {
    await appendFile(file, `${redact(markdown)}\n`)
  } catch (error) {
    throw runnerFailure('GITHUB_STEP_SUMMARY', file, error)
  }
}

/** Where the JSON and CSV reports go: a folder under RUNNER_TEMP. */
export function reportDirectory(): string {
  return path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'scim-audit')
}

/** Runs `write` on the report directory, naming RUNNER_TEMP on failure. */
export async function inReportDirectory<T>(
  write: (directory: string) => Promise<T>
): Promise<T> {
  const directory = reportDirectory()
  try {
    return await write(directory)
  } catch (error) {
    throw runnerFailure('RUNNER_TEMP', directory, error)
  }
}

/** Sets every output, and logs each as `name = value`. */
export function setOutputs(outputs: Record<OutputName, string>): void {
  core.startGroup('Setting outputs')
  try {
    for (const [name, value] of Object.entries(outputs)) {
      core.setOutput(name, value)
      const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value
      core.info(`${name} = ${shown}`)
    }
  } catch (error) {
    throw runnerFailure('GITHUB_OUTPUT', process.env.GITHUB_OUTPUT ?? '', error)
  } finally {
    core.endGroup()
  }
}
