// Serves the web worker server's file reads (.postmortemrc, the workspace index) with
// vscode.workspace.fs: the worker has no file system, and this one covers disk, remote and virtual
// workspaces (vscode.dev, github.dev) alike.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  ReadDirectoryRequest, ReadFileRequest, StatRequest,
  type ClientFileKind, type FileParams, type ReadDirectoryResult, type ReadFileResult, type StatResult,
} from '../../server/src/protocol';

function kindOf(type: vscode.FileType): ClientFileKind {
  if (type & vscode.FileType.File) return 'file';
  if (type & vscode.FileType.Directory) return 'directory';
  return 'other';
}

const NOT_THERE = new Set(['FileNotFound', 'FileNotADirectory', 'EntryNotFound', 'EntryNotADirectory']);

export function serveWorkspaceFiles(client: Pick<BaseLanguageClient, 'onRequest'>): void {
  client.onRequest(ReadFileRequest, async ({ uri }: FileParams): Promise<ReadFileResult> => ({
    text: new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))),
  }));
  client.onRequest(StatRequest, async ({ uri }: FileParams): Promise<StatResult | null> => {
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
      return { kind: kindOf(stat.type), size: stat.size };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && NOT_THERE.has(error.code)) return null;
      throw error;
    }
  });
  client.onRequest(ReadDirectoryRequest, async ({ uri }: FileParams): Promise<ReadDirectoryResult> => {
    const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri, true));
    return entries.map(([name, type]) => ({ name, kind: kindOf(type), symbolicLink: (type & vscode.FileType.SymbolicLink) !== 0 }));
  });
}
