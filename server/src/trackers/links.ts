// Finds the tracker issue an action item links to: GitHub, GitLab and Jira URLs and short references.
import type { TrackersConfig } from '../config/types';
import type { TrackerRef } from './types';

const GITHUB_PATH = /^\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)(?:[/?#]|$)/;
const GITLAB_PATH = /^\/((?:[\w.-]+\/)+[\w.-]+)\/-\/issues\/(\d+)(?:[/?#]|$)/;
const JIRA_PATH = /^\/browse\/([A-Z][A-Z0-9_]{0,9}-\d+)(?:[/?#]|$)/;
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"'`]+/g;
/** group/project#12 or owner/repo#12; the part before # is a path of names. */
const SHORT_REF = /(?:^|[\s([,;])((?:[\w.-]+\/)+[\w.-]+)#(\d+)\b/g;
const BARE_NUMBER = /(?:^|[\s([,;])#(\d+)\b/;
const JIRA_KEY = /\b([A-Z][A-Z0-9_]{1,9})-(\d+)\b/g;
/** Prefixes that look like Jira keys but name something else (severities, standards, encodings). */
const NOT_JIRA = new Set(['SEV', 'CVE', 'CWE', 'RFC', 'ISO', 'UTC', 'GMT', 'UTF', 'SHA', 'TLS', 'SSL', 'HTTP', 'IPV', 'PR', 'INC', 'P']);

function origin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function github(project: string, id: string, host?: string): TrackerRef {
  return { kind: 'github', key: `github:${project.toLowerCase()}#${id}`, project, id, origin: host };
}
function gitlab(project: string, id: string, host?: string): TrackerRef {
  return { kind: 'gitlab', key: `gitlab:${project.toLowerCase()}#${id}`, project, id, origin: host };
}
function jira(key: string, host?: string): TrackerRef {
  return { kind: 'jira', key: `jira:${key}`, project: key.replace(/-\d+$/, ''), id: key, origin: host };
}

/** A URL: GitHub (github.com or the configured Enterprise host), GitLab (any host, /-/issues/), Jira (/browse/KEY). */
export function refFromUrl(raw: string, config: TrackersConfig = {}): TrackerRef | undefined {
  let url: URL;
  try {
    url = new URL(raw.replace(/[.,;:!?]+$/, ''));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const gitlabMatch = GITLAB_PATH.exec(url.pathname);
  if (gitlabMatch) return gitlab(gitlabMatch[1], gitlabMatch[2], url.origin);
  const jiraMatch = JIRA_PATH.exec(url.pathname);
  if (jiraMatch) return jira(jiraMatch[1], url.origin);
  const githubMatch = GITHUB_PATH.exec(url.pathname);
  const enterprise = origin(config.github?.url);
  if (githubMatch && (url.hostname === 'github.com' || url.hostname === 'www.github.com' || url.origin === enterprise)) {
    return github(`${githubMatch[1]}/${githubMatch[2]}`, githubMatch[3], url.hostname.endsWith('github.com') ? undefined : url.origin);
  }
  return undefined;
}

/** What "owner/repo#12" means: GitLab when only GitLab is configured or the path has subgroups. */
function shortRef(project: string, id: string, config: TrackersConfig): TrackerRef {
  const segments = project.split('/').length;
  const gitlabDefault = config.shortRefs === 'gitlab' || (config.shortRefs === undefined && !!config.gitlab && !config.github);
  return segments > 2 || gitlabDefault ? gitlab(project, id, origin(config.gitlab?.url)) : github(project, id, origin(config.github?.url));
}

function jiraKeys(text: string, config: TrackersConfig): TrackerRef | undefined {
  if (!config.jira?.url) return undefined;
  const projects = config.jira.projects?.map((p) => p.toUpperCase());
  for (const m of text.matchAll(JIRA_KEY)) {
    const allowed = projects?.length ? projects.includes(m[1]) : !NOT_JIRA.has(m[1]);
    if (allowed) return jira(`${m[1]}-${m[2]}`, origin(config.jira.url));
  }
  return undefined;
}

/** The first tracker issue named in a text (a URL first, then short references, then Jira keys). */
export function findTrackerRef(text: string, config: TrackersConfig = {}): TrackerRef | undefined {
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const ref = refFromUrl(m[0], config);
    if (ref) return ref;
  }
  const withoutUrls = text.replace(URL_IN_TEXT, ' ');
  for (const m of withoutUrls.matchAll(SHORT_REF)) return shortRef(m[1], m[2], config);
  const bare = BARE_NUMBER.exec(withoutUrls);
  if (bare) {
    if (config.github?.repository) return github(config.github.repository, bare[1], origin(config.github.url));
    if (config.gitlab?.project) return gitlab(config.gitlab.project, bare[1], origin(config.gitlab.url));
  }
  return jiraKeys(withoutUrls, config);
}

/** The issue an action item links to: its tracker field (a link's URL or a reference) first, then its text. */
export function actionItemRef(item: { tracker?: string; text: string }, config: TrackersConfig = {}): TrackerRef | undefined {
  return (item.tracker ? findTrackerRef(item.tracker, config) : undefined) ?? findTrackerRef(item.text, config);
}

/** Whether an item names any issue at all: a recognised reference, or any link or key the model read. */
export function isTracked(item: { tracker?: string; text: string }, config: TrackersConfig = {}): boolean {
  return !!actionItemRef(item, config) || hasIssueReference(item.tracker);
}

/** A tracker field the model read that names an issue even when no tracker here can read it: any web link, #N, or a ticket key. */
export function hasIssueReference(tracker: string | undefined): boolean {
  if (!tracker) return false;
  if (/^https?:\/\//.test(tracker) || /^#\d+$/.test(tracker)) return true;
  const key = /^([A-Z][A-Z0-9_]{1,9})-\d+$/.exec(tracker);
  return !!key && !NOT_JIRA.has(key[1]);
}
