// What every handler module gets: the connection, the open documents, the language service, the
// guard that isolates handlers, and what the client said it can do. Adding a handler module (say, a
// notification for another feature) is one function taking this context, registered in startServer.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Guard } from '../guard';
import type { PostmortemService } from '../service/languageService';
import type { ClientAbilities } from './capabilities';

export interface HandlerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: PostmortemService;
  guard: Guard;
  /** Filled in by initialize; read only after it. */
  client: ClientAbilities;
  /** The workspace folders (URIs), kept current by the workspace handlers. */
  folders: string[];
}
