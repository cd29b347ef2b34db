import { effectiveVisibilityOrder } from './visibility-query.sorter';
import type {
  VisibilityComparisonOperator,
  VisibilityField,
  VisibilityFilter,
  VisibilityQuery,
  VisibilitySystemFieldName,
  VisibilityValue,
} from './visibility-query.types';
import { CANONICAL_ISO_TIME_PATTERN } from './visibility-query.values';

/**
 * Where the visibility table keeps each field. Column names are SQL written by the caller (they may be qualified,
 * `v.run_id`) and are inserted as they are; query values never are.
 */
export interface VisibilitySqlColumns {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** A text column holding a {@link WorkflowExecutionStatusName}. */
  status: string;
  /** `timestamptz`. */
  startTime: string;
  /** `timestamptz`, `NULL` while the workflow runs. */
  closeTime: string;
  taskQueue: string;
}

/** How to compile a query for one table. */
export interface VisibilitySqlOptions {
  columns: VisibilitySqlColumns;
  /** A jsonb column holding the decoded search attributes (Datetime values as `toISOString()` text). */
  searchAttributesColumn: string;
  /** The number of the first bind parameter (`$n`) to use, so the fragment fits into a larger statement. */
  firstParam: number;
}

/** SQL fragments for `WHERE` and `ORDER BY` (without those keywords) and the values of their parameters. */
export interface VisibilitySql {
  where: string;
  orderBy: string;
  params: unknown[];
}

/**
 * Compiles a parsed query to PostgreSQL, for the store that keeps visibility records in a table. The result selects
 * and orders exactly what {@link matchesVisibilityQuery} and {@link sortVisibilityRecords} would in memory. Every
 * value, including custom attribute names, travels as a bind parameter.
 *
 * @example
 * const { where, orderBy, params } = visibilityQueryToSql(parseVisibilityQuery("Amount > 100"), {
 *   columns: { workflowId: 'workflow_id', runId: 'run_id', workflowType: 'workflow_type', status: 'status',
 *              startTime: 'start_time', closeTime: 'close_time', taskQueue: 'task_queue' },
 *   searchAttributesColumn: 'search_attributes',
 *   firstParam: 2,
 * });
 * await pool.query(`SELECT * FROM executions WHERE namespace = $1 AND ${where} ORDER BY ${orderBy}`,
 *   ['default', ...params]);
 */
export function visibilityQueryToSql(query: VisibilityQuery, options: VisibilitySqlOptions): VisibilitySql {
  const compiler = new VisibilitySqlCompiler(options);
  const where = query.filter === undefined ? 'TRUE' : compiler.filter(query.filter);
  const keys = effectiveVisibilityOrder(query).map((order) => {
    const column = order.field === 'StartTime' ? options.columns.startTime : options.columns.closeTime;
    return `${column} ${order.direction} NULLS LAST`;
  });
  const orderBy = [...keys, `${options.columns.runId} COLLATE "C" ASC`].join(', ');
  return { where, orderBy, params: compiler.params };
}

class VisibilitySqlCompiler {
  readonly params: unknown[] = [];

  constructor(private readonly options: VisibilitySqlOptions) {}

  filter(filter: VisibilityFilter): string {
    switch (filter.kind) {
      case 'and':
        return `(${filter.operands.map((operand) => this.filter(operand)).join(' AND ')})`;
      case 'or':
        return `(${filter.operands.map((operand) => this.filter(operand)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.filter(filter.operand)})`;
      case 'compare':
        return this.compare(filter.field, filter.operator, filter.value);
      case 'in':
        return negate(filter.negated, this.in(filter.field, filter.values));
      case 'between':
        return negate(
          filter.negated,
          `(${this.compare(filter.field, '>=', filter.low)} AND ${this.compare(filter.field, '<=', filter.high)})`,
        );
      case 'startsWith':
        return negate(filter.negated, this.startsWith(filter.field, filter.prefix));
      case 'isNull':
        return this.isNull(filter.field, filter.negated);
    }
  }

  private compare(field: VisibilityField, operator: VisibilityComparisonOperator, value: VisibilityValue): string {
    if (field.kind === 'custom') return this.compareCustom(field.name, operator, value);
    const column = this.column(field.name);
    if (value.kind === 'time') return `(${column} ${operator} ${this.bind(value.value.toISOString(), 'timestamptz')})`;
    return `(${column} COLLATE "C" ${operator} ${this.bind(String(value.value), 'text')})`;
  }

