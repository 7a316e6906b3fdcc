/** The sample organization with issue endpoints, served by msw per test. */
import { FakeGitHub } from '../mock/github.js'
import { FakeIssues } from '../mock/issues.js'
import { loadSample } from '../mock/sample.js'
import { mswServer } from '../mock/transports.js'

export interface IssueWorld {
  fake: FakeGitHub
  issues: FakeIssues
}

/** Starts msw for the file and gives each test a fresh fake. */
export function useIssueWorld(): IssueWorld {
  const world = {} as IssueWorld
  const server = mswServer({
    handle: (request) => world.fake.handle(request)
  } as FakeGitHub)
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => server.close())
  beforeEach(() => {
    world.fake = loadSample(new FakeGitHub())
    world.issues = new FakeIssues(world.fake)
  })
  return world
}
