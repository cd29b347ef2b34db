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
