import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { matchesVisibilityQuery } from './visibility-query.matcher';
import { parseVisibilityQuery } from './visibility-query.parser';
import { sortVisibilityRecords } from './visibility-query.sorter';
import { visibilityQueryToSql } from './visibility-query.sql';
import { WORKFLOW_EXECUTION_STATUS_NAMES, type VisibilityRecord } from './visibility-record.types';

/** A small deterministic generator, so a failure reproduces. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function buildRecords(): VisibilityRecord[] {
  const random = generator(7);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const base = Date.parse('2024-05-01T00:00:00Z');
  const customers = ['c-1', 'c-2', 'C-3', 'c-10', 'ä-umlaut', 'emoji-\u{1f600}', "o'hara", 'back\\slash', ''];
  const tags = [[], ['vip'], ['vip', 'eu'], ['eu'], ['us', 'beta'], ['beta']];
  const labels = ['2024-05-03', '2024-05-03T00:00:00.000Z', 'alpha', 'Beta', 'zeta'];
  const records: VisibilityRecord[] = [];
  for (let i = 0; i < 50; i++) {
    const status = WORKFLOW_EXECUTION_STATUS_NAMES[i % WORKFLOW_EXECUTION_STATUS_NAMES.length];
    // Start times repeat every 7 runs so ordering ties are broken by RunId.
    const startTime = new Date(base + (i % 23) * 3_600_000 + (i % 3) * 1);
    const closeTime =
      status === 'Running' ? undefined : new Date(startTime.getTime() + Math.floor(random() * 48) * 1_800_000);
    const searchAttributes: Record<string, unknown> = {};
    if (random() < 0.85) searchAttributes.CustomerId = pick(customers);
    if (random() < 0.8) searchAttributes.Amount = pick([0, 1, 5, 10, 10.5, 99.99, 100, -3, 1e21, 0.1]);
    if (random() < 0.1) searchAttributes.Amount = '100';
    if (random() < 0.7) searchAttributes.Vip = random() < 0.5;
    if (random() < 0.7) searchAttributes.Due = new Date(base + Math.floor(random() * 10) * 86_400_000);
    if (random() < 0.75) searchAttributes.Tags = pick(tags);
    if (random() < 0.5) searchAttributes.Label = pick(labels);
    if (random() < 0.1) searchAttributes.Nullable = null;
    records.push({
      workflowId: `wf-${pick(['order', 'invoice', 'Order'])}-${i}`,
      runId: `run-${String(1000 - i * 7).padStart(4, '0')}`,
      workflowType: pick(['processOrder', 'sendInvoice', 'refund']),
      status,
      startTime,
      closeTime,
      taskQueue: pick(['orders', 'billing']),
      searchAttributes,
    });
  }
  return records;
}

const RECORDS = buildRecords();

/** Filters that must select nothing: lists have no order, and a NULL attribute compares as unknown. */
const SELECT_NOTHING = [
  "Tags > 'a'",
  'Nullable IS NOT NULL',
  "Nullable != 'x'",
  "NOT (Vip = true OR Missing = 'x') AND Vip IS NOT NULL",
];

