import { createHmac, randomUUID } from 'node:crypto';
import { demoIds, noInvalidBallots } from '@cadreflow/domain';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { HttpClient, startFullStack, type FullStack } from '../support/full-stack';

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
  role: string;
  bodyId: string;
  claimedBy: string | null;
}
interface RecordedRef {
  position: number;
  hash: string;
  type: string;
  streamVersion: number;
}
interface Trail {
  verification: { ok: boolean; eventsChecked: number; problems: unknown[] };
  events: { position: number; type: string; streamVersion: number; metadata: Record<string, unknown> }[];
}

/** The 48 sitting members for 45 seats. */
const planForm = provincialPlanRequest();
const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('HTTP API end to end (real PostgreSQL, embedded Temporal, real worker)', () => {
  let stack: FullStack;
  let committee: HttpClient;
  let approver: HttpClient;
  let approver2: HttpClient;
  let politburo: HttpClient;
  let inspector: HttpClient;
  let relative: HttpClient;

  beforeAll(async () => {
    stack = await startFullStack();
    [committee, approver, approver2, politburo, inspector, relative] = await Promise.all(
      ['tochuc', 'phobithu', 'phobithu2', 'bochinhtri', 'ubkt', 'bn12'].map((u) => stack.as(u)),
    );
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const launchPlan = async (): Promise<string> => {
    const launched = await committee.post<{ procedureId: string; state: { openSteps: { stepId: string }[] } }>(
      '/procedures',
      planForm,
      key(),
    );
    expect(launched.status).toBe(201);
    expect(launched.body.state.openSteps.map((s) => s.stepId)).toEqual(['adoption-1']);
    return launched.body.procedureId;
  };
  const taskOf = async (client: HttpClient, procedureId: string, stepId: string): Promise<Task> => {
    const queue = await eventually(
      () => client.get<{ items: Task[] }>('/tasks?pageSize=200'),
      (r) => r.body.items.some((t) => t.procedureId === procedureId && t.stepId === stepId),
      `task ${stepId} of ${procedureId} in the queue`,
    );
    return queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === stepId)!;
  };
  const trail = async (procedureId: string): Promise<Trail> =>
    (await inspector.get<Trail>(`/procedures/${procedureId}/audit`)).body;

  it('journeys: the committee launches, approvers decide every step from their queues, the inspector verifies the trail', async () => {
    const procedureId = await launchPlan();
    const listed = await committee.get<{ items: { procedureId: string; status: string }[] }>(
      '/procedures?type=personnel-plan',
    );
    expect(listed.body.items).toContainEqual(expect.objectContaining({ procedureId, status: 'running' }));

    const adoption = await taskOf(approver, procedureId, 'adoption-1');
    expect(adoption).toMatchObject({ role: 'standing-committee', bodyId: demoIds.standingCommittee });
    const claimed = await approver.post<Task>(`/tasks/${adoption.taskId}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toBe('user/phobithu');
    const adopted = await approver.post<{ events: RecordedRef[] }>(
      `/tasks/${adoption.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(adopted.status).toBe(200);
    expect(adopted.body.events.map((e) => e.type)).toEqual(['CompositionChecked', 'PlanAdopted', 'StepClosed']);
    expect(adopted.body.events[0].hash).toMatch(/^[0-9a-f]{64}$/);

    const submission = {
      actAs: { role: 'organization-committee', bodyId: demoIds.organizationCommittee },
      type: 'SubmitPlan',
      data: {},
    };
    const submitKey = key();
    const submitted = await committee.post<RecordedRef[]>(`/procedures/${procedureId}/commands`, submission, submitKey);
    expect(submitted.status).toBe(200);
    expect(submitted.body.map((e) => e.type)).toContain('PlanSubmitted');
    const resubmitted = await committee.post<RecordedRef[]>(
      `/procedures/${procedureId}/commands`,
      submission,
      submitKey,
    );
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toEqual(submitted.body);
    const review = await taskOf(politburo, procedureId, 'review-1');
    const approved = await politburo.post<{ events: RecordedRef[] }>(
      `/tasks/${review.taskId}/decision`,
      { kind: 'approve', note: 'Agreed' },
      key(),
    );
    expect(approved.status).toBe(200);
    expect(approved.body.events[0].type).toBe('PlanApproved');

    const closed = await eventually(
      () => politburo.get<{ items: Task[] }>('/tasks?pageSize=200'),
      (r) => !r.body.items.some((t) => t.taskId === review.taskId),
      'the decided task to leave the queue',
    );
    expect(closed.status).toBe(200);

    const audit = await trail(procedureId);
    expect(audit.verification).toMatchObject({ ok: true, problems: [] });
    const types = audit.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['ProcedureLaunched', 'PlanDrafted', 'PlanAdopted', 'PlanSubmitted', 'PlanApproved']),
    );
    const approval = audit.events.find((e) => e.type === 'PlanApproved')!;
    expect(approval.metadata).toMatchObject({
      actorId: demoIds.people.politburoMember,
      actorRole: 'politburo',
      correlationId: procedureId,
    });
    expect(approval.position).toBe(approved.body.events[0].position);

    const adoptedAt = audit.events.find((e) => e.type === 'PlanAdopted')!.position;
    const past = await inspector.get<{ state: { status: string } }>(
      `/procedures/${procedureId}/audit/state?position=${adoptedAt}`,
    );
    expect(past.status).toBe(200);
    expect(past.body.state.status).toBe('ADOPTED');

    const whole = await inspector.post<{ ok: boolean; eventsChecked: number }>('/audit/verify');
    expect(whole.status).toBe(200);
    expect(whole.body.ok).toBe(true);
    expect(whole.body.eventsChecked).toBeGreaterThanOrEqual(audit.events.length);
    expect((await approver.post('/audit/verify')).status).toBe(403);
  });

  it('refuses the unauthenticated (401), a decider outside the body (403) and a recused spouse (403), recording nothing', async () => {
    // Step 1 of the introduction reviews each candidate: bn-40, whose declared spouse is the standing member bn-12.
    const launched = await committee.post<{ procedureId: string; state: { openSteps: { stepId: string }[] } }>(
      '/procedures',
      {
        kind: 'introduction',
        organisationId: demoIds.province,
        launchDate: '2025-03-03',
        congressDate: '2025-10-15',
        // bn-40's declared spouse, the standing member bn-12, is taken from the registry, not from the form.
        candidateIds: ['person/bn-40'],
      },
      key(),
    );
    expect(launched.status).toBe(201);
    const procedureId = launched.body.procedureId;
    const task = await taskOf(approver, procedureId, launched.body.state.openSteps[0].stepId);
    const before = (await trail(procedureId)).events.length;

    const anonymous = await stack.anonymous.post(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, key());
    expect(anonymous.status).toBe(401);
    expect((await stack.anonymous.get('/tasks')).status).toBe(401);
    // Tokens that were not signed with the API's secret: unsigned, signed with another key, or with a payload
    // changed after signing.
    const [header, payload, signature] = approver.token!.split('.');
    const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${b64({ ...claims, sub: 'someone-else' })}`;
    for (const token of [
      `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `${forged}.${createHmac('sha256', 'another-secret-that-is-long-enough!!').update(forged).digest('base64url')}`,
      `${forged}.${signature}`,
    ]) {
      expect((await new HttpClient(stack.baseUrl, token).get('/tasks')).status).toBe(401);
    }

    const outsider = await politburo.post<{ message: string; code: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(outsider.status).toBe(403);
    expect(outsider.body.message).toMatch(/standing-committee/);

    const recusedClaim = await relative.post<{ message: string; code: string }>(`/tasks/${task.taskId}/claim`);
    expect(recusedClaim.status).toBe(403);
    expect(recusedClaim.body).toMatchObject({ code: 'RECUSED_RELATIVE', params: { subjectId: 'person/bn-40' } });
    const recusedDecision = await relative.post<{ message: string; code: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(recusedDecision.status).toBe(403);
    expect(recusedDecision.body.code).toMatch(/^RECUSED/);
    expect(recusedDecision.body.message).toMatch(/recuse/);

    expect((await trail(procedureId)).events.length).toBe(before);
  });

  it('lets one of two approvers deciding the same task at once win: one 200, one 409', async () => {
    const procedureId = await launchPlan();
    const task = await taskOf(approver, procedureId, 'adoption-1');
    const answers = await Promise.all([
      approver.post(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, key()),
      approver2.post(`/tasks/${task.taskId}/decision`, { kind: 'return', reason: 'Add more women' }, key()),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const adoptions = (await trail(procedureId)).events.filter((e) =>
      ['PlanAdopted', 'PlanDraftReturned'].includes(e.type),
    );
    expect(adoptions).toHaveLength(1);
  });

  it('answers a malformed body with 400 naming the field, and applies a repeated Idempotency-Key once', async () => {
    const procedureId = await launchPlan();
    const task = await taskOf(approver, procedureId, 'adoption-1');
    const before = (await trail(procedureId)).events.length;

    const noReason = await approver.post<{ message: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'return' },
      key(),
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);
    const badKind = await approver.post<{ message: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'maybe' },
      key(),
    );
    expect(badKind.status).toBe(400);
    expect(badKind.body.message).toMatch(/kind/);
    const unknownField = await approver.post<{ message: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve', votes: 3 },
      key(),
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.message).toMatch(/votes/);
    const noKey = await approver.post<{ message: string }>(`/tasks/${task.taskId}/decision`, { kind: 'approve' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.message).toMatch(/Idempotency-Key/);
    const notJson = await approver.request('POST', `/tasks/${task.taskId}/decision`, '{"kind":', {
      'content-type': 'application/json',
      ...key(),
    });
    expect(notJson.status).toBe(400);
    const badLaunch = await committee.post<{ code: string; field: string }>('/procedures', {
      ...planForm,
      organisationId: 'org/nowhere',
    });
    expect(badLaunch.status).toBe(422);
    expect(badLaunch.body).toMatchObject({ code: 'LAUNCH_UNKNOWN_ORGANISATION', field: 'organisationId' });
    expect((await trail(procedureId)).events.length).toBe(before);

    const same = key();
    const [first, second] = await Promise.all([
      approver.post<{ events: RecordedRef[] }>(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, same),
      approver.post<{ events: RecordedRef[] }>(`/tasks/${task.taskId}/decision`, { kind: 'approve' }, same),
    ]);
    const third = await approver.post<{ events: RecordedRef[] }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve' },
      same,
    );
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(second.body).toEqual(first.body);
    expect(third.body).toEqual(first.body);
    const reused = await approver.post<{ code: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'return', reason: 'other' },
      same,
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const adoptions = (await trail(procedureId)).events.filter((e) => e.type === 'PlanAdopted');
    expect(adoptions).toHaveLength(1);
  });

  it('refuses at the call a launch the rules refuse, starting nothing, and a corrected decision under a used key', async () => {
    const listed = async (): Promise<number> =>
      (await committee.get<{ total: number }>('/procedures?type=personnel-plan&pageSize=1')).body.total;
    const before = await listed();
    const tooFewSeats = await committee.post<{ code: string; params: { problems: string[] } }>(
      '/procedures',
      { ...planForm, executiveCommitteeSeats: 20 },
      key(),
    );
    expect(tooFewSeats.status).toBe(422);
    expect(tooFewSeats.body.code).toBe('PLAN_RULES_BROKEN');
    const ghost = await committee.post<{ code: string; field: string }>(
      '/procedures',
      { ...planForm, candidateIds: [...planForm.candidateIds, 'person/ghost'] },
      key(),
    );
    expect(ghost.status).toBe(422);
    expect(ghost.body).toMatchObject({ code: 'LAUNCH_UNKNOWN_PERSON', field: 'candidateIds.48' });
    const badDate = await committee.post<{ code: string; field: string }>(
      '/procedures',
      { ...planForm, kind: 'congress-personnel', congressDate: '15/06/2027' },
      key(),
    );
    expect(badDate.status).toBe(400);
    expect(badDate.body).toMatchObject({ code: 'FIELD_INVALID_DATE', field: 'congressDate' });
    expect(await listed()).toBe(before);

    const procedureId = await launchPlan();
    const task = await taskOf(approver, procedureId, 'adoption-1');
    const used = key();
    const wrong = await approver.post<{ code: string }>(
      `/tasks/${task.taskId}/decision`,
      {
        kind: 'tally',
        tally: {
          summoned: 10,
          present: 10,
          ballots: { issued: 10, returned: 10, valid: 10, invalid: noInvalidBallots() },
          tallies: { 'person/bn-01': 10 },
        },
      },
      used,
    );
    expect(wrong.status).toBe(422);
    const corrected = await approver.post<{ code: string }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve' },
      used,
    );
    expect(corrected.status).toBe(422);
    expect(corrected.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const anew = await approver.post<{ events: RecordedRef[] }>(
      `/tasks/${task.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(anew.status).toBe(200);
    expect(anew.body.events.map((e) => e.type)).toContain('PlanAdopted');
  });

  it('pushes queue changes live, lets a claimant unclaim, records every dossier read, and reports progress per level, of all organisations or of a body and those under it', async () => {
    const controller = new AbortController();
    const received: string[] = [];
    const ticket = await approver.post<{ ticket: string }>('/tasks/events/ticket');
    expect(ticket.status).toBe(200);
    const stream = await fetch(`${stack.baseUrl}/tasks/events?ticket=${encodeURIComponent(ticket.body.ticket)}`, {
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reading = (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>)
          received.push(decoder.decode(chunk));
      } catch {
        // Aborting the request ends the stream with an error: that is how this reader stops.
      }
    })();

    const procedureId = await launchPlan();
    await eventually(
      () => Promise.resolve(received.join('')),
      (text) => text.includes('event: task-opened') && text.includes(procedureId),
      'a live task-opened event',
    );
    controller.abort();
    await reading;

    const task = await taskOf(approver, procedureId, 'adoption-1');
    expect((await approver.post<Task>(`/tasks/${task.taskId}/claim`)).body.claimedBy).toBe('user/phobithu');
    const taken = await approver2.post<{ code: string }>(`/tasks/${task.taskId}/claim`);
    expect(taken.status).toBe(409);
    expect((await approver.post<Task>(`/tasks/${task.taskId}/unclaim`)).body.claimedBy).toBeNull();
    expect((await approver2.post<Task>(`/tasks/${task.taskId}/claim`)).body.claimedBy).toBe('user/phobithu2');

    const noPurpose = await approver.get(`/procedures/${procedureId}/dossiers/${encodeURIComponent('person/bn-40')}`);
    expect(noPurpose.status).toBe(400);
    const file = await approver.get<{ personId: string; fullName: string; declaredRelatives: unknown[] }>(
      `/procedures/${procedureId}/dossiers/${encodeURIComponent('person/bn-40')}?purpose=${encodeURIComponent('Review before the adoption meeting')}`,
    );
    expect(file.status).toBe(200);
    expect(file.body.personId).toBe('person/bn-40');
    expect(file.body.fullName).not.toBe('person/bn-40');
    const spouse = (file.body.declaredRelatives as { personId: string; kind: string; personName: string }[]).find(
      (r) => r.personId === 'person/bn-12',
    );
    expect(spouse).toMatchObject({ kind: 'spouse' });
    expect(spouse?.personName).not.toMatch(/^person\//);
    const read = (await trail(procedureId)).events.find((e) => e.type === 'DossierAccessed');
    expect(read?.metadata).toMatchObject({ actorId: demoIds.people.deputySecretary1 });

    const progress = await committee.get<{ levelKind: string; organisations: number; done: number; label: string }[]>(
      '/procedures/progress?type=personnel-plan',
    );
    expect(progress.status).toBe(200);
    expect(progress.body).toContainEqual(
      expect.objectContaining({ levelKind: 'province', organisations: 1, done: 0, label: '0/1 done, 0.00%' }),
    );
    // Scoped to a body: its party organisation and those under it, per level.
    type Progress = { levelKind: string; organisations: number; running: number }[];
    const province = await committee.get<Progress>(
      `/procedures/progress?type=personnel-plan&body=${encodeURIComponent(demoIds.standingCommittee)}`,
    );
    expect(province.status).toBe(200);
    expect(province.body.map((p) => [p.levelKind, p.organisations]).sort()).toEqual([
      ['grassroots', 3],
      ['province', 1],
    ]);
    expect(province.body.find((p) => p.levelKind === 'province')?.running).toBe(1);
    const grassroots = await committee.get<Progress>('/procedures/progress?type=personnel-plan&body=org/bn-tu-son');
    expect(grassroots.body).toEqual([
      expect.objectContaining({ levelKind: 'grassroots', organisations: 1, running: 0 }),
    ]);
    const unknownKind = await committee.get<{ message: string }>('/procedures/progress?type=plan');
    expect(unknownKind.status).toBe(400);
    expect(JSON.stringify(unknownKind.body.message)).toContain('type');
    const unknownBody = await committee.get<{ code: string; field: string }>('/procedures/progress?body=org/nowhere');
    expect(unknownBody.status).toBe(422);
    expect(unknownBody.body).toMatchObject({ code: 'PROGRESS_UNKNOWN_ORGANISATION', field: 'body' });
  });

  it('lets only the launching committee withdraw a procedure, recording why and closing its tasks', async () => {
    const procedureId = await launchPlan();
    const task = await taskOf(approver, procedureId, 'adoption-1');
    const refused = await approver.post<{ code: string }>(
      `/procedures/${procedureId}/withdraw`,
      { reason: 'Not mine to withdraw' },
      key(),
    );
    expect(refused.status).toBe(403);
    const noReason = await committee.post<{ message: string }>(`/procedures/${procedureId}/withdraw`, {}, key());
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/reason/);

    const withdrawKey = key();
    const withdrawn = await committee.post<RecordedRef[]>(
      `/procedures/${procedureId}/withdraw`,
      { reason: 'The congress date moved' },
      withdrawKey,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body[0].type).toBe('ProcedureWithdrawn');
    const retried = await committee.post<RecordedRef[]>(
      `/procedures/${procedureId}/withdraw`,
      { reason: 'The congress date moved' },
      withdrawKey,
    );
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(withdrawn.body);
    await eventually(
      () => committee.get<{ items: { procedureId: string; status: string }[] }>('/procedures?status=withdrawn'),
      (r) => r.body.items.some((p) => p.procedureId === procedureId),
      'the procedure to show as withdrawn',
    );
    const queue = await approver.get<{ items: Task[] }>('/tasks?pageSize=200');
    expect(queue.body.items.map((t) => t.taskId)).not.toContain(task.taskId);
    const events = (await trail(procedureId)).events;
    const withdrawals = events.filter((e) => e.type === 'ProcedureWithdrawn');
    expect(withdrawals).toHaveLength(1);
    expect(withdrawals[0].metadata).toMatchObject({ actorRole: 'organization-committee' });
  });
});
