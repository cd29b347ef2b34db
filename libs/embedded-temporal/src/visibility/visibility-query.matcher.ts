import type {
  VisibilityComparisonOperator,
  VisibilityField,
  VisibilityFilter,
  VisibilityQuery,
  VisibilityValue,
} from './visibility-query.types';
import type { VisibilityRecord } from './visibility-record.types';
import { compareText, isCanonicalIsoTime } from './visibility-query.values';

/** SQL's three-valued truth: `null` is "unknown", which a filter never accepts. */
type Truth = boolean | null;

/**
 * Whether a record passes a parsed query's filter, with exactly the semantics of the SQL that
 * {@link visibilityQueryToSql} builds, so the memory and PostgreSQL stores answer alike.
 *
 * - Missing values (a custom attribute absent or `null`, `CloseTime` of a running workflow) make a comparison
 *   unknown, as SQL `NULL` does: neither `X = 'a'` nor `X != 'a'` nor `NOT X = 'a'` matches.
 * - Custom attributes compare only with literals of their own JSON type: numbers with numbers, booleans with
 *   booleans, texts with strings. A `Date` attribute (stored as its ISO text) compares as a time with a string literal
 *   that is a date-time; other texts compare by code point.
 * - A KeywordList (`string[]`) attribute: `=` means "contains", `!=` "does not contain", `IN` "contains one of",
 *   `NOT IN` "contains none of"; ranges and `STARTS_WITH` do not match lists.
 *
 * @example
 * matchesVisibilityQuery(parseVisibilityQuery("Tags = 'vip' AND Amount >= 100"), record)
 */
export function matchesVisibilityQuery(query: VisibilityQuery, record: VisibilityRecord): boolean {
  return query.filter === undefined || evaluate(query.filter, record) === true;
}

function evaluate(filter: VisibilityFilter, record: VisibilityRecord): Truth {
  switch (filter.kind) {
    case 'and':
      return and(filter.operands.map((operand) => evaluate(operand, record)));
    case 'or':
      return or(filter.operands.map((operand) => evaluate(operand, record)));
    case 'not':
      return not(evaluate(filter.operand, record));
    case 'compare':
      return compare(filter.field, filter.operator, filter.value, record);
    case 'in': {
      const found = or(filter.values.map((value) => compare(filter.field, '=', value, record)));
      return filter.negated ? not(found) : found;
    }
    case 'between': {
      const inside = and([
        compare(filter.field, '>=', filter.low, record),
        compare(filter.field, '<=', filter.high, record),
      ]);
      return filter.negated ? not(inside) : inside;
    }
    case 'startsWith': {
      const value = fieldValue(filter.field, record);
      const starts = typeof value === 'string' ? value.startsWith(filter.prefix) : null;
      return filter.negated ? not(starts) : starts;
    }
    case 'isNull': {
      const isNull = fieldValue(filter.field, record) === null;
      return filter.negated ? !isNull : isNull;
    }
  }
}

function and(values: readonly Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function or(values: readonly Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function not(value: Truth): Truth {
  return value === null ? null : !value;
}

/**
 * A field's value as the SQL sees it: system texts, a time in epoch milliseconds, or a custom attribute in its
 * JSON form (a `Date` becomes its ISO text, an invalid one `null`; `undefined` becomes `null`).
 */
function fieldValue(field: VisibilityField, record: VisibilityRecord): unknown {
  if (field.kind === 'custom') return toJsonValue(record.searchAttributes[field.name]);
  switch (field.name) {
    case 'WorkflowId':
      return record.workflowId;
    case 'RunId':
      return record.runId;
    case 'WorkflowType':
      return record.workflowType;
    case 'TaskQueue':
      return record.taskQueue;
    case 'ExecutionStatus':
      return record.status;
    case 'StartTime':
      return record.startTime.getTime();
    case 'CloseTime':
      return record.closeTime?.getTime() ?? null;
  }
}

function toJsonValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (Array.isArray(value)) return value.map(toJsonValue);
  return value;
}

function compare(
  field: VisibilityField,
  operator: VisibilityComparisonOperator,
  literal: VisibilityValue,
  record: VisibilityRecord,
): Truth {
  const value = fieldValue(field, record);
  switch (literal.kind) {
    case 'time':
      if (field.kind === 'custom') {
        const isTime = typeof value === 'string' && isCanonicalIsoTime(value);
        return isTime ? holds(operator, compareText(value, literal.value.toISOString())) : null;
      }
      return typeof value === 'number' ? holds(operator, Math.sign(value - literal.value.getTime())) : null;
    case 'number':
      return typeof value === 'number' ? holds(operator, Math.sign(value - literal.value)) : null;
    case 'boolean':
      return typeof value === 'boolean' ? holds(operator, Number(value) - Number(literal.value)) : null;
    case 'string':
      if (typeof value === 'string') {
        const against = literal.isoTime !== undefined && isCanonicalIsoTime(value) ? literal.isoTime : literal.value;
        return holds(operator, compareText(value, against));
      }
      if (Array.isArray(value) && (operator === '=' || operator === '!=')) {
        const contains = value.includes(literal.value);
        return operator === '=' ? contains : !contains;
      }
      return null;
  }
}

/** Whether `operator` holds for two values whose ordering is `order` (negative, zero or positive). */
function holds(operator: VisibilityComparisonOperator, order: number): boolean {
  switch (operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
  }
}
