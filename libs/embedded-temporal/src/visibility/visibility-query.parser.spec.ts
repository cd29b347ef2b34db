import { VisibilityQueryError } from './visibility-query.error';
import { parseVisibilityQuery } from './visibility-query.parser';
import type { VisibilityFilter } from './visibility-query.types';

const filterOf = (query: string): VisibilityFilter | undefined => parseVisibilityQuery(query).filter;

function parseError(query: string): VisibilityQueryError {
  try {
    parseVisibilityQuery(query);
  } catch (error) {
    if (error instanceof VisibilityQueryError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to be rejected`);
}

describe('parseVisibilityQuery', () => {
  describe('empty queries', () => {
    it.each(['', '   ', '\n\t'])('reads %j as "everything, newest first"', (query) => {
      expect(parseVisibilityQuery(query)).toEqual({ text: query, orderBy: [] });
    });

    it('accepts an ORDER BY without a filter', () => {
      expect(parseVisibilityQuery('order by CloseTime desc')).toEqual({
        text: 'order by CloseTime desc',
        orderBy: [{ field: 'CloseTime', direction: 'DESC' }],
      });
    });
  });

  describe('precedence', () => {
    it('binds AND tighter than OR', () => {
      expect(filterOf("A = 'a' OR B = 'b' AND C = 'c'")).toEqual({
        kind: 'or',
        operands: [
          {
            kind: 'compare',
            field: { kind: 'custom', name: 'A' },
            operator: '=',
            value: { kind: 'string', value: 'a' },
          },
          {
            kind: 'and',
            operands: [
              {
                kind: 'compare',
                field: { kind: 'custom', name: 'B' },
                operator: '=',
                value: { kind: 'string', value: 'b' },
              },
              {
                kind: 'compare',
                field: { kind: 'custom', name: 'C' },
                operator: '=',
                value: { kind: 'string', value: 'c' },
              },
            ],
          },
        ],
      });
    });

    it('lets parentheses override precedence', () => {
      const filter = filterOf("(A = 'a' OR B = 'b') AND C = 'c'");
      expect(filter?.kind).toBe('and');
      expect(filter?.kind === 'and' && filter.operands.map((operand) => operand.kind)).toEqual(['or', 'compare']);
    });

    it('flattens chains of the same connective', () => {
      const filter = filterOf('A = 1 and B = 2 AND C = 3 And D = 4');
      expect(filter?.kind === 'and' && filter.operands).toHaveLength(4);
    });

    it('binds NOT tighter than AND', () => {
      expect(filterOf('NOT A = 1 AND B = 2')).toMatchObject({
        kind: 'and',
        operands: [{ kind: 'not', operand: { kind: 'compare' } }, { kind: 'compare' }],
      });
    });

    it('accepts nested parentheses', () => {
      expect(filterOf('((((A = 1))))')).toMatchObject({ kind: 'compare', operator: '=' });
    });
  });

  describe('fields', () => {
    it.each([
      ['WorkflowId', 'WorkflowId'],
      ['RunId', 'RunId'],
      ['WorkflowType', 'WorkflowType'],
      ['TaskQueue', 'TaskQueue'],
    ])('reads %s as a system text field', (name, expected) => {
      expect(filterOf(`${name} = 'x'`)).toMatchObject({ field: { kind: 'system', name: expected } });
    });

    it('reads ExecutionTime as StartTime', () => {
      expect(filterOf("ExecutionTime > '2024-01-01'")).toMatchObject({ field: { kind: 'system', name: 'StartTime' } });
    });

    it('reads any other identifier, or a backquoted name, as a custom search attribute', () => {
      expect(filterOf("CustomerId = 'c'")).toMatchObject({ field: { kind: 'custom', name: 'CustomerId' } });
      expect(filterOf("`Order Id` = 'c'")).toMatchObject({ field: { kind: 'custom', name: 'Order Id' } });
      expect(filterOf("`order` = 'c'")).toMatchObject({ field: { kind: 'custom', name: 'order' } });
    });

    it('matches system field names case-sensitively, like Temporal', () => {
      expect(filterOf("workflowid = 'x'")).toMatchObject({ field: { kind: 'custom', name: 'workflowid' } });
    });
  });

  describe('operators', () => {
    it.each(['=', '!=', '<', '<=', '>', '>='])('reads %s', (operator) => {
      expect(filterOf(`Amount ${operator} 5`)).toMatchObject({ kind: 'compare', operator });
    });

    it('reads <> as !=', () => {
      expect(filterOf('Amount <> 5')).toMatchObject({ kind: 'compare', operator: '!=' });
    });

    it('needs no spaces around operators', () => {
      expect(filterOf("Amount>=5 AND WorkflowId='a'")).toMatchObject({ kind: 'and' });
      expect(filterOf('Amount=-5')).toMatchObject({ operator: '=', value: { kind: 'number', value: -5 } });
    });

    it('reads IN and NOT IN lists', () => {
      expect(filterOf('Tags IN (\'a\', "b", 3)')).toEqual({
        kind: 'in',
        field: { kind: 'custom', name: 'Tags' },
        values: [
          { kind: 'string', value: 'a' },
          { kind: 'string', value: 'b' },
          { kind: 'number', value: 3 },
        ],
        negated: false,
      });
      expect(filterOf("WorkflowId not in ('a')")).toMatchObject({ kind: 'in', negated: true });
    });

    it('reads STARTS_WITH and NOT STARTS_WITH', () => {
      expect(filterOf("WorkflowId STARTS_WITH 'order-'")).toEqual({
        kind: 'startsWith',
        field: { kind: 'system', name: 'WorkflowId' },
        prefix: 'order-',
        negated: false,
      });
      expect(filterOf("WorkflowId NOT starts_with 'order-'")).toMatchObject({ kind: 'startsWith', negated: true });
    });

    it('reads IS NULL and IS NOT NULL', () => {
      expect(filterOf('CloseTime IS NULL')).toEqual({
        kind: 'isNull',
        field: { kind: 'system', name: 'CloseTime' },
        negated: false,
      });
      expect(filterOf('Amount is not null')).toMatchObject({ kind: 'isNull', negated: true });
    });

    it('reads BETWEEN and NOT BETWEEN, whose AND does not end the predicate', () => {
      expect(filterOf('Amount BETWEEN 1 AND 10 AND Priority = 2')).toEqual({
        kind: 'and',
        operands: [
          {
            kind: 'between',
            field: { kind: 'custom', name: 'Amount' },
            low: { kind: 'number', value: 1 },
            high: { kind: 'number', value: 10 },
            negated: false,
          },
          {
            kind: 'compare',
            field: { kind: 'custom', name: 'Priority' },
            operator: '=',
            value: { kind: 'number', value: 2 },
          },
        ],
      });
      expect(filterOf('Amount NOT BETWEEN 1 AND 10')).toMatchObject({ kind: 'between', negated: true });
    });
  });

  describe('literals', () => {
    it.each([
      ["'plain'", 'plain'],
      ['"double"', 'double'],
      ["'it''s'", "it's"],
      ["'it\\'s'", "it's"],
      ['"say ""hi"""', 'say "hi"'],
      ["'back\\\\slash'", 'back\\slash'],
      ["''", ''],
      ["'AND OR ( )'", 'AND OR ( )'],
    ])('reads the string %s', (literal, value) => {
      expect(filterOf(`Name = ${literal}`)).toMatchObject({ value: { kind: 'string', value } });
    });

    it.each([
      ['42', 42],
      ['-7', -7],
      ['+3', 3],
      ['3.25', 3.25],
      ['0.5', 0.5],
    ])('reads the number %s', (literal, value) => {
      expect(filterOf(`Amount = ${literal}`)).toMatchObject({ value: { kind: 'number', value } });
    });

    it('reads true and false in any case', () => {
      expect(filterOf('Vip = TRUE')).toMatchObject({ value: { kind: 'boolean', value: true } });
      expect(filterOf('Vip = false')).toMatchObject({ value: { kind: 'boolean', value: false } });
    });

    it('marks a custom string that is a date-time with its canonical time', () => {
      expect(filterOf("Due > '2024-05-01T12:00:00+02:00'")).toMatchObject({
        value: { kind: 'string', value: '2024-05-01T12:00:00+02:00', isoTime: '2024-05-01T10:00:00.000Z' },
      });
      expect(filterOf("Due > 'soon'")).toEqual(expect.objectContaining({ value: { kind: 'string', value: 'soon' } }));
    });

    it.each([
      ["'2024-05-01T10:00:00Z'", '2024-05-01T10:00:00.000Z'],
      ["'2024-05-01T10:00:00.123456789Z'", '2024-05-01T10:00:00.123Z'],
      ["'2024-05-01t10:00:00z'", '2024-05-01T10:00:00.000Z'],
      ["'2024-05-01 10:00Z'", '2024-05-01T10:00:00.000Z'],
      ["'2024-05-01T10:00:00-03:30'", '2024-05-01T13:30:00.000Z'],
      ["'2024-05-01'", '2024-05-01T00:00:00.000Z'],
      ["'2024-02-29'", '2024-02-29T00:00:00.000Z'],
      ['1714557600000000000', '2024-05-01T10:00:00.000Z'],
      ['1714557600000999999', '2024-05-01T10:00:00.000Z'],
    ])('reads %s on a time field as %s', (literal, iso) => {
      const filter = filterOf(`StartTime >= ${literal}`);
      expect(filter?.kind === 'compare' && filter.value.kind === 'time' && filter.value.value.toISOString()).toBe(iso);
    });

    it('normalises ExecutionStatus values, whatever their case', () => {
      expect(filterOf("ExecutionStatus = 'continuedasnew'")).toMatchObject({
        value: { kind: 'string', value: 'ContinuedAsNew' },
      });
      expect(filterOf("ExecutionStatus IN ('RUNNING', 'TimedOut')")).toMatchObject({
        values: [
          { kind: 'string', value: 'Running' },
          { kind: 'string', value: 'TimedOut' },
        ],
      });
    });
  });

  describe('ORDER BY', () => {
    it.each([
      ['ORDER BY StartTime', [{ field: 'StartTime', direction: 'ASC' }]],
      ['ORDER BY StartTime ASC', [{ field: 'StartTime', direction: 'ASC' }]],
      ['order by CloseTime desc', [{ field: 'CloseTime', direction: 'DESC' }]],
      ['ORDER BY ExecutionTime DESC', [{ field: 'StartTime', direction: 'DESC' }]],
      [
        'ORDER BY CloseTime DESC, StartTime',
        [
          { field: 'CloseTime', direction: 'DESC' },
          { field: 'StartTime', direction: 'ASC' },
        ],
      ],
    ])('reads %s', (clause, orderBy) => {
      expect(parseVisibilityQuery(`WorkflowType = 't' ${clause}`).orderBy).toEqual(orderBy);
    });
  });

  describe('errors', () => {
    it.each([
      ["WorkflowId = 'a' AND AND", 21, "invalid query: unexpected token 'AND' at 21; expected a field name"],
      ["WorkflowId = 'a' OR", 19, 'invalid query: unexpected end of query at 19; expected a field name'],
      ["(WorkflowId = 'a'", 0, "invalid query: unbalanced parenthesis: '(' is never closed at 0"],
      ["WorkflowId = 'a')", 16, "invalid query: unbalanced parenthesis ')' at 16"],
      ["(WorkflowId = 'a' OR (A = 1)", 0, "invalid query: unbalanced parenthesis: '(' is never closed at 0"],
      ["WorkflowId = 'abc", 13, 'invalid query: unterminated string at 13'],
      ["WorkflowId = 'abc\\'", 13, 'invalid query: unterminated string at 13'],
      ['`Name = 1', 0, 'invalid query: unterminated backquoted name at 0'],
      ['Tags IN ()', 8, 'invalid query: empty IN list at 8'],
      ["Tags IN ('a' 'b')", 13, "invalid query: unexpected token ''b'' at 13; expected ',' or ')'"],
      ["Tags IN ('a'", 8, "invalid query: unbalanced parenthesis: '(' is never closed at 8"],
      ["WorkflowId = 'a' WorkflowType = 'b'", 17, "invalid query: unexpected token 'WorkflowType' at 17"],
      ["WorkflowId = 'a' ORDER BY StartTime ASC x", 40, "invalid query: unexpected token 'x' at 40"],
      ["WorkflowId == 'a'", 12, "invalid query: unexpected token '=' at 12; expected a value"],
      ["WorkflowId LIKE 'a%'", 11, "invalid query: unexpected token 'LIKE' at 11; expected an operator"],
      ["WorkflowId ; 'a'", 11, "invalid query: unexpected character ';' at 11"],
      ["= 'a'", 0, "invalid query: unexpected token '=' at 0; expected a field name"],
      ['Amount = 12abc', 9, "invalid query: malformed number '12a' at 9"],
      ['Amount IS 5', 10, "invalid query: unexpected token '5' at 10; expected NULL"],
      [
        'Amount NOT = 5',
        11,
        "invalid query: unexpected token '=' at 11; expected IN, BETWEEN or STARTS_WITH after NOT",
      ],
      ['Amount BETWEEN 1 OR 2', 17, "invalid query: unexpected token 'OR' at 17; expected AND"],
      ['Name STARTS_WITH 5', 17, "invalid query: unexpected token '5' at 17; expected a string after STARTS_WITH"],
      ['WorkflowId = 5', 13, 'invalid query: invalid WorkflowId value 5 at 13; expected a string'],
      ['TaskQueue = true', 12, 'invalid query: invalid TaskQueue value true at 12; expected a string'],
      [
        "StartTime > 'yesterday'",
        12,
        "invalid query: invalid StartTime value 'yesterday' at 12; expected an RFC 3339 date-time such as '2024-05-01T10:00:00Z' or integer epoch nanoseconds",
      ],
      ["CloseTime < '2024-02-30'", 12, "invalid query: invalid CloseTime value '2024-02-30' at 12"],
      ["CloseTime < '2024-05-01T10:00:00'", 12, "invalid query: invalid CloseTime value '2024-05-01T10:00:00' at 12"],
      ['StartTime < 1.5', 12, 'invalid query: invalid StartTime value 1.5 at 12'],
      ["StartTime STARTS_WITH '2024'", 10, 'invalid query: StartTime does not support STARTS_WITH at 10'],
      [
        "ExecutionStatus = 'Bogus'",
        18,
        "invalid query: unknown ExecutionStatus 'Bogus' at 18; expected one of Running",
      ],
      [
        "ExecutionStatus > 'Running'",
        16,
        "invalid query: ExecutionStatus supports only =, !=, IN and NOT IN, not '>' at 16",
      ],
      ['ORDER BY WorkflowId', 9, "invalid query: cannot order by 'WorkflowId' at 9; expected StartTime or CloseTime"],
      ['ORDER StartTime', 6, "invalid query: unexpected token 'StartTime' at 6; expected BY"],
      ['ORDER BY', 8, 'invalid query: unexpected end of query at 8; expected StartTime or CloseTime after ORDER BY'],
      ['NOT', 3, 'invalid query: unexpected end of query at 3; expected a field name'],
      ['()', 1, "invalid query: unexpected token ')' at 1; expected a field name"],
    ])('rejects %j at %i', (query, position, message) => {
      const error = parseError(query);
      expect(error).toBeInstanceOf(VisibilityQueryError);
      expect(error.position).toBe(position);
      expect(error.query).toBe(query);
      expect(error.message.startsWith(message)).toBe(true);
    });
  });
});
