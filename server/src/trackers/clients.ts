// The slice of each tracker's API the product reads: one issue's state and when it closed.
import type { TrackersConfig } from '../config/types';
import type { TrackerHttp } from './http';
import { failed, type TrackerRef, type TrackerState } from './types';

/** Credentials and endpoints from the environment; never from configuration files. */
export interface TrackerEnv {
  githubToken?: string;
  /** GITHUB_API_URL, as GitHub Actions and GitHub Enterprise set it. */
  githubApiUrl?: string;
  gitlabToken?: string;
  /** GITLAB_URL: the GitLab the token belongs to (gitlab.com when unset). */
  gitlabUrl?: string;
  jiraEmail?: string;
  jiraToken?: string;
  /** JIRA_URL: the Jira site the credentials belong to; without it they are never sent. */
  jiraUrl?: string;
}

export function envFrom(env: NodeJS.ProcessEnv): TrackerEnv {
  return {
    githubToken: env.GITHUB_TOKEN || undefined, githubApiUrl: env.GITHUB_API_URL || undefined, gitlabToken: env.GITLAB_TOKEN || undefined, gitlabUrl: env.GITLAB_URL || undefined,
    jiraEmail: env.JIRA_EMAIL || undefined, jiraToken: env.JIRA_API_TOKEN || undefined, jiraUrl: env.JIRA_URL || undefined,
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * A credential goes only to the origin it belongs to, which only the user names (environment or user
 * setting). A document links to any host it likes, and a repository's configuration is written by
 * whoever commits to it: requests they point elsewhere are made anonymously.
 */
function sendsCredentialTo(url: string, credentialOrigin: string | undefined): boolean {
  return credentialOrigin !== undefined && originOf(url) === credentialOrigin;
}

const record = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' ? (body as Record<string, unknown>) : {});
const dateOrUndefined = (v: unknown): string | undefined => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : undefined);

function stateFrom(open: boolean | undefined, closedAt: unknown): TrackerState {
  if (open === undefined) return failed('bad-response', 'the answer named no state');
  return open ? { state: 'open' } : { state: 'closed', closedAt: dateOrUndefined(closedAt) };
}

/** The user's environment outranks the repository's configuration: it names where the token belongs. */
function githubApi(ref: TrackerRef, config: TrackersConfig, env: TrackerEnv): string {
  if (env.githubApiUrl) return env.githubApiUrl;
  if (config.github?.apiUrl) return config.github.apiUrl;
  // GitHub Enterprise Server serves its API under /api/v3 of its web address.
  return ref.origin ? `${ref.origin}/api/v3` : 'https://api.github.com';
}

async function github(ref: TrackerRef, http: TrackerHttp, config: TrackersConfig, env: TrackerEnv): Promise<TrackerState> {
  const [owner, repo] = ref.project.split('/');
  const url = `${githubApi(ref, config, env).replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues/${ref.id}`;
  const headers: Record<string, string> = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
  const withToken = env.githubToken && sendsCredentialTo(url, originOf(env.githubApiUrl ?? 'https://api.github.com'));
  if (withToken) headers.authorization = `Bearer ${env.githubToken}`;
  return http.get(url, headers, {
    ok: (body) => {
      const b = record(body);
      return stateFrom(b.state === 'open' ? true : b.state === 'closed' ? false : undefined, b.closed_at);
    },
  }, `${url} ${withToken ? 'token' : 'anonymous'}`);
}

async function gitlab(ref: TrackerRef, http: TrackerHttp, config: TrackersConfig, env: TrackerEnv): Promise<TrackerState> {
  const base = ref.origin ?? config.gitlab?.url ?? env.gitlabUrl ?? 'https://gitlab.com';
  const url = `${base.replace(/\/+$/, '')}/api/v4/projects/${encodeURIComponent(ref.project)}/issues/${ref.id}`;
  const withToken = env.gitlabToken && sendsCredentialTo(url, originOf(env.gitlabUrl ?? 'https://gitlab.com'));
  const headers: Record<string, string> = withToken ? { 'private-token': env.gitlabToken! } : {};
  return http.get(url, headers, {
    ok: (body) => {
      const b = record(body);
      return stateFrom(b.state === 'opened' ? true : b.state === 'closed' ? false : undefined, b.closed_at);
    },
  }, `${url} ${withToken ? 'token' : 'anonymous'}`);
}

async function jira(ref: TrackerRef, http: TrackerHttp, config: TrackersConfig, env: TrackerEnv): Promise<TrackerState> {
  const base = ref.origin ?? config.jira?.url ?? env.jiraUrl;
  if (!base) return failed('not-configured', 'no Jira site configured (trackers.jira.url)');
  const url = `${base.replace(/\/+$/, '')}/rest/api/2/issue/${encodeURIComponent(ref.id)}?fields=status,resolutiondate`;
  const headers: Record<string, string> = env.jiraEmail && env.jiraToken && sendsCredentialTo(url, originOf(env.jiraUrl)) ? { authorization: basicAuth(env.jiraEmail, env.jiraToken) } : {};
  return http.get(url, headers, {
    ok: (body) => {
      const fields = record(record(body).fields);
      // Jira's workflows name their statuses freely; the status category is the stable part.
      const category = record(record(fields.status).statusCategory).key;
      return stateFrom(category === 'done' ? false : typeof category === 'string' ? true : undefined, fields.resolutiondate);
    },
  }, `${url} ${headers.authorization ? 'token' : 'anonymous'}`);
}

const CLIENTS = { github, gitlab, jira };

/** HTTP Basic credentials over UTF-8 bytes, with what both Node and a web worker have (no Buffer in a worker). */
export function basicAuth(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Reads the state of every distinct issue once, concurrently within the limits of `http`. */
export async function readTrackerStates(refs: readonly TrackerRef[], http: TrackerHttp, config: TrackersConfig, env: TrackerEnv): Promise<Map<string, TrackerState>> {
  const unique = new Map(refs.map((r) => [r.key, r]));
  const states = await Promise.all([...unique.values()].map(async (ref) => {
    try {
      return [ref.key, await CLIENTS[ref.kind](ref, http, config, env)] as const;
    } catch (error) {
      return [ref.key, failed('bad-response', (error as Error).message)] as const;
    }
  }));
  return new Map(states);
}
