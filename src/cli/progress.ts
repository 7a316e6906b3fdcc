import type { Logger } from '../logger.js'
import { oneLine } from '../report/escape.js'

export interface Terminal {
  write(text: string): unknown
  /** True when a person watches: progress may then be redrawn in place. */
  isTTY?: boolean
}

export interface Progress {
  /** A line per phase, then what the phase read. */
  log: Logger
  /** Counts a request sent to GitHub. */
  tick(): void
  /** Clears the live counter before the report is printed. */
  end(): void
}

/**
 * Progress on stderr. On a terminal, a request counter is redrawn in place
 * so a long audit of many pages shows it is moving; in a log file redrawn
 * lines would garble, so there only the phase lines appear.
 */
export function terminalProgress(stderr: Terminal): Progress {
  let requests = 0
  let live = false
  const line = (text: string) => {
    stderr.write(`${live ? '\r\x1b[K' : ''}${oneLine(text)}\n`)
    live = false
  }
  return {
    log: {
      group: async (title, work) => {
        line(`${title}…`)
        return work()
      },
      info: (message) => line(`  ${message}`),
      debug: () => undefined
    },
    tick() {
      requests += 1
      if (!stderr.isTTY) return
      stderr.write(`\r  ${requests} requests sent`)
      live = true
    },
    end() {
      if (live) stderr.write('\r\x1b[K')
      live = false
    }
  }
}
