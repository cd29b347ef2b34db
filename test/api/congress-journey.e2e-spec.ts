import { randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { demoIds, noInvalidBallots } from '@cadreflow/domain';
import {
  candidateList,
  organisationWithNewcomers,
  provincialPlan,
} from '../../workflows/test/support/demo-launch.fixture';
import { startFullStack, type FullStack, type HttpClient } from '../support/full-stack';

const SEATS = 48;
const LIST = 53; // a 10% surplus: 5 names over 48 seats
const CONGRESS_DATE = '2027-06-15';
const CLERK = 'person/bn-office-01';

interface Task {
  taskId: string;
  procedureId: string;
  stepId: string;
  role: string;
  bodyId: string;
  decision: string;
}
interface OpenStep {
  stepId: string;
  role: string;
  bodyId: string;
  decision: string;
  concerned: { personId: string }[];
}
interface ProcedureView {
  summary: { status: string; outcome: string | null; kind: string };
  state: { status: string; openSteps: OpenStep[]; candidates?: { personId: string }[] } | null;
}

const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/**
 * The first journey in full: the Organization Committee launches a provincial congress-personnel procedure over
 * HTTP, and the bodies' offices decide every step from their queues — plan, five-step introduction, vetting,
 * consultation with the Politburo, election and ratification — until 48 are elected.
 */
describe('a provincial congress, launched and decided over HTTP', () => {
  let stack: FullStack;

  beforeAll(async () => {
    stack = await startFullStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /**
   * The office that records a body's decisions (the provincial party office), granted each body the
   * procedure asks for as it comes up; it is nobody on the list, so no recusal applies.
   */
  async function officeFor(grants: { role: string; bodyId: string }[]): Promise<HttpClient> {
    const pg = new PgClient({ connectionString: stack.databaseUrl });
    await pg.connect();
    await pg.query(
      `INSERT INTO users (id, username, password_hash, display_name, person_id, grants)
       SELECT 'user/vanphong', 'vanphong', password_hash, 'Provincial party office', $1, $2 FROM users WHERE id = 'user/tochuc'
       ON CONFLICT (id) DO UPDATE SET grants = EXCLUDED.grants`,
      [CLERK, JSON.stringify(grants)],
    );
    await pg.end();
    return stack.as('vanphong');
  }

  it('elects 48 of 53 with every step decided from the queues', async () => {
    const committee = await stack.as('tochuc');
    const politburo = await stack.as('bochinhtri');
    const countingBoard = await stack.as('kiemphieu');
    let countingBoardSawRound = false;
    const model = organisationWithNewcomers(LIST);
    const candidates = candidateList(model, new Date().toISOString().slice(0, 10), CONGRESS_DATE, LIST);
    expect(candidates).toHaveLength(LIST);

    // The succession pool joins the registry as the Organization Committee records new people, each working in a
    // department of the province (a launch pins the people of the organisation's bodies).
    const today = new Date().toISOString().slice(0, 10);
    for (const person of model.people.filter((p) => p.id.startsWith('person/bn-pool-'))) {
      const added = await committee.post('/registry/changes', {
        kind: 'person-added',
        effectiveFrom: today,
        personId: person.id,
        fullName: person.fullName,
        gender: person.gender,
        birthDate: person.birthDate,
      });
      expect(added.status).toBe(200);
      const joined = await committee.post('/registry/changes', {
        kind: 'person-joins',
        effectiveFrom: today,
        personId: person.id,
        bodyId: demoIds.finance,
      });
      expect(joined.status).toBe(200);
    }
    const launched = await committee.post<{ procedureId: string }>(
      '/procedures',
      {
        kind: 'congress-personnel',
        organisationId: demoIds.province,
        congressDate: CONGRESS_DATE,
        ...provincialPlan(candidates),
        candidateIds: candidates,
        standards: ['Tiêu chuẩn theo Quy định 214-QĐ/TW'],
        targets: { womenPercent: 15, under40Percent: 10 },
      },
      key(),
    );
    expect(launched.status).toBe(201);
    const root = launched.body.procedureId;
    const actAsCommittee = { role: 'organization-committee', bodyId: demoIds.organizationCommittee };

    const grants = new Map<string, { role: string; bodyId: string }>();
    let office = await officeFor([]);
    const decided = new Set<string>();
    const filedDeclarations = new Set<string>();
    const filedProgrammes = new Set<string>();
    let done = false;
    for (let round = 0; round < 400 && !done; round++) {
      const view = (await committee.get<ProcedureView>(`/procedures/${root}`)).body;
      if (view.summary.status !== 'running') {
        done = true;
        break;
      }
      // Whatever the open stages ask for, the office is granted (as a province would staff its office).
      const stages = ['plan', 'introduction', 'vetting', 'consultation', 'election'].map((s) => `${root}/${s}`);
      const open: { procedureId: string; step: OpenStep }[] = [];
      for (const stage of stages) {
        const stageView = await committee.get<ProcedureView>(`/procedures/${encodeURIComponent(stage)}`);
        if (stageView.status !== 200 || !stageView.body.state) continue;
        for (const step of stageView.body.state.openSteps) open.push({ procedureId: stage, step });
      }
      let grew = false;
      for (const { step } of open) {
        const id = `${step.role}@${step.bodyId}`;
        if (step.role !== 'politburo' && !grants.has(id)) {
          grants.set(id, { role: step.role, bodyId: step.bodyId });
          grew = true;
        }
      }
      if (grew) office = await officeFor([...grants.values()]);

      // Plans waiting to be sent up, and asset declarations to file: the Organization Committee's commands.
      for (const { procedureId, step } of open) {
        if (step.stepId.endsWith('/asset-declaration')) {
          const personId = step.stepId.slice(0, step.stepId.lastIndexOf('/'));
          if (!filedDeclarations.has(personId)) {
            filedDeclarations.add(personId);
            const filed = await committee.post(
              `/procedures/${encodeURIComponent(procedureId)}/commands`,
              { actAs: actAsCommittee, type: 'FileAssetDeclaration', data: { personId, reference: `KK-${personId}` } },
              key(),
            );
            expect(filed.status).toBe(200);
            const verified = await office.post(
              `/procedures/${encodeURIComponent(procedureId)}/commands`,
              {
                actAs: { role: step.role, bodyId: step.bodyId },
                type: 'VerifyAssetDeclaration',
                data: { personId, consistent: true, finding: 'Consistent' },
              },
              key(),
            );
            expect(verified.status).toBe(200);
          }
        }
      }
      const planStages = await Promise.all(
        [`${root}/plan`, `${root}/consultation`].map(async (id) => ({
          id,
          view: await committee.get<ProcedureView>(`/procedures/${encodeURIComponent(id)}`),
        })),
      );
      for (const { id, view: stage } of planStages) {
        if (stage.status === 200 && stage.body.state?.status === 'ADOPTED' && stage.body.state.openSteps.length === 0) {
          const submitted = await committee.post(
            `/procedures/${encodeURIComponent(id)}/commands`,
            { actAs: actAsCommittee, type: 'SubmitPlan', data: {} },
            key(),
          );
          expect(submitted.status).toBe(200);
        }
      }

      // Before the congress approves its list, each candidate's action programme is on file (recorded by the office).
      if (open.some((o) => o.step.stepId === 'candidate-list')) {
        const election = `${root}/election`;
        const stage = (await committee.get<ProcedureView>(`/procedures/${encodeURIComponent(election)}`)).body;
        for (const { personId } of stage.state?.candidates ?? []) {
          if (filedProgrammes.has(personId)) continue;
          filedProgrammes.add(personId);
          const filed = await committee.post(
            `/procedures/${encodeURIComponent(election)}/commands`,
            { actAs: actAsCommittee, type: 'FileActionProgramme', data: { personId, reference: `CTHĐ-${personId}` } },
            key(),
          );
          expect(filed.status).toBe(200);
        }
      }

      // The counting board sees the election's rounds in its own queue, with their kind and the congress's name.
      const round = open.find((o) => o.step.stepId.startsWith('round-'));
      if (round && !countingBoardSawRound) {
        const queue = await countingBoard.get<{ items: (Task & { stepKind: string | null; bodyName: string })[] }>(
          '/tasks?pageSize=200',
        );
        const seen = queue.body.items.find(
          (t) => t.procedureId === round.procedureId && t.stepId === round.step.stepId,
        );
        if (seen) {
          expect(seen.stepKind).toBe('election-round');
          expect(seen.bodyName).not.toBe(seen.bodyId);
          countingBoardSawRound = true;
        }
      }

      // Every approver works through their queue.
      for (const approver of [office, politburo]) {
        const queue = await approver.get<{ items: Task[] }>('/tasks?pageSize=200');
        for (const task of queue.body.items) {
          if (decided.has(task.taskId) || task.stepId.endsWith('/asset-declaration')) continue;
          const step = open.find((o) => o.procedureId === task.procedureId && o.step.stepId === task.stepId)?.step;
          if (!step) continue;
          const subjects = step.concerned.map((c) => c.personId);
          let decision: Record<string, unknown> = { kind: 'approve' };
          if (step.decision === 'tally' && step.stepId.startsWith('round-')) {
            const tallies = Object.fromEntries(candidates.map((id, i) => [id, i < SEATS ? 300 - i : 120]));
            decision = {
              kind: 'round-tally',
              attendance: {
                kind: 'delegates',
                delegatesConvened: 350,
                conveningCommitteeAbsentThroughout: 0,
                delegatesAbsentWithoutAlternate: 0,
                present: 340,
              },
              ballots: { issued: 340, returned: 340, valid: 340, invalid: noInvalidBallots() },
              tallies,
            };
          } else if (step.decision === 'tally') {
            decision = {
              kind: 'tally',
              tally: {
                summoned: 100,
                present: 100,
                ballots: { issued: 100, returned: 100, valid: 100, invalid: noInvalidBallots() },
                tallies: Object.fromEntries(subjects.map((id) => [id, 100])),
              },
            };
          }
          const answer = await approver.post<{ events: { type: string }[] }>(
            `/tasks/${task.taskId}/decision`,
            decision,
            key(),
          );
          expect([200, 409]).toContain(answer.status);
          if (answer.status === 200) decided.add(task.taskId);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    expect(countingBoardSawRound).toBe(true);
    const final = (await committee.get<ProcedureView>(`/procedures/${root}`)).body;
    expect(final.summary).toMatchObject({ kind: 'congress-personnel', status: 'completed', outcome: 'elected' });
    const inspector = await stack.as('ubkt');
    const trail = await inspector.get<{
      verification: { ok: boolean };
      events: { type: string }[];
      streamIds: string[];
    }>(`/procedures/${root}/audit`);
    expect(trail.body.verification.ok).toBe(true);
    expect(trail.body.streamIds).toHaveLength(5);
    expect(trail.body.events.filter((e) => e.type === 'CandidateElected')).toHaveLength(SEATS);
    expect(trail.body.events.map((e) => e.type)).toContain('ResultRatified');
    const progress = await committee.get<{ levelKind: string; label: string }[]>(
      '/procedures/progress?type=congress-personnel',
    );
    expect(progress.body).toContainEqual(
      expect.objectContaining({ levelKind: 'province', label: '1/1 done, 100.00%' }),
    );
  });
});
