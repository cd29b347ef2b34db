import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { startFullStack, type FullStack, type HttpClient } from '../support/full-stack';

interface ErrorBody {
  code: string;
  params?: Record<string, unknown>;
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Personnel files by need to know, over HTTP with the whole stack: the Organization Committee and the Inspection
 * Committee read any candidate's file; the deciders of an open step about the person read it while it is open;
 * nobody reads their own or a declared relative's file, and nobody else reads any. Every read is a DossierAccessed
 * event, every refusal an append-only audit row.
 */
describe('dossier access by need to know (real PostgreSQL, embedded Temporal, real worker)', () => {
  let stack: FullStack;
  let db: PgClient;
  let procedureId: string;
  const clients: Record<string, HttpClient> = {};

  const read = (username: string, personId: string) =>
    clients[username].get<ErrorBody & { personId: string }>(
      `/procedures/${encodeURIComponent(procedureId)}/dossiers/${encodeURIComponent(personId)}?purpose=${encodeURIComponent('Xem xét trước hội nghị')}`,
    );
  const dossierEvents = async (): Promise<{ actorId: string; subjectId: string }[]> =>
    (
      await db.query<{ actor_id: string; subject_id: string }>(
        `SELECT metadata->>'actorId' AS actor_id, data->>'subjectId' AS subject_id FROM events
          WHERE type = 'DossierAccessed' ORDER BY position`,
      )
    ).rows.map((r) => ({ actorId: r.actor_id, subjectId: r.subject_id }));

  beforeAll(async () => {
    stack = await startFullStack();
    for (const username of ['tochuc', 'phobithu', 'ubkt', 'kiemphieu', 'bochinhtri', 'bn12']) {
      clients[username] = await stack.as(username);
    }
    db = new PgClient({ connectionString: stack.databaseUrl });
    await db.connect();
    const launched = await clients.tochuc.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), {
      'idempotency-key': randomUUID(),
    });
    expect(launched.status).toBe(201);
    procedureId = launched.body.procedureId;
    await eventually(
      () => clients.phobithu.get<{ items: { procedureId: string }[] }>('/tasks?pageSize=200'),
      (r) => r.body.items.some((t) => t.procedureId === procedureId),
      'the adoption step in the queue',
    );
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('lets the committees and the deciders of the open step read a candidate’s file, recording each read', async () => {
    for (const username of ['tochuc', 'ubkt', 'phobithu']) {
      const answer = await read(username, 'person/bn-40');
      expect({ username, status: answer.status }).toEqual({ username, status: 200 });
      expect(answer.body.personId).toBe('person/bn-40');
    }
    expect(await dossierEvents()).toHaveLength(3);
  });

  it('refuses everyone else, oneself and a relative, with a code, recording each refusal and no read', async () => {
    const before = await dossierEvents();
    const refusals: [string, string, string][] = [
      ['kiemphieu', 'person/bn-40', 'DOSSIER_NEED_TO_KNOW'],
      ['bochinhtri', 'person/bn-40', 'DOSSIER_NEED_TO_KNOW'],
      ['bn12', 'person/bn-40', 'DOSSIER_RELATIVE'],
      ['bn12', 'person/bn-12', 'DOSSIER_SELF'],
    ];
    for (const [username, personId, code] of refusals) {
      const answer = await read(username, personId);
      expect({ username, personId, status: answer.status, code: answer.body.code }).toEqual({
        username,
        personId,
        status: 403,
        code,
      });
      expect(answer.body.params?.personName).toEqual(expect.any(String));
    }
    expect(await dossierEvents()).toEqual(before);
    const rows = await db.query<{ user_id: string; subject_id: string; code: string; purpose: string }>(
      `SELECT user_id, subject_id, code, purpose FROM dossier_access_refusals ORDER BY id`,
    );
    expect(rows.rows.map((r) => [r.user_id.replace('user/', ''), r.subject_id, r.code])).toEqual(refusals);
    expect(rows.rows[0]?.purpose).toBe('Xem xét trước hội nghị');
    await expect(db.query(`DELETE FROM dossier_access_refusals`)).rejects.toThrow(/append-only/);
  });
});