const QUERIES = [
  '',
  'ORDER BY StartTime ASC',
  'ORDER BY CloseTime DESC',
  'ORDER BY CloseTime ASC, StartTime DESC',
  "WorkflowType = 'processOrder'",
  "WorkflowType != 'processOrder' ORDER BY CloseTime",
  "WorkflowId STARTS_WITH 'wf-order' ORDER BY StartTime",
  "WorkflowId NOT STARTS_WITH 'wf-o'",
  "WorkflowId > 'wf-Order' AND WorkflowId <= 'wf-order-3'",
  "RunId BETWEEN 'run-0800' AND 'run-0900'",
  "TaskQueue IN ('billing') AND ExecutionStatus = 'Completed'",
  "ExecutionStatus IN ('running', 'Failed', 'TimedOut')",
  "ExecutionStatus NOT IN ('Running')",
  "StartTime >= '2024-05-01T05:00:00Z' AND StartTime < '2024-05-01T12:00:00.001Z'",
  "ExecutionTime BETWEEN '2024-05-01T03:00:00+02:00' AND '2024-05-01T10:00:00Z'",
  'CloseTime IS NULL',
  "CloseTime IS NOT NULL AND CloseTime > '2024-05-02'",
  "NOT CloseTime > '2024-05-02'",
  `CloseTime IN ('2024-05-01T00:00:00Z', '${RECORDS[1].closeTime?.toISOString()}', '${RECORDS[2].closeTime?.toISOString()}')`,
  'StartTime > 1714561200000000000',
  "CustomerId = 'c-1' OR CustomerId = 'C-3'",
  "CustomerId != 'c-1'",
  "CustomerId < 'c-2' ORDER BY CloseTime DESC",
  "CustomerId >= 'c' AND CustomerId < '\u{1f600}'",
  "CustomerId STARTS_WITH 'c-1'",
  "CustomerId IN ('o''hara', 'back\\\\slash', '')",
  "CustomerId NOT IN ('c-1', 'c-2')",
  'CustomerId IS NULL OR Amount IS NULL',
  'Amount > 10',
  'Amount <= 10.5 AND Amount != 0',
  'Amount BETWEEN -5 AND 5.5',
  'Amount NOT BETWEEN 1 AND 100',
  'Amount IN (0.1, 1e21)'.replace('1e21', '1000000000000000000000'),
  "Amount = '100'",
  'Vip = true',
  'Vip != true',
  'NOT Vip = false',
  "Due >= '2024-05-05'",
  "Due = '2024-05-03T02:00:00+02:00' OR Due < '2024-05-02T00:00:00.000Z'",
  "Due BETWEEN '2024-05-02' AND '2024-05-06' ORDER BY StartTime",
  "Tags = 'vip'",
  "Tags != 'vip'",
  "Tags IN ('eu', 'beta')",
  "Tags NOT IN ('eu', 'beta')",
  "Tags > 'a'",
  'Tags IS NULL',
  "Label = '2024-05-03'",
  "Label > '2024-05-02'",
  "Label < 'alpha'",
  'Nullable IS NULL AND Label IS NOT NULL',
  ...SELECT_NOTHING,
  "NOT (Vip = true OR CustomerId = 'c-1')",
  "(WorkflowType = 'refund' OR Amount > 50) AND NOT (ExecutionStatus = 'Failed' OR Tags = 'beta')",
  "WorkflowType = 'refund' OR Amount > 50 AND Vip = true",
];

describe('visibilityQueryToSql against PostgreSQL', () => {
  const name = `vis_${randomBytes(6).toString('hex')}`;
  const records = RECORDS;
  let admin: Client;
  let client: Client;

  beforeAll(async () => {
    const adminUrl = process.env.CADREFLOW_TEST_ADMIN_URL;
    if (!adminUrl) throw new Error('CADREFLOW_TEST_ADMIN_URL is not set; run this through jest');
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    // A linguistic default collation, as production databases often have, proves text comparisons do not depend on it.
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    client = new Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`
      CREATE TABLE executions (
        workflow_id text NOT NULL,
        run_id text PRIMARY KEY,
        workflow_type text NOT NULL,
        status text NOT NULL,
        start_time timestamptz NOT NULL,
        close_time timestamptz,
        task_queue text NOT NULL,
        search_attributes jsonb NOT NULL
      )`);
    for (const r of records) {
      await client.query('INSERT INTO executions VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)', [
        r.workflowId,
        r.runId,
        r.workflowType,
        r.status,
        r.startTime.toISOString(),
        r.closeTime?.toISOString() ?? null,
        r.taskQueue,
        JSON.stringify(r.searchAttributes),
      ]);
    }
  });

  afterAll(async () => {
    await client?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
  });

  async function selectRunIds(query: string): Promise<string[]> {
    const { where, orderBy, params } = visibilityQueryToSql(parseVisibilityQuery(query), {
      columns: {
        workflowId: 'e.workflow_id',
        runId: 'e.run_id',
        workflowType: 'e.workflow_type',
        status: 'e.status',
        startTime: 'e.start_time',
        closeTime: 'e.close_time',
        taskQueue: 'e.task_queue',
      },
      searchAttributesColumn: 'e.search_attributes',
      firstParam: 2,
    });
    const result = await client.query<{ run_id: string }>(
      `SELECT e.run_id FROM executions e WHERE e.task_queue <> $1 AND ${where} ORDER BY ${orderBy}`,
      ['no-such-queue', ...params],
    );
    return result.rows.map((row) => row.run_id);
  }

  function expectedRunIds(query: string): string[] {
    const parsed = parseVisibilityQuery(query);
    const matching = records.filter((r) => matchesVisibilityQuery(parsed, r));
    return sortVisibilityRecords(parsed, matching).map((r) => r.runId);
  }

  it.each(QUERIES)('returns what the in-memory matcher returns for %j', async (query) => {
    expect(await selectRunIds(query)).toEqual(expectedRunIds(query));
  });

  it('uses filters that select neither nothing nor everything, so the comparison means something', () => {
    const filters = QUERIES.filter((q) => !q.startsWith('ORDER') && q !== '' && !SELECT_NOTHING.includes(q));
    const sizes = filters.map((q) => expectedRunIds(q).length);
    const informative = sizes.filter((size) => size > 0 && size < records.length);
    expect(informative.length).toBe(sizes.length);
    expect(SELECT_NOTHING.map(expectedRunIds)).toEqual(SELECT_NOTHING.map(() => []));
  });
});
