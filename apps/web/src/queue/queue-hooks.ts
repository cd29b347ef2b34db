import { useMutation, useQuery, useQueryClient, useQueries } from '@tanstack/react-query';
import { App } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, tokenStore, unwrap } from '../api/client';
import type { Page, ProcedureView, TaskView } from '../api/views';
import { officeRoundNumbers } from '../shared/first-session-labels';
import { stepLabel } from '../shared/labels';
import { trailQuery } from '../tasks/task-hooks';
import type { ListedKind } from '../procedures/procedure-hooks';

export interface QueueFilter {
  type?: ListedKind;
  overdue?: boolean;
}

/** My open tasks (`GET /tasks`). */
export function useQueue(filter: QueueFilter) {
  return useQuery({
    queryKey: ['tasks', filter],
    queryFn: async ({ signal }) =>
      unwrap<Page<TaskView>>(
        await api.GET('/tasks', {
          params: {
            query: { type: filter.type, overdue: filter.overdue ? 'true' : undefined, sort: 'due', pageSize: 100 },
          },
          signal,
        }),
      ),
  });
}

/** The root procedures of tasks, for their kind and organisation. */
export function useProcedures(ids: readonly string[]) {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ['procedure', id],
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        unwrap<ProcedureView>(
          await api.GET('/procedures/{procedureId}', { params: { path: { procedureId: id } }, signal }),
        ),
      staleTime: 30_000,
    })),
  });
  return new Map(unique.map((id, i) => [id, results[i]?.data] as const));
}

/**
 * The rounds of the first sessions a queue's tasks are about, each numbered within its office
 * ({@link officeRoundNumbers}): read from the trails of those procedures only, the rest of the queue reads none.
 */
export function useOfficeRounds(tasks: readonly TaskView[]): ReadonlyMap<string, number> {
  const ids = [
    ...new Set(
      tasks.filter((task) => /^first-session-(next-)?round$/.test(task.stepKind ?? '')).map((task) => task.procedureId),
    ),
  ];
  const trails = useQueries({ queries: ids.map((id) => trailQuery(id)) });
  return officeRoundNumbers(trails.flatMap((trail) => trail.data?.events ?? []));
}

/** Claim or release a task; the queue and the task reload. */
export function useClaim() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: async ({ taskId, claim }: { taskId: string; claim: boolean }) =>
      claim
        ? unwrap<TaskView>(await api.POST('/tasks/{taskId}/claim', { params: { path: { taskId } } }))
        : unwrap<TaskView>(await api.POST('/tasks/{taskId}/unclaim', { params: { path: { taskId } } })),
    onSuccess: (_task, { claim }) => {
      void message.success(claim ? t('queue.claimed') : t('queue.unclaimed'));
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      void queryClient.invalidateQueries({ queryKey: ['task'] });
    },
  });
}

/** What a `task-opened` event says of the task. */
export interface TaskOpened {
  taskId: string;
  stepId: string;
}

/** The task a change names, or undefined if it cannot be read (the announcement then names the step by its id). */
async function loadTask(taskId: string): Promise<TaskView | undefined> {
  const answer = await api.GET('/tasks/{taskId}', { params: { path: { taskId } } }).catch(() => undefined);
  return answer?.data;
}

/**
 * The announcement of a new task. The change names the step by its id only, which a first session shares with the
 * election (`round-<n>`, `ratification`): the task's kind and parameters, read once, name its office.
 */
export async function newTaskMessage(
  t: TFunction,
  change: TaskOpened,
  load: (taskId: string) => Promise<TaskView | undefined>,
): Promise<string> {
  const task = await load(change.taskId);
  return t('queue.newTask', { step: stepLabel(t, change.stepId, undefined, task) });
}

/** Wait before opening the stream again after it closed (the server restarted, or the ticket was refused). */
const RECONNECT_MS = 5_000;

/**
 * Live queue changes (server-sent events): the queue reloads, and a new task is announced. A browser's EventSource
 * sends no headers, so each connection opens with a single-use ticket from `POST /tasks/events/ticket`; when the
 * stream closes, a new ticket opens the next one.
 */
export function useLiveQueue(): void {
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const { t } = useTranslation();
  useEffect(() => {
    if (!tokenStore.get() || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const reload = (): void => void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    const later = (): void => {
      if (!stopped) timer = setTimeout(() => void open(), RECONNECT_MS);
    };
    const open = async (): Promise<void> => {
      const answer = await api.POST('/tasks/events/ticket').catch(() => undefined);
      if (stopped) return;
      if (!answer?.data) return later();
      source = new EventSource(`/tasks/events?ticket=${encodeURIComponent(answer.data.ticket)}`);
      source.addEventListener('task-opened', (event: MessageEvent<string>) => {
        reload();
        const change = JSON.parse(event.data) as TaskOpened;
        void newTaskMessage(t, change, loadTask).then((message) => {
          if (!stopped) notification.info({ message, placement: 'bottomRight' });
        });
      });
      source.addEventListener('task-closed', reload);
      source.addEventListener('error', () => {
        // EventSource would reconnect with the spent ticket; a new connection takes a new ticket.
        source?.close();
        source = null;
        later();
      });
    };
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [queryClient, notification, t]);
}
