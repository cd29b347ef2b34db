import { randomUUID } from 'node:crypto';
import { type HttpClient } from './full-stack';

/** A task of an approver's queue, as `GET /tasks` lists it. */
export interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
  decision: string;
  role: string;
}

/** What `POST /tasks/:taskId/decision` answers: the events the decision recorded. */
export interface Decided {
  events: { type: string }[];
}

/** A fresh idempotency key, so each request is a new one. */
export const idempotencyKey = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/** Reads until `accept` holds (the workflow and its projections catch up asynchronously); fails after 15 s. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let n = 0; n < 150; n++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The task of `stepId` of the procedure, once it stands in the queue of `client`'s user. */
export async function taskOf(client: HttpClient, procedureId: string, stepId: string): Promise<Task> {
  const queue = await eventually(
    () => client.get<{ items: Task[] }>('/tasks?pageSize=200'),
    (r) => r.body.items.some((t) => t.procedureId === procedureId && t.stepId === stepId),
    `task ${stepId} of ${procedureId} in the queue`,
  );
  return queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === stepId)!;
}
