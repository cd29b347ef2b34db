import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApiSettings, createApiApp } from '@cadreflow/api';
import { TrustedKeys } from '@cadreflow/event-store';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { E2E_JWT_SECRET, HttpClient, startFullStack, type FullStack } from '../support/full-stack';

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
}

/** Reads a server-sent-event stream into `text` until `stop()`. */
async function follow(url: string): Promise<{ text: () => string; stop: () => Promise<void> }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  expect(response.status).toBe(200);
  let received = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
        received += decoder.decode(chunk);
    } catch {
      // Aborting the request ends the stream with an error: that is how this reader stops.
    }
  })();
  return {
    text: () => received,
    stop: async () => {
      controller.abort();
      await reading;
    },
  };
}

async function eventually(accept: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await accept()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Two API replicas on one database and one Temporal task queue, as the compose file runs them: each applies the
 * read models' batches whenever it takes the checkpoint's lock first, and every change reaches the live clients of
 * both, whichever replica took the decision and whichever applied it.
 */
describe('two API replicas on one database', () => {
  let stack: FullStack;
  let second: INestApplication;
  let secondUrl: string;

  beforeAll(async () => {
    stack = await startFullStack();
    second = await createApiApp(
      new ApiSettings(stack.databaseUrl, stack.temporal.address, 'default', stack.taskQueue, false, E2E_JWT_SECRET),
      new TrustedKeys([stack.signer.publicKey]),
      ['error'],
    );
    await second.listen(0, '127.0.0.1');
    secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await second?.close();
    await stack?.stop();
  });

  it('pushes a task opened by a launch and closed by a decision through one replica to the clients of both', async () => {
    const committee = await stack.as('tochuc');
    const approver = await stack.as('phobithu');
    const approverOnSecond = new HttpClient(secondUrl, approver.token);
    // Each stream opened with a ticket the other replica gave: tickets live in the database too.
    const ticket = async (client: HttpClient): Promise<string> =>
      encodeURIComponent((await client.post<{ ticket: string }>('/tasks/events/ticket')).body.ticket);
    const onFirst = await follow(`${stack.baseUrl}/tasks/events?ticket=${await ticket(approverOnSecond)}`);
    const onSecond = await follow(`${secondUrl}/tasks/events?ticket=${await ticket(approver)}`);
    try {
      const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
      expect(launched.status).toBe(201);
      const { procedureId } = launched.body;
      const opened = (text: string): boolean => text.includes('event: task-opened') && text.includes(procedureId);
      await eventually(() => opened(onFirst.text()) && opened(onSecond.text()), 'task-opened on both replicas');

      let task: Task | undefined;
      await eventually(async () => {
        const queue = await approverOnSecond.get<{ items: Task[] }>('/tasks?pageSize=200');
        task = queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === 'adoption-1');
        return task !== undefined;
      }, 'the task in the second replica’s queue');
      const decided = await approver.post<{ events: { type: string }[] }>(
        `/tasks/${task!.taskId}/decision`,
        { kind: 'approve' },
        key(),
      );
      expect(decided.status).toBe(200);
      const closed = (text: string): boolean => text.includes('event: task-closed') && text.includes(task!.taskId);
      await eventually(() => closed(onFirst.text()) && closed(onSecond.text()), 'task-closed on both replicas');

      // The read models were applied once: both replicas answer the same, and no change was pushed twice.
      const [first, again] = await Promise.all([
        approver.get<{ status: string }>(`/tasks/${task!.taskId}`),
        approverOnSecond.get<{ status: string }>(`/tasks/${task!.taskId}`),
      ]);
      expect([first.body.status, again.body.status]).toEqual(['closed', 'closed']);
      for (const stream of [onFirst.text(), onSecond.text()]) {
        const messages = stream.split('\n\n');
        const closings = messages.filter((m) => m.includes('event: task-closed') && m.includes(task!.taskId));
        expect(closings).toHaveLength(1);
      }
    } finally {
      await onFirst.stop();
      await onSecond.stop();
    }
  });
});
