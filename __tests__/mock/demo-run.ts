/**
 * The demo's run: the built action against the sample organization served
 * on 127.0.0.1. Its summary is the README's sample, so every part of it
 * that could vary is pinned: the port the footer names, and the report
 * time through SOURCE_DATE_EPOCH (which also makes the duration 0.0 s).
 */
import { FakeGitHub } from './github.js'
import { runAction, type ActionRun } from './runner.js'
import { loadSample, SAMPLE_EXEMPT, SAMPLE_ORGANIZATION } from './sample.js'
import { serveLoopback } from './transports.js'

/** A loopback port outside the ranges systems hand out by default. */
export const DEMO_PORT = 41780
/** 2026-01-05T06:17:00Z, a Monday morning when the example workflow runs. */
export const DEMO_EPOCH = '1767593820'

/** Runs the demo; `keepReports` leaves the reports in place to look at. */
export async function runDemo(keepReports = false): Promise<ActionRun> {
  const server = await serveLoopback(
    loadSample(new FakeGitHub()),
    undefined,
    DEMO_PORT
  )
  try {
    return await runAction({
      apiUrl: server.url,
      inputs: {
        organization: SAMPLE_ORGANIZATION,
        token: 'demo-token-not-secret',
        'exempt-users': SAMPLE_EXEMPT
      },
      env: { SOURCE_DATE_EPOCH: DEMO_EPOCH },
      keepTemp: keepReports
    })
  } finally {
    await server.close()
  }
}
