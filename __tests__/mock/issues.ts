/**
 * The REST endpoints of issues, comments and labels, added to FakeGitHub
 * with the answers GitHub gives when the token lacks `issues: write` (403),
 * issues are disabled (410) or the repository does not exist (404).
 */
import { json, type FakeGitHub, type FakeRequest } from './github.js'
import {
  DISABLED,
  issueJson,
  NO_ACCESS,
  NOT_FOUND,
  TEXT_LIMIT,
  tooLong,
  type FakeIssue,
  type FakeIssueRepository
} from './issue-answers.js'

export type { FakeIssue, FakeIssueRepository } from './issue-answers.js'

function tokenOf(request: FakeRequest): string {
  return (request.headers.authorization ?? '').replace(
    /^(token|bearer)\s+/i,
    ''
  )
}

function queryOf(request: FakeRequest): URLSearchParams {
  return new URLSearchParams(request.path.split('?')[1] ?? '')
}

function bodyOf(request: FakeRequest): Record<string, unknown> {
  return JSON.parse(request.body || '{}') as Record<string, unknown>
}

type Handler = (
  repository: FakeIssueRepository,
  request: FakeRequest,
  rest: string[],
  base: string
) => ReturnType<typeof json>

/** Issues, comments and labels of the repositories FakeGitHub knows. */
export class FakeIssues {
  private readonly stores = new Map<string, FakeIssueRepository>()

  constructor(private readonly fake: FakeGitHub) {
    this.routeRepository()
    this.on('GET', '/issues', 'read', true, (r, q, _rest, base) =>
      this.list(r, q, base)
    )
    this.on('POST', '/issues', 'write', true, (r, q, _rest, base) =>
      this.create(r, q, base)
    )
    this.on('PATCH', '/issues/(\\d+)', 'write', true, (r, q, [n], base) =>
      this.update(r, q, Number(n), base)
    )
    this.on('POST', '/issues/(\\d+)/comments', 'write', true, (r, q, [n]) =>
      this.comment(r, q, Number(n))
    )
    this.on('GET', '/labels/([^/]+)', 'read', false, (r, _q, [name]) =>
      r.labels.has(decodeURIComponent(name as string).toLowerCase())
        ? json(200, { name: decodeURIComponent(name as string) })
        : NOT_FOUND
    )
    this.on('POST', '/labels', 'write', false, (r, q) => this.label(r, q))
  }

  /** The issue store of a repository added to FakeGitHub. */
  of(owner: string, repo: string): FakeIssueRepository {
    const key = `${owner}/${repo}`.toLowerCase()
    let store = this.stores.get(key)
    if (!store) {
      store = {
        issues: [],
        labels: new Set(),
        hasIssues: true,
        access: new Map()
      }
      this.stores.set(key, store)
    }
    return store
  }

  /** Adds an issue as a person with no access would have written it. */
  add(owner: string, repo: string, issue: Partial<FakeIssue>): FakeIssue {
    return this.addTo(this.of(owner, repo), { title: 'An issue', ...issue })
  }

  /** The GET of a repository, now telling whether issues are enabled. */
  private routeRepository(): void {
    this.fake.route(
      'GET',
      /^\/repos\/([^/]+)\/([^/]+)$/,
      (_request, params) => {
        const [owner, repo] = params as [string, string]
        const found = this.fake.repository(owner, repo)
        if (!found) return NOT_FOUND
        return json(200, {
          full_name: `${found.owner}/${found.repo}`,
          visibility: found.visibility,
          private: found.visibility !== 'public',
          has_issues: this.of(owner, repo).hasIssues
        })
      }
    )
  }

