// The standard LSP features, each one call into the service; a missing answer (not a postmortem,
// superseded, cancelled) is the feature's empty result.
import { ruleDocsUrl, RULES_BY_ID } from '../rules/registry';
import { SHOW_RULE_DOCUMENTATION } from '../protocol';
import type { HandlerContext } from './context';

export function registerLanguageFeatures(ctx: HandlerContext): void {
  const { connection, service, guard } = ctx;
  connection.onCodeAction(guard.request('Code actions', [], async (params, token) => (await service.codeActions(params, token, ctx.client.documentChanges ? 'documentChanges' : 'changes')) ?? []));
  connection.onHover(guard.request('Hover', null, async (params, token) => (await service.hover(params.textDocument.uri, params.position, token)) ?? null));
  connection.onDocumentSymbol(guard.request('Document symbols', [], async (params, token) => (await service.documentSymbols(params.textDocument.uri, token)) ?? []));
  connection.onCodeLens(guard.request('Code lenses', [], async (params, token) => (await service.codeLenses(params.textDocument.uri, token)) ?? []));
  connection.onCompletion(guard.request('Completion', [], async (params, token) => (await service.completion(params.textDocument.uri, params.position, token)) ?? []));
  connection.onExecuteCommand(guard.request('Showing rule documentation', null, async (params) => {
    const id = String(params.arguments?.[0] ?? '');
    if (params.command !== SHOW_RULE_DOCUMENTATION || !RULES_BY_ID.has(id)) return null;
    // Clients without window/showDocument get the address as a message.
    if (ctx.client.showDocument) await connection.window.showDocument({ uri: ruleDocsUrl(id), external: true });
    else void connection.window.showInformationMessage(`Documentation for ${id}: ${ruleDocsUrl(id)}`);
    return null;
  }));
}
