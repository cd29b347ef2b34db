import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, newIdempotencyKey, unwrap } from '../api/client';
import type { components } from '../api/schema';
import type { AuditTrail, ProcedureView, TaskView } from '../api/views';

export type DecisionBody = components['schemas']['DecisionDto'];

export function useTask(taskId: string) {
  return useQuery({
    queryKey: ['task', taskId],
    queryFn: async ({ signal }) =>
      unwrap<TaskView>(await api.GET('/tasks/{taskId}', { params: { path: { taskId } }, signal })),
  });
}

export function useProcedure(procedureId: string | undefined) {
  return useQuery({
    queryKey: ['procedure', procedureId],
    enabled: !!procedureId,
    queryFn: async ({ signal }) =>
      unwrap<ProcedureView>(
        await api.GET('/procedures/{procedureId}', { params: { path: { procedureId: procedureId ?? '' } }, signal }),
      ),
  });
}

/** The query of a procedure's trail, shared by every page that reads it (one cache entry per procedure). */
export function trailQuery(procedureId: string | undefined) {
  return {
    queryKey: ['trail', procedureId],
    enabled: !!procedureId,
    retry: false,
    queryFn: async ({ signal }: { signal: AbortSignal }) =>
      unwrap<AuditTrail>(
        await api.GET('/procedures/{procedureId}/audit', {
          params: { path: { procedureId: procedureId ?? '' } },
          signal,
        }),
      ),
  };
}

/** A procedure's trail (earlier steps' results, election rounds); readable by its own bodies and inspectors. */
export function useTrail(procedureId: string | undefined) {
  return useQuery(trailQuery(procedureId));
}

/** Decides a task; every call is a new request (a fresh Idempotency-Key), so a corrected retry is not the old one. */
export function useDecide(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: DecisionBody) =>
      unwrap(
        await api.POST('/tasks/{taskId}/decision', {
          params: { path: { taskId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['task', taskId] });
      void queryClient.invalidateQueries({ queryKey: ['procedure'] });
      void queryClient.invalidateQueries({ queryKey: ['trail'] });
    },
  });
}
