import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { http as mswHttp, HttpResponse } from 'msw'
import { setupServer, type SetupServer } from 'msw/node'
import type { FakeGitHub, FakeRequest, FakeResponse } from './github.js'

/** Rewrites or replaces a response before it is sent, to inject faults. */
export type ResponseFilter = (
  request: FakeRequest,
  respond: () => Promise<FakeResponse>
) => Promise<FakeResponse>

/** Returned by a filter, closes the connection without an answer. */
export const DROP_CONNECTION: FakeResponse = {
  status: 0,
  headers: {},
  body: ''
}

const passThrough: ResponseFilter = (_request, respond) => respond()

/** The msw base URL tests point the action at. */
export const MSW_API_URL = 'https://api.github.test'

/** An msw server whose every request under MSW_API_URL goes to `fake`. */
export function mswServer(
  fake: FakeGitHub,
  filter: ResponseFilter = passThrough
): SetupServer {
  return setupServer(
    mswHttp.all(`${MSW_API_URL}/*`, async ({ request }) => {
      const url = new URL(request.url)
      const fakeRequest: FakeRequest = {
        method: request.method,
        path: url.pathname + url.search,
        headers: Object.fromEntries([...request.headers]),
        body: request.method === 'GET' ? '' : await request.text()
      }
      const response = await filter(fakeRequest, () => fake.handle(fakeRequest))
      if (response === DROP_CONNECTION) return HttpResponse.error()
      return new HttpResponse(response.body, {
        status: response.status,
        headers: response.headers
      })
    })
  )
}

export interface LoopbackServer {
  url: string
  close(): Promise<void>
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString()))
    request.on('error', reject)
  })
}

/** Serves `fake` over HTTP on 127.0.0.1 at a free port. */
export async function serveLoopback(
  fake: FakeGitHub,
  filter: ResponseFilter = passThrough,
  port = 0
): Promise<LoopbackServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const fakeRequest: FakeRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, String(v)])
        ),
        body: await readBody(req)
      }
      const response = await filter(fakeRequest, () => fake.handle(fakeRequest))
      if (response === DROP_CONNECTION) {
        req.socket.destroy()
        return
      }
      res.writeHead(response.status, response.headers)
      res.end(response.body)
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    }
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) =>
    server.listen(port, '127.0.0.1', resolve)
  )
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
