import { matchesVisibilityQuery } from './visibility-query.matcher';
import { parseVisibilityQuery } from './visibility-query.parser';
import type { VisibilityRecord } from './visibility-record.types';

function record(overrides: Partial<VisibilityRecord> = {}): VisibilityRecord {
  return {
    workflowId: 'order-42',
    runId: 'run-1',
    workflowType: 'processOrder',
    status: 'Completed',
    startTime: new Date('2024-05-01T10:00:00Z'),
    closeTime: new Date('2024-05-01T11:00:00Z'),
    taskQueue: 'orders',
    searchAttributes: {
      CustomerId: 'c-7',
      Amount: 120.5,
      Priority: 2,
      Vip: true,
      Due: new Date('2024-06-01T00:00:00Z'),
      Tags: ['vip', 'eu'],
    },
    ...overrides,
  };
}

const matches = (query: string, r: VisibilityRecord = record()): boolean =>
  matchesVisibilityQuery(parseVisibilityQuery(query), r);

describe('matchesVisibilityQuery', () => {
  it('matches everything with an empty query', () => {
    expect(matches('')).toBe(true);
    expect(matches('ORDER BY CloseTime')).toBe(true);
  });

  describe('system text fields', () => {
    it.each([
      ["WorkflowId = 'order-42'", true],
      ["WorkflowId = 'order-4'", false],
      ["WorkflowId != 'order-4'", true],
      ["RunId = 'run-1'", true],
      ["WorkflowType = 'processOrder'", true],
      ["TaskQueue = 'orders'", true],
      ["WorkflowId > 'order-4'", true],
      ["WorkflowId >= 'order-42'", true],
      ["WorkflowId < 'order-42'", false],
      ["WorkflowId <= 'order-5'", true],
      ["WorkflowId BETWEEN 'order-1' AND 'order-5'", true],
      ["WorkflowId NOT BETWEEN 'order-1' AND 'order-5'", false],
      ["WorkflowId IN ('x', 'order-42')", true],
      ["WorkflowId NOT IN ('x', 'order-42')", false],
      ["WorkflowId STARTS_WITH 'order-'", true],
      ["WorkflowId STARTS_WITH 'Order-'", false],
      ["WorkflowId NOT STARTS_WITH 'order-'", false],
      ['WorkflowId IS NULL', false],
      ['WorkflowId IS NOT NULL', true],
    ])('%s -> %s', (query, expected) => {
      expect(matches(query)).toBe(expected);
    });

    it('orders texts by code point, as PostgreSQL COLLATE "C" does', () => {
      expect(matches("WorkflowId < 'a'", record({ workflowId: 'Z' }))).toBe(true);
      expect(matches("WorkflowId > '\uffff'", record({ workflowId: '\u{1f600}' }))).toBe(true);
    });
  });

  describe('ExecutionStatus', () => {
    it.each([
      ["ExecutionStatus = 'Completed'", true],
      ["ExecutionStatus = 'completed'", true],
      ["ExecutionStatus = 'Running'", false],
      ["ExecutionStatus != 'Running'", true],
      ["ExecutionStatus IN ('Failed', 'Completed')", true],
      ["ExecutionStatus NOT IN ('Failed', 'Completed')", false],
    ])('%s -> %s', (query, expected) => {
      expect(matches(query)).toBe(expected);
    });
  });

  describe('time fields', () => {
    it.each([
      ["StartTime = '2024-05-01T10:00:00Z'", true],
      ["StartTime = '2024-05-01T12:00:00+02:00'", true],
      ["StartTime > '2024-05-01'", true],
      ["StartTime < '2024-05-01T10:00:00.001Z'", true],
      ["StartTime <= '2024-05-01T09:59:59.999Z'", false],
      ["ExecutionTime >= '2024-05-01T10:00:00Z'", true],
      ["CloseTime BETWEEN '2024-05-01T10:30:00Z' AND '2024-05-01T11:00:00Z'", true],
      ["CloseTime IN ('2024-05-01T11:00:00Z', '2024-05-02')", true],
      ['StartTime = 1714557600000000000', true],
      ['StartTime > 1714557599999999999', true],
      ['CloseTime IS NULL', false],
      ['CloseTime IS NOT NULL', true],
    ])('%s -> %s', (query, expected) => {
      expect(matches(query)).toBe(expected);
    });

    it('treats the close time of a running workflow as NULL', () => {
      const running = record({ status: 'Running', closeTime: undefined });
      expect(matches('CloseTime IS NULL', running)).toBe(true);
      expect(matches("CloseTime > '2000-01-01'", running)).toBe(false);
      expect(matches("CloseTime < '2000-01-01'", running)).toBe(false);
      expect(matches("NOT CloseTime < '2000-01-01'", running)).toBe(false);
      expect(matches("CloseTime NOT IN ('2000-01-01')", running)).toBe(false);
    });
  });

  describe('custom attributes', () => {
    it.each([
      ["CustomerId = 'c-7'", true],
      ["CustomerId != 'c-8'", true],
      ["CustomerId STARTS_WITH 'c-'", true],
      ["CustomerId IN ('c-1', 'c-7')", true],
      ["`CustomerId` = 'c-7'", true],
      ['Amount = 120.5', true],
      ['Amount > 120', true],
      ['Amount >= 120.5', true],
      ['Amount < 120.5', false],
      ['Amount BETWEEN 100 AND 200', true],
      ['Amount IN (1, 120.5)', true],
      ['Priority = 2', true],
      ['Priority = 2.0', true],
      ['Priority != 3', true],
      ['Vip = true', true],
      ['Vip = false', false],
      ['Vip != false', true],
      ["Due = '2024-06-01T00:00:00Z'", true],
      ["Due = '2024-06-01'", true],
      ["Due > '2024-05-31T23:59:59.999Z'", true],
      ["Due < '2024-06-01T02:00:00+01:00'", true],
      ["Due BETWEEN '2024-01-01' AND '2024-12-31'", true],
      ["Tags = 'vip'", true],
      ["Tags = 'us'", false],
      ["Tags != 'us'", true],
      ["Tags != 'vip'", false],
      ["Tags IN ('us', 'eu')", true],
      ["Tags NOT IN ('us', 'eu')", false],
      ["Tags NOT IN ('us', 'asia')", true],
      ['Tags IS NOT NULL', true],
      ['Missing IS NULL', true],
      ['Missing IS NOT NULL', false],
      ['Amount IS NULL', false],
    ])('%s -> %s', (query, expected) => {
      expect(matches(query)).toBe(expected);
    });

    it.each([
      "Missing = 'x'",
      "Missing != 'x'",
      "NOT Missing = 'x'",
      "Missing NOT IN ('x')",
      "Missing NOT STARTS_WITH 'x'",
      'Missing NOT BETWEEN 1 AND 2',
      'NOT (Missing > 1 OR Missing < 1)',
    ])('never matches %s when the attribute is missing (SQL NULL)', (query) => {
      expect(matches(query)).toBe(false);
    });

    it('treats an attribute holding null like a missing one', () => {
      const withNull = record({ searchAttributes: { CustomerId: null } });
      expect(matches('CustomerId IS NULL', withNull)).toBe(true);
      expect(matches("CustomerId != 'x'", withNull)).toBe(false);
    });

    it('compares only values of the literal type', () => {
      expect(matches("Amount = '120.5'")).toBe(false);
      expect(matches("Amount != '120.5'")).toBe(false);
      expect(matches('CustomerId = 7')).toBe(false);
      expect(matches("Vip = 'true'")).toBe(false);
      expect(matches('Due > 0')).toBe(false);
      expect(matches('Tags > 0')).toBe(false);
    });

    it('does not apply ranges or STARTS_WITH to keyword lists', () => {
      expect(matches("Tags > 'a'")).toBe(false);
      expect(matches("Tags STARTS_WITH 'v'")).toBe(false);
      expect(matches("Tags NOT STARTS_WITH 'v'")).toBe(false);
    });

    it('compares a non-date text with a date-looking literal as text', () => {
      const r = record({ searchAttributes: { Label: '2024-06-01' } });
      expect(matches("Label = '2024-06-01'", r)).toBe(true);
      expect(matches("Label = '2024-06-01T00:00:00Z'", r)).toBe(false);
    });

    it('treats a stored canonical ISO text like a Datetime', () => {
      const r = record({ searchAttributes: { Due: '2024-06-01T00:00:00.000Z' } });
      expect(matches("Due = '2024-06-01'", r)).toBe(true);
    });
  });

  describe('logic', () => {
    it.each([
      ["CustomerId = 'c-7' AND Amount > 100", true],
      ["CustomerId = 'c-7' AND Amount > 200", false],
      ["CustomerId = 'x' OR Amount > 100", true],
      ["CustomerId = 'x' OR Amount > 200 AND Vip = true", false],
      ["(CustomerId = 'x' OR Amount > 100) AND Vip = true", true],
      ["CustomerId = 'c-7' OR Amount > 200 AND Vip = false", true],
      ["NOT CustomerId = 'x'", true],
      ['NOT NOT Vip = true', true],
      ["NOT (CustomerId = 'c-7' AND Vip = true)", false],
      ["Missing = 'x' OR Vip = true", true],
      ["Missing = 'x' AND Vip = false", false],
      ["NOT (Missing = 'x' AND Vip = false)", true],
      ["NOT (Missing = 'x' OR Vip = false)", false],
    ])('%s -> %s', (query, expected) => {
      expect(matches(query)).toBe(expected);
    });
  });
});
