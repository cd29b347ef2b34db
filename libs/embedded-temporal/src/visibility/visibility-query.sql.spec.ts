import { parseVisibilityQuery } from './visibility-query.parser';
import { visibilityQueryToSql, type VisibilitySqlOptions } from './visibility-query.sql';

const options: VisibilitySqlOptions = {
  columns: {
    workflowId: 'v.workflow_id',
    runId: 'v.run_id',
    workflowType: 'v.workflow_type',
    status: 'v.status',
    startTime: 'v.start_time',
    closeTime: 'v.close_time',
    taskQueue: 'v.task_queue',
  },
  searchAttributesColumn: 'v.search_attributes',
  firstParam: 3,
};

const compile = (query: string) => visibilityQueryToSql(parseVisibilityQuery(query), options);

describe('visibilityQueryToSql', () => {
  it('selects everything, newest first, for an empty query', () => {
    expect(compile('')).toEqual({
      where: 'TRUE',
      orderBy: 'v.start_time DESC NULLS LAST, v.run_id COLLATE "C" ASC',
      params: [],
    });
  });

  it('turns ORDER BY keys into columns, missing close times last', () => {
    expect(compile('ORDER BY CloseTime DESC, StartTime').orderBy).toBe(
      'v.close_time DESC NULLS LAST, v.start_time ASC NULLS LAST, v.run_id COLLATE "C" ASC',
    );
  });

  it('numbers parameters from firstParam', () => {
    const { where, params } = compile("WorkflowId = 'a' AND TaskQueue = 'q'");
    expect(where).toBe('((v.workflow_id COLLATE "C" = $3::text) AND (v.task_queue COLLATE "C" = $4::text))');
    expect(params).toEqual(['a', 'q']);
  });

  it('binds times as ISO texts cast to timestamptz', () => {
    const { where, params } = compile("CloseTime >= '2024-05-01T12:00:00+02:00'");
    expect(where).toBe('(v.close_time >= $3::timestamptz)');
    expect(params).toEqual(['2024-05-01T10:00:00.000Z']);
  });

  it('binds IN lists of system fields as one array parameter', () => {
    const { where, params } = compile("ExecutionStatus NOT IN ('running', 'Failed')");
    expect(where).toBe('(NOT (v.status = ANY($3::text[])))');
    expect(params).toEqual([['Running', 'Failed']]);
  });

  it('reads custom attributes from the jsonb column, binding their names too', () => {
    const { where, params } = compile('Amount > 10');
    expect(where).toBe(
      "((CASE WHEN jsonb_typeof(v.search_attributes -> $3::text) = 'number' THEN (v.search_attributes ->> $3::text)::numeric END) > $4::numeric)",
    );
    expect(params).toEqual(['Amount', '10']);
  });

  it.each([
    "`x'); DROP TABLE v; --` = 'y'",
    "WorkflowId = 'x''); DROP TABLE v; --'",
    "Name STARTS_WITH '%_x''); --'",
    "Tags IN ('a''b', 'c\"d')",
  ])('never puts a query value into the SQL text: %s', (query) => {
    const { where } = compile(query);
    expect(where).not.toMatch(/DROP|a'b|c"d|%_/);
  });
});
