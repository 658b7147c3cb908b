// Reads the `trackers` key of a configuration layer: checks its shape, keeps what is valid, warns about the rest.
import type { TrackersConfig } from '../config/types';
import { GITHUB_REPOSITORY } from './repositoryName';

const SECRET_KEY = /token|secret|password|api[-_]?key/i;

function text(value: unknown, name: string, warnings: string[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim()) return value.trim();
  warnings.push(`"trackers.${name}" should be a non-empty string; ignoring it.`);
  return undefined;
}

function webUrl(value: unknown, name: string, warnings: string[]): string | undefined {
  const raw = text(value, name, warnings);
  if (raw === undefined) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'https:' || url.protocol === 'http:') return raw.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  warnings.push(`"trackers.${name}" should be an http(s) address such as https://tracker.example.com; ignoring it.`);
  return undefined;
}

function section(value: unknown, name: string, warnings: string[]): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const secrets = Object.keys(value).filter((k) => SECRET_KEY.test(k));
    if (secrets.length) warnings.push(`"trackers.${name}.${secrets[0]}" is ignored: credentials come from the environment (GITHUB_TOKEN, GITLAB_TOKEN, JIRA_EMAIL and JIRA_API_TOKEN), never from files.`);
    return value as Record<string, unknown>;
  }
  warnings.push(`"trackers.${name}" should be an object; ignoring it.`);
  return undefined;
}

/** Merges one layer's `trackers` over the layers before it. */
export function readTrackersConfig(value: unknown, previous: TrackersConfig | undefined, warnings: string[]): TrackersConfig {
  const out: TrackersConfig = { ...previous };
  const raw = section(value, '', warnings);
  if (!raw) return out;
  if (raw.enabled !== undefined) {
    if (typeof raw.enabled === 'boolean') out.enabled = raw.enabled;
    else warnings.push('"trackers.enabled" should be true or false; ignoring it.');
  }
  const gh = section(raw.github, 'github', warnings);
  if (gh) {
    const repository = text(gh.repository, 'github.repository', warnings);
    if (repository !== undefined && !GITHUB_REPOSITORY.test(repository)) warnings.push('"trackers.github.repository" should be "owner/repo"; ignoring it.');
    out.github = { ...out.github, repository: repository && GITHUB_REPOSITORY.test(repository) ? repository : out.github?.repository, url: webUrl(gh.url, 'github.url', warnings) ?? out.github?.url, apiUrl: webUrl(gh.apiUrl, 'github.apiUrl', warnings) ?? out.github?.apiUrl };
  }
  const gl = section(raw.gitlab, 'gitlab', warnings);
  if (gl) out.gitlab = { ...out.gitlab, url: webUrl(gl.url, 'gitlab.url', warnings) ?? out.gitlab?.url, project: text(gl.project, 'gitlab.project', warnings) ?? out.gitlab?.project };
  const jira = section(raw.jira, 'jira', warnings);
  if (jira) {
    const projects = Array.isArray(jira.projects) && jira.projects.every((p) => typeof p === 'string') ? (jira.projects as string[]) : undefined;
    if (jira.projects !== undefined && !projects) warnings.push('"trackers.jira.projects" should be a list of project keys such as ["OPS"]; ignoring it.');
    out.jira = { ...out.jira, url: webUrl(jira.url, 'jira.url', warnings) ?? out.jira?.url, projects: projects ?? out.jira?.projects };
  }
  if (raw.shortRefs !== undefined) {
    if (raw.shortRefs === 'github' || raw.shortRefs === 'gitlab') out.shortRefs = raw.shortRefs;
    else warnings.push('"trackers.shortRefs" should be "github" or "gitlab"; ignoring it.');
  }
  return out;
}
