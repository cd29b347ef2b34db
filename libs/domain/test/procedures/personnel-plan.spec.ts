import {
  type Actor,
  ConflictError,
  demoIds,
  IllegalTransitionError,
  NotAllowedError,
  type PersonnelPlanCommand,
  type PersonnelPlanContent,
  type PersonnelPlanEvent,
  personnelPlanDecider,
  type StepDecision,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const given = deciderSpec(personnelPlanDecider);
const candidates = Array.from({ length: 55 }, (_, i) => `person/c-${i + 1}`);
const plan: PersonnelPlanContent = {
  executiveCommitteeSeats: 48,
  standingCommitteeSeats: 15,
  deputySecretaries: 3,
  candidateIds: candidates,
  standards: ['Women at least 15%', 'Under 40 at least 10%'],
};
const now = '2025-03-03T08:00:00Z';

const draft: PersonnelPlanCommand = {
  type: 'DraftPlan',
  data: {
    procedureId: 'plan-bn-2025',
    organisationId: demoIds.province,
    standingCommitteeId: demoIds.standingCommittee,
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    plan,
  },
  actor: actors.organizationOfficer,
  now,
};

const launched: PersonnelPlanEvent[] = personnelPlanDecider.decide(draft, personnelPlanDecider.initialState());
const decide = (
  stepId: string,
  decision: StepDecision,
  actor: Actor = actors.standingMember,
  at = now,
): PersonnelPlanCommand => ({
  type: 'DecideStep',
  data: { stepId, decision },
  actor,
  now: at,
});
const submit: PersonnelPlanCommand = { type: 'SubmitPlan', data: {}, actor: actors.organizationOfficer, now };

describe('procedure A: personnel plan', () => {
  it('drafting launches the procedure under the rulebook in force and opens the adoption step', () => {
    expect(launched[0]).toMatchObject({
      type: 'ProcedureLaunched',
      data: {
        rulebookId: 'rulebook/2025-2030@2024-11-28',
        kind: 'personnel-plan',
        launchedBy: actors.organizationOfficer,
      },
    });
    expect(launched.slice(1)).toEqual([
      { type: 'PlanDrafted', data: { revision: 1, plan } },
      {
        type: 'StepOpened',
        data: {
          stepId: 'adoption-1',
          kind: 'plan-adoption',
          params: { revision: 1 },
          name: 'Standing committee adopts the personnel plan',
          role: 'standing-committee',
          bodyId: demoIds.standingCommittee,
          dueDate: '2025-03-17',
          decision: 'approval',
          subjectIds: [],
        },
      },
    ]);
  });

  it('rejects a list whose surplus is over 30%', () => {
    given([])
      .when({
        ...draft,
        data: { ...draft.data, plan: { ...plan, candidateIds: Array.from({ length: 63 }, (_, i) => `p${i}`) } },
      })
      .then(ValidationError, 'VALIDATION');
  });

  it('cannot be launched twice', () => {
    given(launched).when(draft).then(ConflictError, 'CONFLICT');
  });

  it('the standing committee adopts; the drafter cannot (four-eyes)', () => {
    given(launched)
      .when(decide('adoption-1', { kind: 'approve' }))
      .then([
        { type: 'PlanAdopted', data: { revision: 1 } },
        { type: 'StepClosed', data: { stepId: 'adoption-1', outcome: 'approved' } },
      ]);
    given(launched)
      .when(
        decide(
          'adoption-1',
          { kind: 'approve' },
          { ...actors.organizationOfficer, role: 'standing-committee', bodyId: demoIds.standingCommittee },
        ),
      )
      .then(NotAllowedError, 'NOT_ALLOWED');
  });

  it('only the role and body named by the step may decide it', () => {
    given(launched)
      .when(decide('adoption-1', { kind: 'approve' }, actors.inspector))
      .then(NotAllowedError);
  });

  it('cannot be submitted before adoption', () => {
    given(launched).when(submit).then(IllegalTransitionError, 'ILLEGAL_TRANSITION');
  });

  it('goes DRAFT → ADOPTED → SUBMITTED → RETURNED → SUBMITTED → APPROVED → CONSUMED', () => {
    const { events, state } = runAll(
      personnelPlanDecider,
      [
        decide('adoption-1', { kind: 'approve' }),
        submit,
        decide(
          'review-1',
          { kind: 'return', reason: 'Add one more woman to the standing committee' },
          actors.politburo,
        ),
        {
          type: 'RevisePlan',
          data: { plan: { ...plan, standards: [...plan.standards, 'Two women in the BTV'] } },
          actor: actors.organizationOfficer,
          now,
        },
        submit,
        decide('review-2', { kind: 'approve' }, actors.politburo),
        { type: 'ConsumePlan', data: { byProcedureId: 'election-bn-2025' }, actor: actors.organizationOfficer, now },
      ],
      launched,
    );
    expect(events.map((e) => e.type)).toEqual([
      'ProcedureLaunched',
      'PlanDrafted',
      'StepOpened',
      'PlanAdopted',
      'StepClosed',
      'PlanSubmitted',
      'StepOpened',
      'PlanReturned',
      'StepClosed',
      'PlanDrafted',
      'PlanSubmitted',
      'StepOpened',
      'PlanApproved',
      'StepClosed',
      'PlanConsumed',
      'ProcedureCompleted',
    ]);
    expect(state.status).toBe('CONSUMED');
    expect(state.revision).toBe(2);
    expect(events.find((e) => e.type === 'StepOpened' && e.data.stepId === 'review-1')).toMatchObject({
      data: { role: 'politburo', bodyId: demoIds.politburo },
    });
  });

  it('a return needs a reason', () => {
    const submitted = runAll(
      personnelPlanDecider,
      [decide('adoption-1', { kind: 'approve' }), submit],
      launched,
    ).events;
    given(submitted)
      .when(decide('review-1', { kind: 'return', reason: ' ' }, actors.politburo))
      .then(ValidationError);
  });

  it('raises DeadlineBreached and Escalated once when a step is left past its due date', () => {
    const late: PersonnelPlanCommand = {
      type: 'CheckDeadlines',
      data: {},
      actor: actors.system,
      now: '2025-03-18T00:00:01Z',
    };
    given(launched)
      .when(late)
      .then([
        {
          type: 'DeadlineBreached',
          data: { stepId: 'adoption-1', dueDate: '2025-03-17', detectedAt: '2025-03-18T00:00:01Z' },
        },
        { type: 'Escalated', data: { stepId: 'adoption-1', dueDate: '2025-03-17', toBodyId: demoIds.politburo } },
      ]);
    // Due dates end at midnight in Hà Nội (UTC+7).
    given(launched)
      .when({ ...late, now: '2025-03-17T16:59:59Z' })
      .then([]);
    given(launched)
      .when({ ...late, now: '2025-03-17T17:00:00Z' })
      .thenIncludes([
        {
          type: 'DeadlineBreached',
          data: { stepId: 'adoption-1', dueDate: '2025-03-17', detectedAt: '2025-03-17T17:00:00Z' },
        },
      ]);
    const escalated = runAll(personnelPlanDecider, [late], launched).events;
    given(escalated).when(late).then([]);
  });

  it('records why a procedure is withdrawn, and nothing happens after', () => {
    const withdraw: PersonnelPlanCommand = {
      type: 'WithdrawProcedure',
      data: { reason: 'Merged provinces: a new plan is drafted' },
      actor: actors.secondOfficer,
      now,
    };
    given(launched)
      .when(withdraw)
      .then([
        {
          type: 'ProcedureWithdrawn',
          data: { reason: 'Merged provinces: a new plan is drafted', openStepIds: ['adoption-1'] },
        },
      ]);
    const withdrawn = runAll(personnelPlanDecider, [withdraw], launched).events;
    given(withdrawn)
      .when(decide('adoption-1', { kind: 'approve' }))
      .then(IllegalTransitionError);
    given(launched)
      .when({ ...withdraw, actor: actors.standingMember })
      .then(NotAllowedError);
  });

  it('a rejected draft ends the procedure', () => {
    given(launched)
      .when(decide('adoption-1', { kind: 'reject', reason: 'Structure conflicts with the merger decision' }))
      .then([
        {
          type: 'PlanRejected',
          data: { revision: 1, stepId: 'adoption-1', reason: 'Structure conflicts with the merger decision' },
        },
        { type: 'StepClosed', data: { stepId: 'adoption-1', outcome: 'rejected' } },
        { type: 'ProcedureCompleted', data: { outcome: 'rejected', personIds: [] } },
      ]);
  });

  it('a draft sent back by the standing committee is revised and put to it again', () => {
    const { events, state } = runAll(
      personnelPlanDecider,
      [
        decide('adoption-1', { kind: 'return', reason: 'Fewer deputy secretaries' }),
        {
          type: 'RevisePlan',
          data: { plan: { ...plan, deputySecretaries: 2 } },
          actor: actors.organizationOfficer,
          now,
        },
      ],
      launched,
    );
    expect(events.slice(-2).map((e) => e.type)).toEqual(['PlanDrafted', 'StepOpened']);
    expect(Object.keys(state.core.openSteps)).toEqual(['adoption-2']);
    expect(state.plan?.deputySecretaries).toBe(2);
  });

  it('refuses commands before launch with a clear transition error', () => {
    given([]).when(submit).then(IllegalTransitionError);
    given([])
      .when({
        type: 'RecordDossierAccess',
        data: { dossierId: 'd', subjectId: 's', classification: 'secret', purpose: 'check' },
        actor: actors.organizationOfficer,
        now,
      })
      .then(IllegalTransitionError);
  });
});
