import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

type History = temporal.api.history.v1.History;
const HistoryMessage = temporal.api.history.v1.History;

/** Where recorded histories live; the replay test runs every file in it. */
export const historiesDir = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'histories');

/**
 * Keeps the history of a finished run as a replay fixture, once: an existing fixture is never overwritten (it
 * stands for procedures already running in production; delete it on purpose to record it again).
 *
 * The file holds the protobuf message's JSON form (`History.toJSON()`: enum names, 64-bit ints and bytes as
 * strings). `historyToJSON` from `@temporalio/common/lib/proto-utils` cannot be used in this install: npm placed two
 * copies of protobufjs 8 (under `@temporalio/common` and `@temporalio/proto`) and its `instanceof Type` check fails.
 *
 * @example await keepHistory(handle, 'personnel-plan-returned-then-approved');
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const file = join(historiesDir, `${name}.json`);
  if (existsSync(file)) return;
  const history = await handle.fetchHistory();
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(HistoryMessage.fromObject(history).toJSON())}\n`);
}

/** Every recorded history with its workflow id (the file name), as `Worker.runReplayHistories` takes them. */
export function loadHistories(): Array<{ workflowId: string; history: History }> {
  if (!existsSync(historiesDir)) return [];
  return readdirSync(historiesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      workflowId: basename(f, '.json'),
      history: HistoryMessage.fromObject(JSON.parse(readFileSync(join(historiesDir, f), 'utf8')) as object),
    }));
}
