/** Where the audit writes its progress: the Actions log, or a terminal. */
export interface Logger {
  /** Runs `work` inside a collapsible group titled with a gerund. */
  group<T>(title: string, work: () => Promise<T>): Promise<T>
  info(message: string): void
  debug(message: string): void
}

/** A logger that drops everything, for callers that want silence. */
export const silentLogger: Logger = {
  group: (_title, work) => work(),
  info: () => undefined,
  debug: () => undefined
}
