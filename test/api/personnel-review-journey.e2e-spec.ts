import { demoIds } from '@cadreflow/domain';
import { type HttpClient, startFullStack, type FullStack } from '../support/full-stack';
import { eventually, idempotencyKey, taskOf, type Decided, type Task } from '../support/task-queue';

const people = [demoIds.people.policeDirector, demoIds.people.financeDirector];

describe('confidence vote, classification and opinion on cadres over HTTP (real PostgreSQL, embedded Temporal)', () => {
  let stack: FullStack;
  let committee: HttpClient;
  let member: HttpClient;
  let member2: HttpClient;
  let politburo: HttpClient;

  beforeAll(async () => {
    stack = await startFullStack();
    [committee, member, member2, politburo] = await Promise.all(
      ['tochuc', 'phobithu', 'phobithu2', 'bochinhtri'].map((u) => stack.as(u)),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const launch = async (form: object): Promise<string> => {
    const launched = await committee.post<{ procedureId: string }>('/procedures', form, idempotencyKey());
    expect(launched.status).toBe(201);
    return launched.body.procedureId;
  };
  const decide = (client: HttpClient, task: Task, body: object) =>
    client.post<Decided>(`/tasks/${task.taskId}/decision`, body, idempotencyKey());

  it('a confidence vote: the executive committee records the count from its queue, the Politburo decides the low result', async () => {
    const procedureId = await launch({
      kind: 'confidence-vote',
      organisationId: demoIds.province,
      candidateIds: people,
    });
    const vote = await taskOf(member, procedureId, 'vote');
    expect(vote).toMatchObject({ decision: 'confidence-tally', role: 'executive-committee' });
    const over = await decide(member, vote, {
      kind: 'confidence-tally',
      summoned: 40,
      present: 38,
      ratings: {
        [people[0]]: { high: 30, confidence: 5, low: 3 },
        [people[1]]: { high: 10, confidence: 10, low: 19 },
      },
    });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'VOTES_OVER_TOTAL', params: { personId: people[1] } });
    const malformed = await decide(member, vote, { kind: 'confidence-tally', summoned: 40, present: 38, ratings: 3 });
    expect(malformed.status).toBe(400);
    const recorded = await decide(member, vote, {
      kind: 'confidence-tally',
      summoned: 40,
      present: 38,
      ratings: {
        [people[0]]: { high: 30, confidence: 5, low: 3 },
        [people[1]]: { high: 10, confidence: 8, low: 20 },
      },
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.events.filter((e) => e.type === 'ConfidenceRated')).toHaveLength(2);
    const followUp = await taskOf(politburo, procedureId, `follow-up/${people[1]}`);
    const returned = await decide(politburo, followUp, { kind: 'return', reason: 'Xem lại' });
    expect(returned.status).toBe(422);
    expect(returned.body).toMatchObject({ code: 'DECISION_NOT_RETURNABLE' });
    const taken = await decide(politburo, followUp, { kind: 'approve', note: 'Cho thôi giữ chức vụ' });
    expect(taken.status).toBe(200);
    expect(taken.body.events.map((e) => e.type)).toContain('ProcedureCompleted');
  });

  it('a classification: the standing committee grades (the quota is enforced), the Politburo approves', async () => {
    const procedureId = await launch({
      kind: 'classification',
      organisationId: demoIds.province,
      year: 2025,
      candidateIds: people,
    });
    const grading = await taskOf(member, procedureId, 'grading-1');
    expect(grading.decision).toBe('classification');
    const over = await decide(member, grading, {
      kind: 'classification',
      grades: { [people[0]]: 'excellent', [people[1]]: 'good' },
    });
    expect(over.status).toBe(422);
    expect(over.body).toMatchObject({ code: 'CLASSIFICATION_EXCELLENT_OVER_QUOTA', params: { allowed: 0 } });
    const badGrade = await decide(member, grading, { kind: 'classification', grades: { [people[0]]: 'best' } });
    expect(badGrade.status).toBe(400);
    const graded = await decide(member, grading, {
      kind: 'classification',
      grades: { [people[0]]: 'good', [people[1]]: 'completed' },
    });
    expect(graded.status).toBe(200);
    const approval = await taskOf(politburo, procedureId, 'approval-1');
    const approved = await decide(politburo, approval, { kind: 'approve' });
    expect(approved.status).toBe(200);
    expect(approved.body.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ClassificationApproved', 'ProcedureCompleted']),
    );
  });

  it('an opinion on cadres: recorded by the office, answered by two members, counted in progress', async () => {
    const incomplete = await committee.post<{ field: string }>(
      '/procedures',
      {
        kind: 'cadre-opinion',
        organisationId: demoIds.province,
        requestedBy: 'central',
        matter: 'x',
        candidateIds: people,
      },
      idempotencyKey(),
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.field).toBe('reference');
    const procedureId = await launch({
      kind: 'cadre-opinion',
      organisationId: demoIds.province,
      requestedBy: 'central',
      reference: 'Công văn số 123-CV/BTCTW ngày 25/3/2025',
      matter: 'Cho ý kiến về nhân sự dự kiến bổ nhiệm',
      candidateIds: people,
    });
    const first = await taskOf(member, procedureId, `answer/${people[0]}`);
    expect((await decide(member, first, { kind: 'approve' })).status).toBe(200);
    const second = await taskOf(member2, procedureId, `answer/${people[1]}`);
    const answered = await decide(member2, second, { kind: 'reject', reason: 'Chưa đủ thời gian giữ chức vụ' });
    expect(answered.status).toBe(200);
    const progress = await eventually(
      () =>
        committee.get<{ levelKind: string; done: number; label: string }[]>('/procedures/progress?type=cadre-opinion'),
      (r) => r.body.some((p) => p.levelKind === 'province' && p.done === 1),
      'the opinion counted in progress',
    );
    expect(progress.body).toContainEqual(
      expect.objectContaining({ levelKind: 'province', label: '1/1 done, 100.00%' }),
    );
  });
});