  private on(
    method: string,
    path: string,
    needs: 'read' | 'write',
    issueEndpoint: boolean,
    handler: Handler
  ): void {
    const pattern = new RegExp(`^/repos/([^/]+)/([^/]+)${path}$`)
    this.fake.route(method, pattern, (request, params) => {
      const [owner, repo, ...rest] = params as string[]
      const [pathname = ''] = request.path.split('?')
      this.fake.requests.push({ method, path: pathname })
      if (!this.fake.repository(owner as string, repo as string))
        return NOT_FOUND
      const store = this.of(owner as string, repo as string)
      const access = store.access.get(tokenOf(request)) ?? 'write'
      if (access === 'none' || (needs === 'write' && access === 'read')) {
        return NO_ACCESS
      }
      if (issueEndpoint && !store.hasIssues) return DISABLED
      return handler(
        store,
        request,
        rest,
        `https://github.com/${owner}/${repo}`
      )
    })
  }

  private list(store: FakeIssueRepository, request: FakeRequest, base: string) {
    const query = queryOf(request)
    const state = query.get('state') ?? 'open'
    const labels = (query.get('labels') ?? '').split(',').filter(Boolean)
    const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
    const page = Number(query.get('page') ?? 1)
    const matching = store.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) =>
        labels.every((l) =>
          i.labels.some((own) => own.toLowerCase() === l.toLowerCase())
        )
      )
      .reverse()
    const slice = matching.slice((page - 1) * perPage, page * perPage)
    const next = new URLSearchParams(query)
    next.set('page', String(page + 1))
    const [pathname] = request.path.split('?')
    const link =
      page * perPage < matching.length
        ? // Octokit puts its base URL in front of a relative link.
          { link: `<${pathname}?${next}>; rel="next"` }
        : {}
    return json(
      200,
      slice.map((i) => issueJson(i, base)),
      link
    )
  }

  private create(
    store: FakeIssueRepository,
    request: FakeRequest,
    base: string
  ) {
    const body = bodyOf(request)
    if (String(body.body ?? '').length > TEXT_LIMIT)
      return tooLong('body', 'Issue')
    const labels = (body.labels as string[] | undefined) ?? []
    for (const label of labels) store.labels.add(label.toLowerCase())
    const issue = this.addTo(store, {
      title: String(body.title),
      body: String(body.body ?? ''),
      labels,
      assignees: (body.assignees as string[] | undefined) ?? [],
      // GitHub Actions' own bot has no association with the repository.
      author: 'github-actions[bot]',
      association: 'NONE'
    })
    return json(201, issueJson(issue, base))
  }

  private addTo(store: FakeIssueRepository, issue: Partial<FakeIssue>) {
    const added: FakeIssue = {
      number: store.issues.length + 1,
      title: '',
      body: '',
      state: 'open',
      stateReason: null,
      labels: [],
      assignees: [],
      author: 'a-person',
      association: 'NONE',
      comments: [],
      ...issue
    }
    store.issues.push(added)
    return added
  }

  private update(
    store: FakeIssueRepository,
    request: FakeRequest,
    number: number,
    base: string
  ) {
    const issue = store.issues.find((i) => i.number === number)
    if (!issue) return NOT_FOUND
    const body = bodyOf(request)
    if (String(body.body ?? '').length > TEXT_LIMIT)
      return tooLong('body', 'Issue')
    if (typeof body.body === 'string') issue.body = body.body
    if (typeof body.title === 'string') issue.title = body.title
    if (body.state === 'open' || body.state === 'closed') {
      issue.state = body.state
      issue.stateReason = (body.state_reason as string | undefined) ?? null
    }
    return json(200, issueJson(issue, base))
  }

  private comment(
    store: FakeIssueRepository,
    request: FakeRequest,
    number: number
  ) {
    const issue = store.issues.find((i) => i.number === number)
    if (!issue) return NOT_FOUND
    const body = String(bodyOf(request).body ?? '')
    if (body.length > TEXT_LIMIT) return tooLong('body', 'IssueComment')
    issue.comments.push(body)
    return json(201, { id: issue.comments.length, body })
  }

  private label(store: FakeIssueRepository, request: FakeRequest) {
    const name = String(bodyOf(request).name)
    if (store.labels.has(name.toLowerCase())) {
      return json(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }]
      })
    }
    store.labels.add(name.toLowerCase())
    return json(201, { name, color: bodyOf(request).color })
  }
}
