// The requests of protocol.ts that the VS Code client sends for its views, preview and commands.
import type { CancellationToken } from 'vscode-languageserver';
import {
  ActionItemInsertionRequest, ActionItemsRequest, OutlineRequest, TimelineInsertionRequest,
  type ActionItemInsertionParams, type ActionItemsResult, type DocumentOutline, type InsertionAnswer, type OutlineParams, type TimelineInsertionParams,
} from '../protocol';
import type { HandlerContext } from './context';

export function registerCustomRequests(ctx: HandlerContext): void {
  const { connection, service, guard } = ctx;
  connection.onRequest(OutlineRequest, guard.request('Outline', null as DocumentOutline | null, async (params: OutlineParams, token: CancellationToken) => (await service.outline(params.uri, token)) ?? null));
  connection.onRequest(ActionItemsRequest, guard.request('Action items', { items: [], indexing: false } as ActionItemsResult, () => service.actionItems()));
  connection.onRequest(TimelineInsertionRequest, guard.request('Timeline insertion', null as InsertionAnswer, async (params: TimelineInsertionParams, token: CancellationToken) => (await service.timelineInsertion(params, token)) ?? null));
  connection.onRequest(ActionItemInsertionRequest, guard.request('Action item insertion', null as InsertionAnswer, async (params: ActionItemInsertionParams, token: CancellationToken) => (await service.actionItemInsertion(params, token)) ?? null));
}
