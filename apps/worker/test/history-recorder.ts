import type { WorkflowHandle } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

type History = temporal.api.history.v1.History;
const HistoryMessage = temporal.api.history.v1.History;

/** Where recorded histories live; the replay test runs every file in it. */
export const historiesDir = resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'histories');

/**
 * What marks a history recorded on the real Temporal server (`TEMPORAL_ADDRESS` set, `npm run test:temporal`): the
 * same test records `<name>.real-temporal.json` there, beside the embedded server's `<name>.json`.
 */
export const realTemporalSuffix = '.real-temporal';

/**
 * Keeps the history of a finished run as a replay fixture, once: an existing fixture is never overwritten (it
 * stands for procedures already running in production; delete it on purpose to record it again).
 *
 * The file holds the history in the JSON form of Temporal's own tools (`historyToJSON`, what
 * `temporal workflow show --output json` prints and `Worker.runReplayHistory` reads). On the real Temporal server
 * the file name gets {@link realTemporalSuffix}, so both servers' histories of one scenario are kept and replayed.
 *
 * @example await keepHistory(handle, 'personnel-plan-returned-then-approved');
 */
export async function keepHistory(handle: WorkflowHandle, name: string): Promise<void> {
  const file = join(historiesDir, `${name}${process.env.TEMPORAL_ADDRESS ? realTemporalSuffix : ''}.json`);
  if (existsSync(file)) return;
  const history = await handle.fetchHistory();
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(file, `${historyToJSON(history)}\n`);
}

/**
 * Reads a history file: Temporal's JSON form, or the protobuf message's own JSON form (`History.toJSON()`: timestamps
 * as `{ seconds, nanos }`) that fixtures were first recorded in.
 */
export function readHistory(file: string): History {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { events?: Array<{ eventTime?: unknown }> };
  const first = json.events?.[0]?.eventTime;
  return typeof first === 'object' && first !== null
    ? HistoryMessage.fromObject(json)
    : HistoryMessage.fromObject(historyFromJSON(json));
}

/** Every recorded history with its workflow id (the file name), as `Worker.runReplayHistories` takes them. */
export function loadHistories(): Array<{ workflowId: string; history: History }> {
  if (!existsSync(historiesDir)) return [];
  return readdirSync(historiesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ workflowId: basename(f, '.json'), history: readHistory(join(historiesDir, f)) }));
}
