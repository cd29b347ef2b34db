import { demoIds } from '@cadreflow/domain';
import { type HttpClient, startFullStack, type FullStack } from '../support/full-stack';
import { eventually, idempotencyKey, taskOf, type Decided } from '../support/task-queue';

/** Fifteen members of the new committee (person/bn-03 is a woman). */
const members = Array.from({ length: 15 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`);
const [a, b, c, d, e, f, g, h, i] = members as [string, string, string, string, string, string, string, string, string];
/** Not person/bn-10: the demo counting board member (kiemphieu) would stand aside on a round about himself. */
const k = members[10];

describe('first session of a new executive committee over HTTP (real PostgreSQL, embedded Temporal)', () => {
  let stack: FullStack;
  let office: HttpClient;
  let member: HttpClient;
  let counter: HttpClient;
  let politburo: HttpClient;

  beforeAll(async () => {
    stack = await startFullStack();
    [office, member, counter, politburo] = await Promise.all(
      ['tochuc', 'phobithu', 'kiemphieu', 'bochinhtri'].map((u) => stack.as(u)),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const decide = async (client: HttpClient, procedureId: string, stepId: string, body: object) =>
    client.post<Decided>(
      `/tasks/${(await taskOf(client, procedureId, stepId)).taskId}/decision`,
      body,
      idempotencyKey(),
    );
  const count = (tallies: Record<string, number>, present = members.length) => ({
    kind: 'round-tally',
    attendance: {
      kind: 'all-members',
      officialMembers: members.length,
      exempt: 0,
      suspended: 0,
      absentWithLeave: 0,
      present,
    },
    ballots: {
      issued: present,
      returned: present,
      valid: present,
      invalid: { 'not-issued-by-board': 0, 'too-many-names': 0, 'no-name-with-surplus': 0, 'name-off-list': 0 },
    },
    tallies,
  });

  it('launched from the form, each office elected from the queues of the demo users, ratified by the Politburo', async () => {
    const form = {
      kind: 'first-session',
      organisationId: demoIds.province,
      sessionDate: '2025-10-17',
      standingCommitteeSeats: 5,
      deputySecretaries: 1,
      inspectionCommitteeSeats: 3,
      candidateIds: members,
    };
    const tooMany = await office.post('/procedures', { ...form, standingCommitteeSeats: 15 }, idempotencyKey());
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ code: 'FIRST_SESSION_SEATS_INVALID' });
    const launched = await office.post<{ procedureId: string }>('/procedures', form, idempotencyKey());
    expect(launched.status).toBe(201);
    const procedureId = launched.body.procedureId;

    const list = await taskOf(member, procedureId, 'list-1');
    expect(list).toMatchObject({ decision: 'nomination', role: 'executive-committee' });
    const outsider = await decide(member, procedureId, 'list-1', {
      kind: 'nomination',
      candidateIds: [a, b, c, d, 'person/bn-40'],
    });
    expect(outsider.status).toBe(422);
    expect(outsider.body).toMatchObject({ code: 'FIRST_SESSION_CANDIDATE_NOT_MEMBER' });
    expect(
      (await decide(member, procedureId, 'list-1', { kind: 'nomination', candidateIds: [a, b, c, d, e, f] })).status,
    ).toBe(200);
    const round = await taskOf(counter, procedureId, 'round-2');
    expect(round).toMatchObject({ decision: 'tally', role: 'counting-board' });
    const standing = await decide(
      counter,
      procedureId,
      'round-2',
      count({ [a]: 14, [b]: 13, [c]: 12, [d]: 9, [e]: 8, [f]: 3 }),
    );
    expect(standing.status).toBe(200);
    expect(standing.body.events.map((ev) => ev.type)).toContain('CompositionChecked');

    const notInStanding = await decide(member, procedureId, 'list-3', { kind: 'nomination', candidateIds: [f] });
    expect(notInStanding.body).toMatchObject({ code: 'FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE' });
    await decide(member, procedureId, 'list-3', { kind: 'nomination', candidateIds: [a] });
    expect((await decide(counter, procedureId, 'round-4', count({ [a]: 15 }))).status).toBe(200);
    await decide(member, procedureId, 'list-5', { kind: 'nomination', candidateIds: [b] });
    expect((await decide(counter, procedureId, 'round-6', count({ [b]: 14 }))).status).toBe(200);
    await decide(member, procedureId, 'list-7', { kind: 'nomination', candidateIds: [g, h, i, k] });
    expect((await decide(counter, procedureId, 'round-8', count({ [g]: 15, [h]: 14, [i]: 13, [k]: 2 }))).status).toBe(
      200,
    );
    await decide(member, procedureId, 'list-9', { kind: 'nomination', candidateIds: [g] });
    expect((await decide(counter, procedureId, 'round-10', count({ [g]: 15 }))).status).toBe(200);

    const rejected = await decide(politburo, procedureId, 'ratification', { kind: 'reject', reason: 'Không' });
    expect(rejected.body).toMatchObject({ code: 'DECISION_NOT_REJECTABLE' });
    const ratified = await decide(politburo, procedureId, 'ratification', { kind: 'approve', note: 'Chuẩn y' });
    expect(ratified.status).toBe(200);
    expect(ratified.body.events.map((ev) => ev.type)).toEqual([
      'FirstSessionRatified',
      'StepClosed',
      'ProcedureCompleted',
    ]);
    const listed = await eventually(
      () =>
        office.get<{ items: { procedureId: string; status: string; outcome: string | null }[] }>(
          '/procedures?type=first-session',
        ),
      (r) => r.body.items.some((p) => p.procedureId === procedureId && p.status === 'completed'),
      'the procedure listed as completed',
    );
    expect(listed.body.items.find((p) => p.procedureId === procedureId)?.outcome).toBe('first-session-ratified');
  });
});
