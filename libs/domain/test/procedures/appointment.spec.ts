import {
  type Actor,
  type AppointmentCommand,
  type AppointmentEvent,
  appointmentDecider,
  ConflictError,
  demoIds,
  IllegalTransitionError,
  type MeetingTally,
  RecusedError,
  type StepDecision,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, meeting } from './demo-actors.fixture';

const given = deciderSpec(appointmentDecider);
const collectiveId = 'body/bn-finance-leadership';
const member: Actor = { personId: 'person/bn-22', role: 'leadership-collective', bodyId: collectiveId };
const relativeOfX: Actor = { personId: 'person/bn-ot-02', role: 'leadership-collective', bodyId: collectiveId };
const head: Actor = { personId: demoIds.people.financeDirector, role: 'head', bodyId: demoIds.finance };
const unitConference: Actor = {
  personId: 'person/bn-23',
  role: 'key-cadres-conference',
  bodyId: 'body/bn-finance-key-cadres',
};
const secretariat: Actor = { personId: 'person/pb-02', role: 'secretariat', bodyId: 'body/secretariat' };

const launch = (now: string): AppointmentCommand => ({
  type: 'LaunchAppointment',
  data: {
    procedureId: 'appoint-finance-deputy',
    unitId: demoIds.finance,
    leadershipCollectiveId: collectiveId,
    keyCadresConferenceId: 'body/bn-finance-key-cadres',
    higherBodyId: 'body/secretariat',
    higherRole: 'secretariat',
    post: { postId: 'post/bn-finance-deputy', title: 'Phó Giám đốc Sở Tài chính', centralManagement: true },
  },
  actor: actors.organizationOfficer,
  now,
});
const at = '2025-09-05T10:00:00Z';
const step = (stepId: string, decision: StepDecision, actor: Actor): AppointmentCommand => ({
  type: 'DecideStep',
  data: { stepId, decision },
  actor,
  now: at,
});
const tally = (
  stepId: string,
  result: MeetingTally,
  actor: Actor,
  relatives?: Record<string, string[]>,
): AppointmentCommand => ({
  type: 'RecordTally',
  data: { stepId, tally: result, relatives },
  actor,
  now: at,
});

const launched: AppointmentEvent[] = appointmentDecider.decide(
  launch('2025-09-03T08:00:00Z'),
  appointmentDecider.initialState(),
);
const approved = runAll(appointmentDecider, [step('policy', { kind: 'approve' }, secretariat)], launched).events;
const sealed = runAll(
  appointmentDecider,
  [
    step('step-1', { kind: 'approve' }, member),
    tally('step-2', meeting(9, { x: 4, y: 3, z: 2 }), member, { x: ['person/bn-ot-02'] }),
  ],
  approved,
).events;
const disclosed = runAll(
  appointmentDecider,
  [{ type: 'DiscloseResult', data: { stepId: 'step-2' }, actor: member, now: at }],
  sealed,
).events;
const atStep4Done = runAll(
  appointmentDecider,
  [tally('step-3', meeting(9, { x: 6, y: 3 }), member), tally('step-4', meeting(30, { x: 20 }, 25), unitConference)],
  disclosed,
).events;
const programme: AppointmentCommand = {
  type: 'FileActionProgramme',
  data: { personId: 'x', reference: 'CTHĐ-2025-x' },
  actor: { ...member, personId: 'x' },
  now: at,
};
const atStep5 = runAll(appointmentDecider, [programme], atStep4Done).events;

