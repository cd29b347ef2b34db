import { Client } from 'pg';
import { createEmptyDatabase } from '../../../test/setup/database';
import { copyOut } from '../src/verify/copy-out';

/** The COPY reader against a real PostgreSQL: whole payloads, errors, and the connection left usable. */
describe('copyOut (real PostgreSQL)', () => {
  let drop: () => Promise<void>;
  let client: Client;

  beforeAll(async () => {
    const db = await createEmptyDatabase();
    drop = db.drop;
    client = new Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await drop();
  });

  const lines = async (sql: string): Promise<string[]> => {
    const out: string[] = [];
    await copyOut(client, sql, (buf, start, end) => out.push(buf.toString('utf8', start, end)));
    return out;
  };

  it('hands over each row whole, small ones and ones spread over many network reads', async () => {
    const rows = await lines(
      `COPY (SELECT i, repeat(chr(65 + i % 26), CASE WHEN i % 7 = 0 THEN 300000 + i ELSE i END)
               FROM generate_series(1, 200) i) TO STDOUT`,
    );
    expect(rows).toHaveLength(200);
    rows.forEach((row, k) => {
      const i = k + 1;
      expect(row).toBe(`${i}\t${String.fromCharCode(65 + (i % 26)).repeat(i % 7 === 0 ? 300000 + i : i)}\n`);
    });
    expect((await client.query<{ n: number }>('SELECT 41 + 1 AS n')).rows).toEqual([{ n: 42 }]);
  });

  it('rejects with PostgreSQL’s error and leaves the connection usable', async () => {
    await expect(lines(`COPY (SELECT * FROM no_such_table) TO STDOUT`)).rejects.toThrow(/no_such_table/);
    await expect(lines(`COPY (SELECT 1 / (3 - i) FROM generate_series(1, 5) i) TO STDOUT`)).rejects.toThrow(
      /division by zero/,
    );
    expect((await client.query<{ n: number }>('SELECT 42 AS n')).rows).toEqual([{ n: 42 }]);
  });

  it('rejects with the first error of the row handler, after reading the COPY to its end', async () => {
    let calls = 0;
    const copy = copyOut(client, `COPY (SELECT i FROM generate_series(1, 1000) i) TO STDOUT`, () => {
      calls++;
      if (calls === 10) throw new Error('row 10 is bad');
    });
    await expect(copy).rejects.toThrow('row 10 is bad');
    expect(calls).toBe(10);
    expect((await client.query<{ n: number }>('SELECT 42 AS n')).rows).toEqual([{ n: 42 }]);
  });
});
