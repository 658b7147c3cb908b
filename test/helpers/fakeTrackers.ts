// A local HTTP server speaking the slice of the GitHub REST, GitLab and Jira issue APIs the tracker
// clients read. Tests set the issues and the misbehaviour; nothing here reaches the internet.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  state?: 'open' | 'closed';
  closedAt?: string;
  /** Answer with this status instead of the issue. */
  status?: number;
  /** Extra response headers (rate-limit headers, Retry-After). */
  headers?: Record<string, string>;
  /** Hold the answer this long (timeouts, concurrency). */
  delayMs?: number;
  etag?: string;
  /** Answer 302 to this address instead. */
  redirectTo?: string;
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface CreatedIssue {
  repository: string;
  body: { title?: string; body?: string; assignees?: string[] };
  headers: IncomingHttpHeaders;
}

export class FakeTrackers {
  /** Issues created through POST /repos/:owner/:repo/issues. */
  readonly created: CreatedIssue[] = [];
  /** Answer POSTs with this status instead of creating (403, 404...). */
  createStatus?: number;
  /** Logins that cannot be assigned (GitHub answers 422). */
  readonly unassignable = new Set<string>();
  /** Keys: "github:owner/repo#1", "gitlab:group/project#1", "jira:OPS-1". */
  readonly issues = new Map<string, FakeIssue>();
  readonly seen: SeenRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      if (req.method === 'POST') return void this.create(req, res);
      this.seen.push({ path: req.url ?? '', headers: req.headers });
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      const { key, body } = this.route(req.url ?? '');
      const issue = key ? this.issues.get(key) : undefined;
      const answer = () => {
        this.inFlight--;
        if (res.destroyed) return;
        const headers = { 'content-type': 'application/json', ...(issue?.headers ?? {}) };
        if (!issue || !body) return void res.writeHead(404, headers).end('{"message":"Not Found"}');
        if (issue.redirectTo) return void res.writeHead(302, { location: issue.redirectTo }).end();
        if (issue.status) return void res.writeHead(issue.status, headers).end('{"message":"refused"}');
        if (issue.etag && req.headers['if-none-match'] === issue.etag) return void res.writeHead(304, { ...headers, etag: issue.etag }).end();
        res.writeHead(200, issue.etag ? { ...headers, etag: issue.etag } : headers).end(JSON.stringify(body(issue)));
      };
      if (issue?.delayMs) setTimeout(answer, issue.delayMs);
      else answer();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private create(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/repos\/([^/]+)\/([^/]+)\/issues$/.exec(req.url ?? '');
      const json = { 'content-type': 'application/json' };
      if (!m) return void res.writeHead(404, json).end('{"message":"Not Found"}');
      if (!req.headers.authorization) return void res.writeHead(401, json).end('{"message":"Requires authentication"}');
      if (this.createStatus) return void res.writeHead(this.createStatus, json).end('{"message":"refused"}');
      let body: CreatedIssue['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return void res.writeHead(400, json).end('{"message":"Problems parsing JSON"}');
      }
      if (body.assignees?.some((a) => this.unassignable.has(a))) return void res.writeHead(422, json).end('{"message":"Validation Failed"}');
      const repository = `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`;
      this.created.push({ repository, body, headers: req.headers });
      const number = 100 + this.created.length;
      this.issues.set(`github:${repository}#${number}`, { state: 'open' });
      res.writeHead(201, json).end(JSON.stringify({ number, html_url: `${this.url}/${repository}/issues/${number}`, state: 'open', title: body.title }));
    });
  }

  private route(path: string): { key?: string; body?: (i: FakeIssue) => unknown } {
    const gh = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (gh) return { key: `github:${decodeURIComponent(gh[1])}/${decodeURIComponent(gh[2])}#${gh[3]}`, body: (i) => ({ number: Number(gh[3]), state: i.state, closed_at: i.closedAt ?? null, title: 'x' }) };
    const gl = /^\/api\/v4\/projects\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (gl) return { key: `gitlab:${decodeURIComponent(gl[1])}#${gl[2]}`, body: (i) => ({ iid: Number(gl[2]), state: i.state === 'open' ? 'opened' : 'closed', closed_at: i.closedAt ?? null }) };
    const jira = /^\/rest\/api\/2\/issue\/([^/?]+)\?fields=status,resolutiondate$/.exec(path);
    if (jira) {
      return { key: `jira:${decodeURIComponent(jira[1])}`, body: (i) => ({ key: jira[1], fields: { resolutiondate: i.closedAt ?? null, status: { name: i.state === 'open' ? 'In Progress' : 'Shipped', statusCategory: { key: i.state === 'open' ? 'indeterminate' : 'done' } } } }) };
    }
    return {};
  }
}
