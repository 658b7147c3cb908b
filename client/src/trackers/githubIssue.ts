// Creating a GitHub issue for an action item: the request (title, body, assignee), the call to the
// REST API, and where the new link goes in the item. No VS Code API here, so it is tested in Node.
import { GITHUB_REPOSITORY } from '../../../server/src/trackers/repositoryName';
import { actionWithoutAnnotations } from '../actionText';

export interface ItemForIssue {
  text: string;
  owner: string | null;
  due: string | null;
  /** 0-based line of the item. */
  line: number;
}

export interface IssuePayload {
  title: string;
  body: string;
  assignees: string[];
}

/** A GitHub login: letters, digits and single hyphens, at most 39 characters. */
const LOGIN = /^@([A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d])){0,38})$/;

export function issuePayload(item: ItemForIssue, file: string): IssuePayload {
  const action = actionWithoutAnnotations(item.text) || item.text.trim();
  const title = action.length > 120 ? `${action.slice(0, 119).trimEnd()}…` : action;
  const login = item.owner ? LOGIN.exec(item.owner.trim())?.[1] : undefined;
  const body = [
    `Action item from the postmortem \`${file}\` (line ${item.line + 1}).`,
    '',
    `> ${item.text.replace(/\r?\n/g, ' ')}`,
    '',
    `- Owner: ${item.owner ?? 'not named yet'}`,
    `- Due: ${item.due ?? 'no date yet'}`,
  ].join('\n');
  return { title, body, assignees: login ? [login] : [] };
}

/** Where the link goes on the item's line: before a table row's closing pipe, else at the end of the line. */
export function linkInsertion(lineText: string, url: string): { character: number; newText: string } {
  const trimmed = lineText.replace(/\s+$/, '');
  if (trimmed.endsWith('|') && trimmed.trimStart().startsWith('|')) {
    const at = trimmed.lastIndexOf('|');
    const before = trimmed.slice(0, at);
    return { character: before.replace(/\s+$/, '').length, newText: ` ${url} ` };
  }
  return { character: trimmed.length, newText: ` ${url}` };
}

/** The API address as a URL, or undefined when it is not an http(s) address. */
function apiBase(apiUrl: string): URL | undefined {
  try {
    const url = new URL(apiUrl.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the address GitHub answered is a plain web link to write into the document: one http(s)
 * address without spaces, and plain http only on the configured API's own origin (a local server).
 */
export function isIssueLink(url: string, apiUrl: string): boolean {
  if (!/^https?:\/\/\S+$/.test(url)) return false;
  if (url.startsWith('https://')) return true;
  try {
    return new URL(url).origin === apiBase(apiUrl)?.origin;
  } catch {
    return false;
  }
}

export type IssueOutcome = { ok: true; url: string; number: number; assigned: boolean } | { ok: false; message: string };

/** POST /repos/{owner}/{repo}/issues; an assignee GitHub refuses (422) is dropped and the issue created anyway. */
export async function createGitHubIssue(apiUrl: string, token: string | undefined, repository: string, payload: IssuePayload, fetchImpl: typeof fetch = fetch): Promise<IssueOutcome> {
  if (!token) return { ok: false, message: 'No GitHub token: sign in to GitHub in VS Code (Accounts menu) or run "Postmortem: Set Tracker Token". Nothing was changed.' };
  if (!GITHUB_REPOSITORY.test(repository)) return { ok: false, message: `"${repository}" is not a repository name of the form owner/repo. Nothing was changed.` };
  if (!apiBase(apiUrl)) return { ok: false, message: `The GitHub API address "${apiUrl}" (postmortem.trackers.githubApiUrl) is not an http(s) address such as https://github.example.com/api/v3. Nothing was changed.` };
  const base = apiUrl.trim().replace(/\/+$/, '');
  const send = (body: IssuePayload | Omit<IssuePayload, 'assignees'>) => fetchImpl(`${base}/repos/${repository}/issues`, {
    method: 'POST',
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-github-api-version': '2022-11-28', 'user-agent': 'postmortem-vscode' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  let response: Response;
  let assigned = payload.assignees.length > 0;
  try {
    response = await send(payload);
    if (response.status === 422 && assigned) {
      await response.body?.cancel();
      assigned = false;
      response = await send({ title: payload.title, body: payload.body });
    }
  } catch {
    return { ok: false, message: `Could not reach ${new URL(base).origin} (offline, or the address in postmortem.trackers.githubApiUrl is wrong). Nothing was changed.` };
  }
  if (response.status === 201 || response.ok) {
    const created = (await response.json().catch(() => ({}))) as { html_url?: unknown; number?: unknown };
    if (typeof created.html_url === 'string' && typeof created.number === 'number') {
      if (isIssueLink(created.html_url, base)) return { ok: true, url: created.html_url, number: created.number, assigned };
      return { ok: false, message: `GitHub created issue #${created.number} in ${repository} but answered with an address that is not a web link, so nothing was written into the postmortem; link the issue by hand.` };
    }
    return { ok: false, message: `GitHub answered without the new issue's address; check ${repository} for it before trying again.` };
  }
  await response.body?.cancel();
  if (response.status === 401) return { ok: false, message: 'GitHub did not accept the token (HTTP 401). Sign in again or store a new token. Nothing was changed.' };
  if (response.status === 403) return { ok: false, message: `GitHub refused to create an issue in ${repository} (HTTP 403): the token lacks access or the rate limit is spent. Nothing was changed.` };
  if (response.status === 404) return { ok: false, message: `${repository} was not found, or the token cannot see it (HTTP 404). Nothing was changed.` };
  if (response.status === 410) return { ok: false, message: `Issues are turned off in ${repository} (HTTP 410). Nothing was changed.` };
  return { ok: false, message: `GitHub answered HTTP ${response.status}. Nothing was changed.` };
}
