import { parseVisibilityQuery } from './visibility-query.parser';
import { sortVisibilityRecords } from './visibility-query.sorter';
import type { VisibilityRecord } from './visibility-record.types';

function run(runId: string, start: string, close?: string): VisibilityRecord {
  return {
    workflowId: `wf-${runId}`,
    runId,
    workflowType: 't',
    status: close ? 'Completed' : 'Running',
    startTime: new Date(start),
    closeTime: close ? new Date(close) : undefined,
    taskQueue: 'q',
    searchAttributes: {},
  };
}

const records = [
  run('c', '2024-01-02T00:00:00Z', '2024-01-05T00:00:00Z'),
  run('a', '2024-01-01T00:00:00Z'),
  run('d', '2024-01-03T00:00:00Z', '2024-01-04T00:00:00Z'),
  run('b', '2024-01-02T00:00:00Z'),
  run('e', '2024-01-02T00:00:00Z', '2024-01-04T00:00:00Z'),
];

const order = (query: string): string[] =>
  sortVisibilityRecords(parseVisibilityQuery(query), records).map((r) => r.runId);

describe('sortVisibilityRecords', () => {
  it('sorts by StartTime descending, then RunId, without ORDER BY', () => {
    expect(order('')).toEqual(['d', 'b', 'c', 'e', 'a']);
  });

  it('sorts by StartTime ascending', () => {
    expect(order('ORDER BY StartTime')).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(order('ORDER BY ExecutionTime ASC')).toEqual(['a', 'b', 'c', 'e', 'd']);
  });

  it('puts runs without a close time last in either direction', () => {
    expect(order('ORDER BY CloseTime ASC')).toEqual(['d', 'e', 'c', 'a', 'b']);
    expect(order('ORDER BY CloseTime DESC')).toEqual(['c', 'd', 'e', 'a', 'b']);
  });

  it('applies several keys in turn', () => {
    expect(order('ORDER BY CloseTime DESC, StartTime DESC')).toEqual(['c', 'd', 'e', 'b', 'a']);
  });

  it('returns a new array and leaves the input alone', () => {
    const before = records.map((r) => r.runId);
    const sorted = sortVisibilityRecords(parseVisibilityQuery(''), records);
    expect(sorted).not.toBe(records);
    expect(records.map((r) => r.runId)).toEqual(before);
  });
});
