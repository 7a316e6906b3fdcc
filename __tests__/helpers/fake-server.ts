/**
 * Registers an msw server for the test file whose every request goes to a
 * fresh FakeGitHub, rebuilt before each test by `setup`.
 */
import { FakeGitHub } from '../mock/github.js'
import { mswServer, type ResponseFilter } from '../mock/transports.js'

export interface FakeServer {
  /** The fake of the running test; a test may replace it. */
  fake: FakeGitHub
  /** Fault injection for the running test; reset before each test. */
  filter: ResponseFilter
}

const passThrough: ResponseFilter = (_request, respond) => respond()

export function useFakeGitHub(setup: (fake: FakeGitHub) => void): FakeServer {
  const state = { fake: new FakeGitHub(), filter: passThrough }
  const server = mswServer(
    { handle: (request) => state.fake.handle(request) } as FakeGitHub,
    (request, respond) => state.filter(request, respond)
  )
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  beforeEach(() => {
    state.fake = new FakeGitHub()
    state.filter = passThrough
    setup(state.fake)
  })
  return state
}
