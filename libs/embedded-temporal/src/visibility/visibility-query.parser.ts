import { VisibilityQueryError } from './visibility-query.error';
import { tokenizeVisibilityQuery, type VisibilityToken } from './visibility-query.tokenizer';
import type {
  VisibilityComparisonOperator,
  VisibilityField,
  VisibilityFilter,
  VisibilityOrder,
  VisibilityQuery,
  VisibilityValue,
} from './visibility-query.types';
import { WORKFLOW_EXECUTION_STATUS_NAMES, type WorkflowExecutionStatusName } from './visibility-record.types';
import { epochNanosToDate, parseDateTimeText } from './visibility-query.values';

const SYSTEM_FIELDS: Readonly<Record<string, VisibilityField>> = {
  WorkflowId: { kind: 'system', name: 'WorkflowId' },
  RunId: { kind: 'system', name: 'RunId' },
  WorkflowType: { kind: 'system', name: 'WorkflowType' },
  ExecutionStatus: { kind: 'system', name: 'ExecutionStatus' },
  StartTime: { kind: 'system', name: 'StartTime' },
  ExecutionTime: { kind: 'system', name: 'StartTime' },
  CloseTime: { kind: 'system', name: 'CloseTime' },
  TaskQueue: { kind: 'system', name: 'TaskQueue' },
};

const ORDER_FIELDS: Readonly<Record<string, VisibilityOrder['field']>> = {
  StartTime: 'StartTime',
  ExecutionTime: 'StartTime',
  CloseTime: 'CloseTime',
};

const STATUS_BY_LOWER_NAME = new Map<string, WorkflowExecutionStatusName>(
  WORKFLOW_EXECUTION_STATUS_NAMES.map((name) => [name.toLowerCase(), name]),
);

const TIME_HINT = "an RFC 3339 date-time such as '2024-05-01T10:00:00Z' or integer epoch nanoseconds";
const STATUS_HINT = `one of ${WORKFLOW_EXECUTION_STATUS_NAMES.join(', ')}`;

/** The kind of value a field takes, which decides which literals and operators it accepts. */
type FieldKind = 'text' | 'status' | 'time' | 'custom';

function fieldKind(field: VisibilityField): FieldKind {
  if (field.kind === 'custom') return 'custom';
  switch (field.name) {
    case 'ExecutionStatus':
      return 'status';
    case 'StartTime':
    case 'CloseTime':
      return 'time';
    case 'WorkflowId':
    case 'RunId':
    case 'WorkflowType':
    case 'TaskQueue':
      return 'text';
  }
}

/**
 * Parses a ListWorkflowExecutions / CountWorkflowExecutions query: Temporal's SQL-like list filter with an optional
 * `ORDER BY`. An empty or blank query matches everything.
 *
 * Precedence, loosest first: `OR`, `AND`, `NOT`, then predicates; parentheses group. Keywords are
 * case-insensitive, field names are not. `ExecutionStatus` values are matched case-insensitively and normalised to
 * Temporal's names.
 *
 * @example
 * parseVisibilityQuery("WorkflowType = 'processOrder' AND (ExecutionStatus = 'Running' OR CloseTime > '2024-05-01')");
 * @throws VisibilityQueryError with the 0-based position of the offending token
 */
export function parseVisibilityQuery(query: string): VisibilityQuery {
  return new VisibilityQueryParser(query).parse();
}

class VisibilityQueryParser {
  private readonly tokens: VisibilityToken[];
  private index = 0;

  constructor(private readonly query: string) {
    this.tokens = tokenizeVisibilityQuery(query);
  }

  parse(): VisibilityQuery {
    const filter = this.atEnd() || this.isKeyword('ORDER') ? undefined : this.parseOr();
    const orderBy = this.isKeyword('ORDER') ? this.parseOrderBy() : [];
    const trailing = this.peek();
    if (trailing.kind === ')') throw this.error(`unbalanced parenthesis ')'`, trailing);
    if (trailing.kind !== 'end') throw this.unexpected(trailing);
    return filter ? { text: this.query, filter, orderBy } : { text: this.query, orderBy };
  }

