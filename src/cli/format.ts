import type { AuditRun } from '../audit.js'
import { buildCsv, reportJson } from '../report/files.js'
import { renderSummary } from '../report/summary.js'
import type { Format } from './args.js'
import { renderText } from './text.js'

/**
 * The report in the chosen format. Markdown, JSON and CSV are exactly what
 * the action writes to the job summary and its two report files.
 */
export function renderReport(
  format: Format,
  run: AuditRun,
  showDetails: boolean
): string {
  switch (format) {
    case 'text':
      return renderText(run, showDetails)
    case 'markdown':
      return `${renderSummary(run, { showDetails })}\n`
    case 'json':
      return reportJson(run, showDetails)
    case 'csv':
      return buildCsv(run, showDetails)
  }
}
