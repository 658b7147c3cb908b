// Where Create GitHub Issue publishes, decided apart from the dialogs (no VS Code API here, so it is
// tested in Node). A repository the user set is used as it is. One that the workspace's settings set
// was chosen by whoever wrote those files, so the issue goes there only after the user confirms it
// (a modal). With neither, the user is asked for one.

/** The layers of postmortem.trackers.githubRepository, as WorkspaceConfiguration.inspect gives them. */
export interface RepositorySetting {
  globalValue?: string;
  workspaceValue?: string;
  workspaceFolderValue?: string;
}

export type RepositoryChoice =
  | { kind: 'use'; name: string }
  | { kind: 'confirm'; name: string }
  | { kind: 'ask' };

export function repositoryChoice(setting: RepositorySetting | undefined): RepositoryChoice {
  // The folder's value outranks the workspace's, and either outranks the user's (as VS Code reads them).
  const workspace = (setting?.workspaceFolderValue ?? setting?.workspaceValue)?.trim();
  if (workspace) return { kind: 'confirm', name: workspace };
  const user = setting?.globalValue?.trim();
  return user ? { kind: 'use', name: user } : { kind: 'ask' };
}