  private parseOr(): VisibilityFilter {
    const operands = [this.parseAnd()];
    while (this.acceptKeyword('OR')) operands.push(this.parseAnd());
    return operands.length === 1 ? operands[0] : { kind: 'or', operands };
  }

  private parseAnd(): VisibilityFilter {
    const operands = [this.parseNot()];
    while (this.acceptKeyword('AND')) operands.push(this.parseNot());
    return operands.length === 1 ? operands[0] : { kind: 'and', operands };
  }

  private parseNot(): VisibilityFilter {
    if (this.acceptKeyword('NOT')) return { kind: 'not', operand: this.parseNot() };
    const open = this.peek();
    if (open.kind === '(') {
      this.index++;
      const inner = this.parseOr();
      const close = this.peek();
      if (close.kind === 'end') throw this.error(`unbalanced parenthesis: '(' is never closed`, open);
      if (close.kind !== ')') throw this.unexpected(close, `')'`);
      this.index++;
      return inner;
    }
    return this.parsePredicate();
  }

  private parsePredicate(): VisibilityFilter {
    const fieldToken = this.next();
    if (fieldToken.kind !== 'identifier') throw this.unexpected(fieldToken, 'a field name');
    const fieldName = fieldToken.value;
    const field = SYSTEM_FIELDS[fieldName] ?? { kind: 'custom', name: fieldName };
    const kind = fieldKind(field);
    const operatorToken = this.next();

    if (operatorToken.kind === 'operator') {
      const operator = operatorToken.value as VisibilityComparisonOperator;
      if (kind === 'status' && operator !== '=' && operator !== '!=') {
        throw this.error(`ExecutionStatus supports only =, !=, IN and NOT IN, not '${operator}'`, operatorToken);
      }
      return { kind: 'compare', field, operator, value: this.parseValue(field, fieldName) };
    }
    if (operatorToken.kind === 'keyword') {
      if (operatorToken.value === 'IS') {
        const negated = this.acceptKeyword('NOT');
        this.expectKeyword('NULL');
        return { kind: 'isNull', field, negated };
      }
      const negated = operatorToken.value === 'NOT';
      const keyword = negated ? this.next() : operatorToken;
      if (keyword.kind === 'keyword' && keyword.value === 'IN') return this.parseIn(field, fieldName, negated);
      if (keyword.kind === 'keyword' && keyword.value === 'BETWEEN') {
        if (kind === 'status') throw this.error('ExecutionStatus does not support BETWEEN', keyword);
        const low = this.parseValue(field, fieldName);
        this.expectKeyword('AND');
        return { kind: 'between', field, low, high: this.parseValue(field, fieldName), negated };
      }
      if (keyword.kind === 'keyword' && keyword.value === 'STARTS_WITH') {
        if (kind === 'status' || kind === 'time') {
          throw this.error(`${fieldName} does not support STARTS_WITH`, keyword);
        }
        const prefix = this.next();
        if (prefix.kind !== 'string') throw this.unexpected(prefix, 'a string after STARTS_WITH');
        return { kind: 'startsWith', field, prefix: prefix.value, negated };
      }
      if (negated) throw this.unexpected(keyword, 'IN, BETWEEN or STARTS_WITH after NOT');
    }
    throw this.unexpected(operatorToken, 'an operator');
  }

  private parseIn(field: VisibilityField, fieldName: string, negated: boolean): VisibilityFilter {
    const open = this.next();
    if (open.kind !== '(') throw this.unexpected(open, `'(' after IN`);
    if (this.peek().kind === ')') throw this.error('empty IN list', open);
    const values = [this.parseValue(field, fieldName)];
    for (;;) {
      const token = this.next();
      if (token.kind === ')') break;
      if (token.kind === 'end') throw this.error(`unbalanced parenthesis: '(' is never closed`, open);
      if (token.kind !== ',') throw this.unexpected(token, `',' or ')'`);
      values.push(this.parseValue(field, fieldName));
    }
    return { kind: 'in', field, values, negated };
  }

