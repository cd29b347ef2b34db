import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import type { Page, ProcedureSummary, RecordedEventRef } from '../api/views';
import type { components, paths } from '../api/schema';

/** The kinds of procedure the API lists (from the OpenAPI document). */
export type ListedKind = NonNullable<NonNullable<paths['/procedures']['get']['parameters']['query']>['type']>;
export type RunStatus = NonNullable<NonNullable<paths['/procedures']['get']['parameters']['query']>['status']>;
export type LevelKind = NonNullable<NonNullable<paths['/procedures']['get']['parameters']['query']>['level']>;
/** Every kind the API lists, in the order a congress meets them; the type check keeps each one a listed kind. */
export const KINDS: readonly ListedKind[] = [
  'congress-personnel',
  'personnel-plan',
  'introduction',
  'vetting',
  'election',
  'first-session',
  'appointment',
  'confidence-vote',
  'classification',
  'cadre-opinion',
];

type ListQuery = { type?: ListedKind; status?: RunStatus; body?: string; level?: LevelKind };

export function useProcedureList(query: ListQuery) {
  return useQuery({
    queryKey: ['procedures', query],
    queryFn: async ({ signal }) =>
      unwrap<Page<ProcedureSummary>>(
        await api.GET('/procedures', { params: { query: { ...query, pageSize: 100 } }, signal }),
      ),
  });
}

type Command = components['schemas']['ProcedureCommandDto'];

/** Sends a command of a procedure (revise or submit a plan…), a new request each time. */
export function useCommand(procedureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Command) =>
      unwrap<RecordedEventRef[]>(
        await api.POST('/procedures/{procedureId}/commands', {
          params: { path: { procedureId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body,
        }),
      ),
    onSuccess: () => {
      // A command changes the procedure, its trail (what the page lists as filed) and maybe a task.
      void queryClient.invalidateQueries({ queryKey: ['procedure'] });
      void queryClient.invalidateQueries({ queryKey: ['trail'] });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['task'] });
    },
  });
}

/** Withdraws a procedure with a reason. */
export function useWithdraw(procedureId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (reason: string) =>
      unwrap<RecordedEventRef[]>(
        await api.POST('/procedures/{procedureId}/withdraw', {
          params: { path: { procedureId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['procedure'] });
      void queryClient.invalidateQueries({ queryKey: ['procedures'] });
    },
  });
}

/** The task id of a step (the API's `taskIdOf`: SHA-256 of procedure and step, base64url, 22 characters). */
export async function taskIdOf(procedureId: string, stepId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${procedureId}\n${stepId}`));
  const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '').slice(0, 22);
}
