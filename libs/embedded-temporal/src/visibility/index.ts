/**
 * The visibility query language of ListWorkflowExecutions / CountWorkflowExecutions: a subset of Temporal's SQL-like
 * list filter, evaluated in memory ({@link matchesVisibilityQuery}, {@link sortVisibilityRecords}) or compiled to
 * PostgreSQL ({@link visibilityQueryToSql}) with the same results.
 *
 * - Fields: `WorkflowId`, `RunId`, `WorkflowType`, `TaskQueue` (text), `ExecutionStatus` (a status name, any letter
 *   case, `=`/`!=`/`IN`/`NOT IN` only), `StartTime` (alias `ExecutionTime`) and `CloseTime` (times: RFC 3339 strings
 *   or integer epoch nanoseconds), and custom search attributes by name or `` `backquoted` ``. System field names are
 *   case-sensitive; keywords are not.
 * - Predicates: `= != <> < <= > >=`, `[NOT] IN (…)`, `[NOT] BETWEEN a AND b`, `[NOT] STARTS_WITH 'p'`,
 *   `IS [NOT] NULL`; combined with `NOT`, `AND`, `OR` (in that order of precedence) and parentheses.
 * - Literals: `'…'` or `"…"` strings (doubled quote or backslash escapes), integers, decimals, `true`, `false`.
 * - `ORDER BY StartTime|CloseTime [ASC|DESC]`, several keys separated by commas; default `StartTime DESC`; missing
 *   close times last; ties broken by `RunId`.
 * - Custom attributes follow SQL NULL logic and compare only with literals of their own type; see
 *   {@link matchesVisibilityQuery} for Datetime and KeywordList rules.
 *
 * @example
 * const query = parseVisibilityQuery("WorkflowType = 'processOrder' AND ExecutionStatus = 'Running' ORDER BY StartTime");
 * const page = sortVisibilityRecords(query, records.filter((r) => matchesVisibilityQuery(query, r)));
 *
 * @packageDocumentation
 */
export { VisibilityQueryError } from './visibility-query.error';
export { matchesVisibilityQuery } from './visibility-query.matcher';
export { parseVisibilityQuery } from './visibility-query.parser';
export { DEFAULT_VISIBILITY_ORDER, sortVisibilityRecords } from './visibility-query.sorter';
export { visibilityQueryToSql } from './visibility-query.sql';
export type { VisibilitySql, VisibilitySqlColumns, VisibilitySqlOptions } from './visibility-query.sql';
export type {
  VisibilityComparisonOperator,
  VisibilityField,
  VisibilityFilter,
  VisibilityOrder,
  VisibilityQuery,
  VisibilitySystemFieldName,
  VisibilityValue,
} from './visibility-query.types';
export { WORKFLOW_EXECUTION_STATUS_NAMES } from './visibility-record.types';
export type { VisibilityRecord, WorkflowExecutionStatusName } from './visibility-record.types';