describe('procedure C: appointment from the unit', () => {
  it('starts by asking the higher body to approve the policy', () => {
    expect(launched.map((e) => e.type)).toEqual(['ProcedureLaunched', 'PolicyRequested', 'StepOpened']);
    expect(launched[2]).toMatchObject({ data: { stepId: 'policy', role: 'secretariat', bodyId: 'body/secretariat' } });
  });

  it('policy approval starts a 30-working-day clock for a post under central management (QĐ 80)', () => {
    given(launched)
      .when(step('policy', { kind: 'approve' }, secretariat))
      .thenIncludes([
        {
          type: 'PolicyApproved',
          data: { approvedOn: '2025-09-05', deadlineWorkingDays: 30, completionDueDate: '2025-10-17' },
        },
        { type: 'StepClosed', data: { stepId: 'policy', outcome: 'approved' } },
      ]);
  });

  it('QĐ 80 sets 30 working days from the day it was issued (2022-08-18), within the 2020–2025 cycle', () => {
    const underRegulation80 = appointmentDecider.decide(
      launch('2022-08-18T01:00:00Z'),
      appointmentDecider.initialState(),
    );
    expect(underRegulation80[0]).toMatchObject({ data: { rulebookId: 'rulebook/2020-2025@2022-08-18' } });
    given(underRegulation80)
      .when({ ...step('policy', { kind: 'approve' }, secretariat), now: '2022-08-19T09:00:00Z' })
      .thenIncludes([
        {
          type: 'PolicyApproved',
          // 30 working days from Friday 19/8/2022, past the days off of 1–2/9/2022.
          data: { approvedOn: '2022-08-19', deadlineWorkingDays: 30, completionDueDate: '2022-10-04' },
        },
      ]);
  });

  it('a procedure launched the day before QĐ 80 keeps the 15 working days of QĐ 105 when approved after it', () => {
    const underRegulation105 = appointmentDecider.decide(
      launch('2022-08-17T08:00:00Z'),
      appointmentDecider.initialState(),
    );
    given(underRegulation105)
      .when({ ...step('policy', { kind: 'approve' }, secretariat), now: '2022-08-19T09:00:00Z' })
      .thenIncludes([
        {
          type: 'PolicyApproved',
          data: { approvedOn: '2022-08-19', deadlineWorkingDays: 15, completionDueDate: '2022-09-13' },
        },
      ]);
  });

  it('a procedure that recorded the cycle rulebook before rules were dated keeps it (15 working days)', () => {
    const recorded = launch('2024-06-10T08:00:00Z');
    if (recorded.type !== 'LaunchAppointment') throw new TypeError('a launch');
    const old = appointmentDecider.decide(
      { ...recorded, data: { ...recorded.data, rulebookId: 'rulebook/2020-2025' } },
      appointmentDecider.initialState(),
    );
    given(old)
      .when({ ...step('policy', { kind: 'approve' }, secretariat), now: '2024-06-12T09:00:00Z' })
      .thenIncludes([
        {
          type: 'PolicyApproved',
          data: { approvedOn: '2024-06-12', deadlineWorkingDays: 15, completionDueDate: '2024-07-03' },
        },
      ]);
  });

  it('step 2: nobody over half, so the top two go forward and the result is sealed', () => {
    given(runAll(appointmentDecider, [step('step-1', { kind: 'approve' }, member)], approved).events)
      .when(tally('step-2', meeting(9, { x: 4, y: 3, z: 2 }), member, { x: ['person/bn-ot-02'] }))
      .thenIncludes([
        { type: 'CandidateAdded', data: { personId: 'x', source: 'unit', relativeIds: ['person/bn-ot-02'] } },
        { type: 'CandidateAdded', data: { personId: 'y', source: 'unit', relativeIds: [] } },
        { type: 'ResultSealed', data: { stepId: 'step-2' } },
        { type: 'NominationForwarded', data: { stepId: 'step-2', personIds: ['x', 'y'], rule: 'top-two' } },
      ]);
  });

  it('step 2: a tie for second place is recorded with who went forward and how', () => {
    given(runAll(appointmentDecider, [step('step-1', { kind: 'approve' }, member)], approved).events)
      .when(tally('step-2', meeting(9, { x: 4, z: 2, y: 2 }), member))
      .thenIncludes([
        {
          type: 'TieDetected',
          data: {
            stepId: 'step-2',
            personIds: ['y', 'z'],
            votes: 2,
            places: 1,
            forwarded: ['y'],
            resolvedBy: 'id-order',
          },
        },
        { type: 'NominationForwarded', data: { stepId: 'step-2', personIds: ['x', 'y'], rule: 'top-two' } },
      ]);
  });

  it('step 2: an appointment launched before ties were recorded runs on as recorded', () => {
    const before = approved.map((event) =>
      event.type === 'PolicyRequested' ? { ...event, data: { ...event.data, recordsTies: undefined } } : event,
    );
    const events = runAll(
      appointmentDecider,
      [step('step-1', { kind: 'approve' }, member), tally('step-2', meeting(9, { x: 4, z: 2, y: 2 }), member)],
      before,
    ).events;
    expect(events.map((e) => e.type)).not.toContain('TieDetected');
  });

  it('step 3 waits until the sealed step-2 result is disclosed', () => {
    given(sealed)
      .when(tally('step-3', meeting(9, { x: 6, y: 3 }), member))
      .then(IllegalTransitionError);
    given(disclosed)
      .when(tally('step-3', meeting(9, { x: 6, y: 3 }), member))
      .thenIncludes([
        {
          type: 'CandidateDropped',
          data: { personId: 'y', step: 'step-3', reason: 'not forwarded by the second nomination' },
        },
        { type: 'NominationForwarded', data: { stepId: 'step-3', personIds: ['x'], rule: 'most-votes-and-majority' } },
      ]);
  });

  it("a nominee's relative in the collective is recused from recording", () => {
    given(disclosed)
      .when(tally('step-3', meeting(9, { x: 6, y: 3 }), relativeOfX))
      .then(RecusedError);
  });

  it('step 5 waits for the candidate’s action programme', () => {
    given(atStep4Done)
      .when(tally('step-5', meeting(9, { x: 5 }), member))
      .then(IllegalTransitionError);
    given(atStep4Done)
      .when(programme)
      .then([
        { type: 'ActionProgrammeFiled', data: { personId: 'x', reference: 'CTHĐ-2025-x', filedOn: '2025-09-05' } },
      ]);
    given(atStep5).when(programme).then(ConflictError);
  });

  it('logs every read of a classified dossier, even after the procedure ended', () => {
    const done = runAll(appointmentDecider, [tally('step-5', meeting(9, { x: 5 }), member)], atStep5).events;
    given(done)
      .when({
        type: 'RecordDossierAccess',
        data: {
          dossierId: 'dossier/x',
          subjectId: 'x',
          classification: 'secret',
          purpose: 'Appraisal by the Central Organization Committee',
        },
        actor: secretariat,
        now: at,
      })
      .then([
        {
          type: 'DossierAccessed',
          data: {
            dossierId: 'dossier/x',
            subjectId: 'x',
            classification: 'secret',
            purpose: 'Appraisal by the Central Organization Committee',
            readerId: 'person/pb-02',
          },
        },
      ]);
  });

  it('step 5: more than half of all members puts the candidate forward', () => {
    given(atStep5)
      .when(tally('step-5', meeting(9, { x: 5 }, 8), member))
      .thenIncludes([
        { type: 'CandidateProposed', data: { personId: 'x', votes: 5, base: 9, decidedBy: 'collective' } },
        { type: 'ProcedureCompleted', data: { outcome: 'proposed', personIds: ['x'] } },
      ]);
  });

  it('step 5: exactly half sends the decision to the head', () => {
    const { events, state } = given(atStep5)
      .when(tally('step-5', meeting(8, { x: 4 }), member))
      .result();
    expect(events.at(-1)).toMatchObject({
      type: 'StepOpened',
      data: { stepId: 'head-decision', role: 'head', subjectIds: ['x'] },
    });
    expect(state.status).toBe('AWAITING_HEAD');
    given([...atStep5, ...events])
      .when(step('head-decision', { kind: 'approve' }, head))
      .thenIncludes([{ type: 'CandidateProposed', data: { personId: 'x', votes: 4, base: 8, decidedBy: 'head' } }]);
  });

  it('step 5: under half ends without a candidate', () => {
    given(atStep5)
      .when(tally('step-5', meeting(9, { x: 3 }), member))
      .thenIncludes([{ type: 'ProcedureCompleted', data: { outcome: 'no-candidate', personIds: [] } }]);
  });

  it('a step past the deadline raises DeadlineBreached, and the written explanation is then owed', () => {
    const late = '2025-10-20T08:00:00Z';
    given(atStep5)
      .when({ type: 'FileLateExplanation', data: { explanation: 'Waited for the vetting' }, actor: member, now: late })
      .then(IllegalTransitionError);
    const breached = runAll(
      appointmentDecider,
      [{ type: 'CheckDeadlines', data: {}, actor: actors.system, now: late }],
      atStep5,
    ).events;
    expect(breached.slice(-2)).toEqual([
      { type: 'DeadlineBreached', data: { stepId: 'step-5', dueDate: '2025-10-17', detectedAt: late } },
      { type: 'Escalated', data: { stepId: 'step-5', dueDate: '2025-10-17', toBodyId: 'body/secretariat' } },
    ]);
    given(breached)
      .when({ type: 'FileLateExplanation', data: { explanation: 'Waited for the vetting' }, actor: member, now: late })
      .then([{ type: 'LateExplanationFiled', data: { explanation: 'Waited for the vetting' } }]);
  });

  it('step 1 cannot be returned, only approved or rejected', () => {
    given(approved)
      .when(step('step-1', { kind: 'return', reason: 'redo' }, member))
      .then(ValidationError);
  });
});
