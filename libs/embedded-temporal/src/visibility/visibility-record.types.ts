/**
 * The status names a visibility query can filter on, exactly as Temporal spells them in
 * `ExecutionStatus = 'Running'`.
 */
export type WorkflowExecutionStatusName =
  'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Terminated' | 'ContinuedAsNew' | 'TimedOut';

/** Every status name, in Temporal's enum order; used to validate and normalise query values. */
export const WORKFLOW_EXECUTION_STATUS_NAMES: readonly WorkflowExecutionStatusName[] = [
  'Running',
  'Completed',
  'Failed',
  'Canceled',
  'Terminated',
  'ContinuedAsNew',
  'TimedOut',
];

/**
 * What the visibility store knows about one workflow run: the row that ListWorkflowExecutions filters and sorts.
 *
 * `searchAttributes` holds decoded values: `string` (Keyword, Text), `number` (Int, Double), `boolean` (Bool),
 * `Date` (Datetime) and `string[]` (KeywordList). The PostgreSQL store keeps the same object as jsonb, where a
 * `Date` becomes its `toISOString()` text.
 *
 * @example
 * const record: VisibilityRecord = {
 *   workflowId: 'order-42', runId: '0b6c…', workflowType: 'processOrder', status: 'Running',
 *   startTime: new Date('2024-05-01T10:00:00Z'), taskQueue: 'orders',
 *   searchAttributes: { CustomerId: 'c-7', Amount: 120.5, Tags: ['vip'] },
 * };
 */
export interface VisibilityRecord {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: WorkflowExecutionStatusName;
  startTime: Date;
  closeTime?: Date;
  taskQueue: string;
  searchAttributes: Record<string, unknown>;
}
