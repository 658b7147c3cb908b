// The service's file system where the server has none (a web worker): each read is a request to the
// client, which answers with vscode.workspace.fs. Links are not resolved, so linked folders are not
// followed (the index stays inside the workspace and cannot loop).
import type { Connection } from 'vscode-languageserver';
import {
  ReadDirectoryRequest, ReadFileRequest, StatRequest,
  type FileParams, type ReadDirectoryResult, type ReadFileResult, type StatResult,
} from '../protocol';
import type { FileSystem } from '../service/fileSystem';

export function clientFileSystem(connection: Pick<Connection, 'sendRequest'>): FileSystem {
  return {
    async readFile(uri) {
      const result = await connection.sendRequest<ReadFileResult>(ReadFileRequest, { uri } satisfies FileParams);
      return result.text;
    },
    async stat(uri) {
      return (await connection.sendRequest<StatResult | null>(StatRequest, { uri } satisfies FileParams)) ?? undefined;
    },
    readDirectory: (uri) => connection.sendRequest<ReadDirectoryResult>(ReadDirectoryRequest, { uri } satisfies FileParams),
  };
}
