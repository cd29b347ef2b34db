import { status } from '@grpc/grpc-js';
import type { Execution } from '../engine/execution';
import { decodePayloadMap, decodeSearchAttributes } from '../engine/payload-maps';
import type { temporal } from '../proto/temporal-proto';
import type { Loose } from '../proto/temporal-proto';
import {
  matchesVisibilityQuery,
  parseVisibilityQuery,
  sortVisibilityRecords,
  VisibilityQueryError,
  type VisibilityQuery,
  type VisibilityRecord,
  WORKFLOW_EXECUTION_STATUS_NAMES,
} from '../visibility';
import { ServiceError } from './service-error';

/** Parses a list filter, answering INVALID_ARGUMENT (as Temporal does) when it is malformed. */
export function parseListQuery(query: string | null | undefined): VisibilityQuery {
  try {
    return parseVisibilityQuery(query ?? '');
  } catch (error) {
    if (error instanceof VisibilityQueryError) {
      throw new ServiceError(status.INVALID_ARGUMENT, `invalid query: ${error.message}`);
    }
    throw error;
  }
}

/** The visibility row of a run. */
export function toVisibilityRecord(exec: Execution): VisibilityRecord {
  const s = exec.state;
  return {
    workflowId: s.workflowId,
    runId: s.runId,
    workflowType: s.workflowType,
    status: WORKFLOW_EXECUTION_STATUS_NAMES[s.status - 1] ?? 'Running',
    startTime: new Date(s.startTime),
    closeTime: s.closeTime !== undefined ? new Date(s.closeTime) : undefined,
    taskQueue: s.taskQueue,
    searchAttributes: decodeSearchAttributes(decodePayloadMap(s.searchAttributes)),
  };
}

/** Filters and orders runs for ListWorkflowExecutions; the page token is an offset. */
export function listExecutions(
  runs: Execution[],
  query: VisibilityQuery,
  pageSize: number,
  pageToken: Uint8Array | null | undefined,
  info: (exec: Execution) => Loose<temporal.api.workflow.v1.IWorkflowExecutionInfo>,
): Loose<temporal.api.workflowservice.v1.IListWorkflowExecutionsResponse> {
  const byRun = new Map(runs.map((r) => [r.state.runId, r]));
  const matching = sortVisibilityRecords(
    query,
    runs.map(toVisibilityRecord).filter((r) => matchesVisibilityQuery(query, r)),
  );
  const offset = pageToken?.length ? Number(Buffer.from(pageToken).toString('utf8')) : 0;
  const size = pageSize > 0 ? pageSize : 1000;
  const page = matching.slice(offset, offset + size);
  const next = offset + page.length;
  return {
    executions: page.map((r) => info(byRun.get(r.runId) as Execution)),
    nextPageToken: next < matching.length ? Buffer.from(String(next)) : null,
  };
}

/** Counts runs for CountWorkflowExecutions. */
export function countExecutions(runs: Execution[], query: VisibilityQuery): number {
  return runs.map(toVisibilityRecord).filter((r) => matchesVisibilityQuery(query, r)).length;
}
