import { randomUUID } from 'node:crypto';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { startFullStack, type FullStack, type HttpClient } from '../support/full-stack';

interface Entry {
  outcome: 'read' | 'refused';
  at: string;
  code: string | null;
  subjectId: string;
  subjectName: string;
  readerId: string | null;
  readerName: string | null;
  username: string | null;
  role: string | null;
  purpose: string;
  procedureId: string;
  procedureKind: string;
  organisationName: string;
  position: number | null;
}
interface Page {
  items: Entry[];
  total: number;
  page: number;
  pageSize: number;
}
interface ErrorBody {
  code: string;
  field?: string;
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Today in Vietnam (the log's days are counted there), YYYY-MM-DD. */
const vietnamDay = (offsetDays = 0): string =>
  new Date(Date.now() + 7 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The dossier access log over HTTP (real PostgreSQL, embedded Temporal, real worker): reads recorded as
 * DossierAccessed events and refusals recorded as rows, listed together with names and codes for the inspection
 * committee and the Organization Committee only, filtered by person, reader, days and outcome, and paged.
 */
describe('GET /audit/dossier-access (real PostgreSQL, embedded Temporal, real worker)', () => {
  let stack: FullStack;
  let procedureId: string;
  const clients: Record<string, HttpClient> = {};
  /** The person each demo user is, as the log names readers. */
  const persons: Record<string, string> = {};
  const log = (username: string, query = '') =>
    clients[username].get<Page & ErrorBody>(`/audit/dossier-access${query}`);

  beforeAll(async () => {
    stack = await startFullStack();
    for (const username of ['tochuc', 'phobithu', 'ubkt', 'kiemphieu', 'bn12']) {
      clients[username] = await stack.as(username);
      persons[username] = (await clients[username].get<{ personId: string }>('/auth/me')).body.personId;
    }
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
    const read = (username: string, personId: string) =>
      clients[username].get(
        `/procedures/${encodeURIComponent(procedureId)}/dossiers/${encodeURIComponent(personId)}?purpose=${encodeURIComponent('Xem xét trước hội nghị')}`,
      );
    expect((await read('phobithu', 'person/bn-40')).status).toBe(200);
    expect((await read('bn12', 'person/bn-40')).status).toBe(403);
    expect((await read('kiemphieu', 'person/bn-40')).status).toBe(403);
    expect((await read('ubkt', 'person/bn-41')).status).toBe(200);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('lists every read and refusal, newest first, with names, roles and codes', async () => {
    const answer = await log('ubkt');
    expect(answer.status).toBe(200);
    expect(answer.body.total).toBe(4);
    expect(answer.body.items.map((e) => [e.outcome, e.readerId, e.username, e.subjectId, e.code])).toEqual([
      ['read', persons.ubkt, null, 'person/bn-41', null],
      ['refused', persons.kiemphieu, 'kiemphieu', 'person/bn-40', 'DOSSIER_NEED_TO_KNOW'],
      ['refused', persons.bn12, 'bn12', 'person/bn-40', 'DOSSIER_RELATIVE'],
      ['read', persons.phobithu, null, 'person/bn-40', null],
    ]);
    const relative = answer.body.items[2];
    for (const entry of answer.body.items) {
      expect(entry.subjectName).not.toMatch(/^person\//);
      expect(entry.readerName ?? '').not.toMatch(/^person\//);
      expect(entry.organisationName).toBe('Đảng bộ tỉnh Bắc Ninh');
      expect(entry.procedureId).toBe(procedureId);
      expect(entry.purpose).toBe('Xem xét trước hội nghị');
    }
    const phobithuRead = answer.body.items[3];
    expect(phobithuRead.role).toBe('standing-committee');
    expect(phobithuRead.position).toEqual(expect.any(Number));
    expect(relative.position).toBeNull();
  });

  it('filters by person, reader, outcome and days, and pages', async () => {
    const about40 = await log('tochuc', '?personId=person%2Fbn-40');
    expect(about40.body.items.map((e) => e.subjectId)).toEqual(['person/bn-40', 'person/bn-40', 'person/bn-40']);
    const byBn12 = await log('ubkt', '?readerId=person%2Fbn-12');
    expect(byBn12.body.items.map((e) => [e.outcome, e.code])).toEqual([['refused', 'DOSSIER_RELATIVE']]);
    const refused = await log('ubkt', '?outcome=refused');
    expect(refused.body.items.every((e) => e.outcome === 'refused')).toBe(true);
    expect(refused.body.total).toBe(2);
    const reads = await log('ubkt', '?outcome=read');
    expect(reads.body.items.map((e) => e.outcome)).toEqual(['read', 'read']);
    expect((await log('ubkt', `?from=${vietnamDay()}&to=${vietnamDay()}`)).body.total).toBe(4);
    expect((await log('ubkt', `?from=${vietnamDay(1)}`)).body.total).toBe(0);
    expect((await log('ubkt', `?to=${vietnamDay(-1)}`)).body.total).toBe(0);
    const second = await log('ubkt', '?page=2&pageSize=3');
    expect({ total: second.body.total, count: second.body.items.length, page: second.body.page }).toEqual({
      total: 4,
      count: 1,
      page: 2,
    });
    expect(second.body.items[0]?.readerId).toBe(persons.phobithu);
    const pastTheEnd = await log('ubkt', '?page=5&pageSize=3');
    expect({ total: pastTheEnd.body.total, count: pastTheEnd.body.items.length }).toEqual({ total: 4, count: 0 });
  });

  it('refuses the other roles, and bad filters with a code and the field', async () => {
    for (const username of ['phobithu', 'kiemphieu', 'bn12']) {
      const answer = await log(username);
      expect({ username, status: answer.status, code: answer.body.code }).toEqual({
        username,
        status: 403,
        code: 'NOT_ALLOWED',
      });
    }
    const reversed = await log('ubkt', '?from=2026-12-10&to=2026-12-01');
    expect({ status: reversed.status, code: reversed.body.code, field: reversed.body.field }).toEqual({
      status: 400,
      code: 'DATE_RANGE_REVERSED',
      field: 'to',
    });
    const badDay = await log('ubkt', '?from=10%2F12%2F2026');
    expect({ status: badDay.status, field: badDay.body.field }).toEqual({ status: 400, field: 'from' });
    const noSuchDay = await log('ubkt', '?to=2026-02-30');
    expect({ status: noSuchDay.status, field: noSuchDay.body.field }).toEqual({ status: 400, field: 'to' });
    const badOutcome = await log('ubkt', '?outcome=deleted');
    expect({ status: badOutcome.status, field: badOutcome.body.field }).toEqual({ status: 400, field: 'outcome' });
  });
});
