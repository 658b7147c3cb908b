// A local HTTP server speaking the slice of the GitHub REST, GitLab and Jira issue APIs the tracker
// clients read. Tests set the issues and the misbehaviour; nothing here reaches the internet.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
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
}

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export class FakeTrackers {
  /** Keys: "github:owner/repo#1", "gitlab:group/project#1", "jira:OPS-1". */
  readonly issues = new Map<string, FakeIssue>();
  readonly seen: SeenRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
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
