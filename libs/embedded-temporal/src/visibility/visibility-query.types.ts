/** Built-in fields of a workflow run, named as in Temporal (`ExecutionTime` is parsed as `StartTime`). */
export type VisibilitySystemFieldName =
  'WorkflowId' | 'RunId' | 'WorkflowType' | 'ExecutionStatus' | 'StartTime' | 'CloseTime' | 'TaskQueue';

/** A field a filter reads: a built-in column or a custom search attribute (kept in `searchAttributes`). */
export type VisibilityField =
  | { readonly kind: 'system'; readonly name: VisibilitySystemFieldName }
  | { readonly kind: 'custom'; readonly name: string };

/**
 * A literal after the parser has checked it against its field.
 *
 * - `string`: a text value; for custom attributes `isoTime` is set when the text is also a valid date-time, in its
 *   canonical `toISOString()` form, so Datetime attributes compare as times.
 * - `number`, `boolean`: compared only with attribute values of the same JSON type.
 * - `time`: a value for `StartTime` / `CloseTime` (from an RFC 3339 string or Unix epoch nanoseconds).
 */
export type VisibilityValue =
  | { readonly kind: 'string'; readonly value: string; readonly isoTime?: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'time'; readonly value: Date };

/** Comparison operators; `<>` in a query is read as `!=`. */
export type VisibilityComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * The filter tree. Evaluation uses SQL's three-valued logic: a comparison with a missing value is unknown, `NOT`
 * of unknown stays unknown, and a record matches only when the whole filter is true.
 */
export type VisibilityFilter =
  | { readonly kind: 'and'; readonly operands: readonly VisibilityFilter[] }
  | { readonly kind: 'or'; readonly operands: readonly VisibilityFilter[] }
  | { readonly kind: 'not'; readonly operand: VisibilityFilter }
  | {
      readonly kind: 'compare';
      readonly field: VisibilityField;
      readonly operator: VisibilityComparisonOperator;
      readonly value: VisibilityValue;
    }
  | {
      readonly kind: 'in';
      readonly field: VisibilityField;
      readonly values: readonly VisibilityValue[];
      readonly negated: boolean;
    }
  | {
      readonly kind: 'between';
      readonly field: VisibilityField;
      readonly low: VisibilityValue;
      readonly high: VisibilityValue;
      readonly negated: boolean;
    }
  | { readonly kind: 'startsWith'; readonly field: VisibilityField; readonly prefix: string; readonly negated: boolean }
  | { readonly kind: 'isNull'; readonly field: VisibilityField; readonly negated: boolean };

/** One `ORDER BY` key. Missing close times sort last in either direction. */
export interface VisibilityOrder {
  readonly field: 'StartTime' | 'CloseTime';
  readonly direction: 'ASC' | 'DESC';
}

/**
 * A parsed list filter, ready for {@link matchesVisibilityQuery}, {@link sortVisibilityRecords} and
 * {@link visibilityQueryToSql}.
 *
 * @example
 * parseVisibilityQuery("WorkflowType = 'processOrder' ORDER BY CloseTime")
 * // { text: …, filter: { kind: 'compare', … }, orderBy: [{ field: 'CloseTime', direction: 'ASC' }] }
 */
export interface VisibilityQuery {
  /** The query text as given. */
  readonly text: string;
  /** Absent for an empty filter, which matches every record. */
  readonly filter?: VisibilityFilter;
  /** Empty when the query has no `ORDER BY`: records then sort by `StartTime DESC`. */
  readonly orderBy: readonly VisibilityOrder[];
}