  private compareCustom(name: string, operator: VisibilityComparisonOperator, value: VisibilityValue): string {
    const { json, text } = this.attribute(name);
    switch (value.kind) {
      case 'number':
        return `((CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${text})::numeric END) ${operator} ${this.bind(String(value.value), 'numeric')})`;
      case 'boolean':
        return `((CASE WHEN jsonb_typeof(${json}) = 'boolean' THEN (${text})::boolean END) ${operator} ${this.bind(value.value, 'boolean')})`;
      case 'time':
        return `(CASE WHEN jsonb_typeof(${json}) = 'string' AND (${text}) ~ '${CANONICAL_ISO_TIME_PATTERN}' THEN (${text}) COLLATE "C" ${operator} ${this.bind(value.value.toISOString(), 'text')} END)`;
      case 'string': {
        const raw = this.bind(value.value, 'text');
        const against =
          value.isoTime === undefined
            ? raw
            : `(CASE WHEN (${text}) ~ '${CANONICAL_ISO_TIME_PATTERN}' THEN ${this.bind(value.isoTime, 'text')} ELSE ${raw} END)`;
        const asText = `(${text}) COLLATE "C" ${operator} ${against}`;
        if (operator !== '=' && operator !== '!=') {
          return `(CASE WHEN jsonb_typeof(${json}) = 'string' THEN ${asText} END)`;
        }
        const contains = `(${json}) ? ${raw}`;
        const asList = operator === '=' ? contains : `NOT (${contains})`;
        return `(CASE jsonb_typeof(${json}) WHEN 'string' THEN ${asText} WHEN 'array' THEN ${asList} END)`;
      }
    }
  }

  private in(field: VisibilityField, values: readonly VisibilityValue[]): string {
    if (field.kind === 'custom') {
      return `(${values.map((value) => this.compareCustom(field.name, '=', value)).join(' OR ')})`;
    }
    const column = this.column(field.name);
    const times = values.flatMap((value) => (value.kind === 'time' ? [value.value.toISOString()] : []));
    if (times.length === values.length) return `(${column} = ANY(${this.bind(times, 'timestamptz[]')}))`;
    return `(${column} = ANY(${this.bind(
      values.map((value) => String(value.value)),
      'text[]',
    )}))`;
  }

  private startsWith(field: VisibilityField, prefix: string): string {
    if (field.kind === 'system') return `starts_with(${this.column(field.name)}, ${this.bind(prefix, 'text')})`;
    const { json, text } = this.attribute(field.name);
    return `(CASE WHEN jsonb_typeof(${json}) = 'string' THEN starts_with(${text}, ${this.bind(prefix, 'text')}) END)`;
  }

  private isNull(field: VisibilityField, negated: boolean): string {
    if (field.kind === 'system') return `(${this.column(field.name)} IS ${negated ? 'NOT ' : ''}NULL)`;
    const { json } = this.attribute(field.name);
    return `(COALESCE(jsonb_typeof(${json}), 'null') ${negated ? '<>' : '='} 'null')`;
  }

  /** The jsonb value and its text of a custom attribute, with the attribute name bound as a parameter. */
  private attribute(name: string): { json: string; text: string } {
    const key = this.bind(name, 'text');
    const column = this.options.searchAttributesColumn;
    return { json: `${column} -> ${key}`, text: `${column} ->> ${key}` };
  }

  private column(name: VisibilitySystemFieldName): string {
    const { columns } = this.options;
    switch (name) {
      case 'WorkflowId':
        return columns.workflowId;
      case 'RunId':
        return columns.runId;
      case 'WorkflowType':
        return columns.workflowType;
      case 'ExecutionStatus':
        return columns.status;
      case 'StartTime':
        return columns.startTime;
      case 'CloseTime':
        return columns.closeTime;
      case 'TaskQueue':
        return columns.taskQueue;
    }
  }

  private bind(value: unknown, type: string): string {
    this.params.push(value);
    return `$${this.options.firstParam + this.params.length - 1}::${type}`;
  }
}

function negate(negated: boolean, sql: string): string {
  return negated ? `(NOT ${sql})` : sql;
}
