// GET with the manners a shared API expects: bounded concurrency, rate-limit headers honoured,
// a timeout, and conditional requests (ETag / If-None-Match) so a re-run costs almost nothing.
import { failed, type TrackerState } from './types';

export interface CacheEntry {
  etag: string;
  value: TrackerState;
}

/** Remembers, per request, the last ETag and what the response meant. */
export interface ResponseCache {
  get(key: string): CacheEntry | undefined;
  set(key: string, entry: CacheEntry): void;
}

export class MemoryCache implements ResponseCache {
  readonly entries = new Map<string, CacheEntry>();
  get(key: string): CacheEntry | undefined {
    return this.entries.get(key);
  }
  set(key: string, entry: CacheEntry): void {
    this.entries.set(key, entry);
  }
}

export interface HttpOptions {
  /** Requests in flight at once, across all trackers. */
  concurrency: number;
  timeoutMs: number;
  /** The longest a request waits for a rate-limit window to reopen before it gives up as rate limited. */
  maxRateWaitMs: number;
  cache: ResponseCache;
  fetch: typeof fetch;
}

export const DEFAULT_HTTP: Omit<HttpOptions, 'cache'> = { concurrency: 4, timeoutMs: 10_000, maxRateWaitMs: 5_000, fetch: (...args) => fetch(...args) };

const MAX_REDIRECTS = 5;
const CREDENTIAL_HEADERS = new Set(['authorization', 'private-token', 'cookie']);

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase())));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** When a response says the quota is spent, the time it reopens (ms since epoch), else undefined. */
export function rateLimitedUntil(headers: Headers, status: number, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && (status === 429 || status === 403 || status === 503)) {
    const seconds = Number(retryAfter);
    return now + (Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(retryAfter) - now) || 60_000);
  }
  const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
  if (remaining === null || Number(remaining) > 0) return status === 429 ? now + 60_000 : undefined;
  const reset = Number(headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset'));
  // GitHub and GitLab send the reset as epoch seconds; a small number is a delay in seconds.
  if (!Number.isFinite(reset) || reset <= 0) return now + 60_000;
  return reset > 1e9 ? reset * 1000 : now + reset * 1000;
}

export interface Interpreted {
  /** What a 200 response means. */
  ok(body: unknown): TrackerState;
}

/** Runs tracker requests with a shared limit on concurrency and a shared rate-limit window per origin. */
export class TrackerHttp {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  private readonly blockedUntil = new Map<string, number>();
  readonly options: HttpOptions;
  /** Requests actually sent (tests and the bench read it). */
  sent = 0;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...DEFAULT_HTTP, cache: new MemoryCache(), ...options };
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.options.concurrency) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  async get(url: string, headers: Record<string, string>, meaning: Interpreted, cacheKey: string): Promise<TrackerState> {
    return this.slot(() => this.request(url, headers, meaning, cacheKey));
  }

  /**
   * Follows redirects by hand: credentials stay with the origin they were meant for, so a redirect to
   * another origin is followed without them (a renamed repository answers 301 on the same origin).
   */
  private async fetchFollowing(url: string, headers: Record<string, string>): Promise<Response> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let current = url;
    let sent = headers;
    for (let hops = 0; ; hops++) {
      const response = await this.options.fetch(current, { headers: sent, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || response.status === 304 || !location || hops >= MAX_REDIRECTS) return response;
      await response.body?.cancel();
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && next.protocol !== 'http:') return response;
      if (next.origin !== new URL(current).origin) sent = withoutCredentials(sent);
      current = next.href;
    }
  }

  private async request(url: string, headers: Record<string, string>, meaning: Interpreted, cacheKey: string): Promise<TrackerState> {
    const origin = new URL(url).origin;
    const wait = (this.blockedUntil.get(origin) ?? 0) - Date.now();
    if (wait > this.options.maxRateWaitMs) return failed('rate-limited', `rate limited by ${origin} until ${new Date(Date.now() + wait).toISOString()}`);
    if (wait > 0) await sleep(wait);
    const cached = this.options.cache.get(cacheKey);
    const sentHeaders: Record<string, string> = { accept: 'application/json', 'user-agent': 'postmortem-lint', ...headers };
    if (cached) sentHeaders['if-none-match'] = cached.etag;
    let response: Response;
    this.sent++;
    try {
      response = await this.fetchFollowing(url, sentHeaders);
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      return failed('offline', timedOut ? `${origin} did not answer within ${Math.round(this.options.timeoutMs / 1000)} s` : `could not reach ${origin}`);
    }
    const until = rateLimitedUntil(response.headers, response.status);
    if (until !== undefined) this.blockedUntil.set(origin, until);
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      return cached.value;
    }
    if (response.ok) {
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failed('bad-response', `${origin} answered with something other than JSON`);
      }
      const value = meaning.ok(body);
      const etag = response.headers.get('etag');
      if (etag && value.state !== null) this.options.cache.set(cacheKey, { etag, value });
      return value;
    }
    await response.body?.cancel();
    if (response.status === 429 || (until !== undefined && (response.status === 403 || response.status === 503))) {
      return failed('rate-limited', `rate limited by ${origin}${until ? ` until ${new Date(until).toISOString()}` : ''}; set a token to raise the limit`);
    }
    if (response.status === 404 || response.status === 410) return failed('not-found', 'not found (or private without a token that can see it)');
    if (response.status === 401 || response.status === 403) return failed('no-access', `no access (HTTP ${response.status}); check the token`);
    return failed('bad-response', `HTTP ${response.status} from ${origin}`);
  }
}