  /** Reads a literal and checks it against the field, turning time and status texts into their typed form. */
  private parseValue(field: VisibilityField, fieldName: string): VisibilityValue {
    const token = this.next();
    const kind = fieldKind(field);
    switch (token.kind) {
      case 'string':
        if (kind === 'time') {
          const time = parseDateTimeText(token.value);
          if (!time) {
            throw this.error(`invalid ${fieldName} value '${token.value}'`, token, TIME_HINT);
          }
          return { kind: 'time', value: time };
        }
        if (kind === 'status') {
          const status = STATUS_BY_LOWER_NAME.get(token.value.toLowerCase());
          if (!status) {
            throw this.error(`unknown ExecutionStatus '${token.value}'`, token, STATUS_HINT);
          }
          return { kind: 'string', value: status };
        }
        if (kind === 'custom') {
          const time = parseDateTimeText(token.value);
          if (time) return { kind: 'string', value: token.value, isoTime: time.toISOString() };
        }
        return { kind: 'string', value: token.value };
      case 'number': {
        if (kind === 'time') {
          const time = /^-?\d+$/.test(token.value) ? epochNanosToDate(token.value) : undefined;
          if (!time) {
            throw this.error(`invalid ${fieldName} value ${token.source}`, token, TIME_HINT);
          }
          return { kind: 'time', value: time };
        }
        if (kind !== 'custom') throw this.error(`invalid ${fieldName} value ${token.source}`, token, 'a string');
        const value = Number(token.value);
        if (!Number.isFinite(value)) throw this.error(`number out of range: ${token.source}`, token);
        return { kind: 'number', value };
      }
      case 'keyword':
        if (token.value === 'TRUE' || token.value === 'FALSE') {
          if (kind !== 'custom') throw this.error(`invalid ${fieldName} value ${token.source}`, token, 'a string');
          return { kind: 'boolean', value: token.value === 'TRUE' };
        }
        throw this.unexpected(token, 'a value');
      default:
        throw this.unexpected(token, 'a value');
    }
  }

  private parseOrderBy(): VisibilityOrder[] {
    this.expectKeyword('ORDER');
    this.expectKeyword('BY');
    const orders: VisibilityOrder[] = [];
    do {
      const token = this.next();
      if (token.kind !== 'identifier') throw this.unexpected(token, 'StartTime or CloseTime after ORDER BY');
      const field = ORDER_FIELDS[token.value];
      if (!field) throw this.error(`cannot order by '${token.value}'`, token, 'StartTime or CloseTime');
      const descending = this.acceptKeyword('DESC');
      if (!descending) this.acceptKeyword('ASC');
      orders.push({ field, direction: descending ? 'DESC' : 'ASC' });
    } while (this.accept(','));
    return orders;
  }

  private peek(): VisibilityToken {
    return this.tokens[this.index];
  }

  private next(): VisibilityToken {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  private isKeyword(keyword: string): boolean {
    const token = this.peek();
    return token.kind === 'keyword' && token.value === keyword;
  }

  private acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.index++;
    return true;
  }

  private accept(kind: VisibilityToken['kind']): boolean {
    if (this.peek().kind !== kind) return false;
    this.index++;
    return true;
  }

  private expectKeyword(keyword: string): void {
    const token = this.next();
    if (token.kind !== 'keyword' || token.value !== keyword) throw this.unexpected(token, keyword);
  }

  private unexpected(token: VisibilityToken, expected?: string): VisibilityQueryError {
    const found = token.kind === 'end' ? 'end of query' : `token '${token.source}'`;
    return this.error(`unexpected ${found}`, token, expected);
  }

  private error(detail: string, token: VisibilityToken, expected?: string): VisibilityQueryError {
    return new VisibilityQueryError(detail, this.query, token.position, expected);
  }
}
