import {
  type Actor,
  demoIds,
  IllegalTransitionError,
  type IntroductionCommand,
  type IntroductionEvent,
  introductionDecider,
  type MeetingTally,
  NotAllowedError,
  RecusedError,
  type StepDecision,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, meeting } from './demo-actors.fixture';

const given = deciderSpec(introductionDecider);
const now = '2025-05-05T08:00:00Z';

const launch: IntroductionCommand = {
  type: 'LaunchIntroduction',
  data: {
    procedureId: 'intro-bn-2025',
    organisationId: demoIds.province,
    congressDate: '2025-10-15',
    standingCommitteeId: demoIds.standingCommittee,
    executiveCommitteeId: demoIds.executiveCommittee,
    keyCadresConferenceId: demoIds.keyCadresConference,
    inspectionCommitteeId: demoIds.inspectionCommittee,
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: [
      { personId: 'r1', track: 're-election', birthDate: '1970-01-01', gender: 'male', relativeIds: [] },
      { personId: 'r2', track: 're-election', birthDate: '1967', gender: 'male', relativeIds: [] },
      {
        personId: 'r3',
        track: 're-election',
        birthDate: '1975-03-03',
        gender: 'female',
        relativeIds: [actors.conferenceClerk.personId],
      },
      { personId: 'f1', track: 'first-time', birthDate: '1985-05-05', gender: 'male', relativeIds: [] },
      { personId: 'f2', track: 'first-time', birthDate: '1988', gender: 'female', relativeIds: [] },
    ],
  },
  actor: actors.organizationOfficer,
  now,
};

const decideStep = (
  stepId: string,
  decision: StepDecision,
  actor: Actor = actors.standingMember,
): IntroductionCommand => ({
  type: 'DecideStep',
  data: { stepId, decision },
  actor,
  now,
});
const tally = (stepId: string, result: MeetingTally, actor: Actor): IntroductionCommand => ({
  type: 'RecordTally',
  data: { stepId, tally: result },
  actor,
  now,
});

const launched: IntroductionEvent[] = introductionDecider.decide(launch, introductionDecider.initialState());
const throughStep2 = runAll(
  introductionDecider,
  [
    decideStep('re-election/1', { kind: 'approve' }),
    tally('re-election/2', meeting(100, { r1: 60, r3: 40 }, 80), actors.conferenceRecorder),
  ],
  launched,
);

describe('procedure B: five-step introduction', () => {
  it('launch drops a re-election candidate short of 48 months (birth year alone counts from 1 January)', () => {
    expect(launched).toContainEqual({
      type: 'CandidateDropped',
      data: {
        personId: 'r2',
        step: 'eligibility',
        reason:
          '38 months of service left at the congress (retires 2029-01-01); re-election needs 48 under rulebook/2025-2030@2025-04-14',
        reasonCode: 'age-ineligible',
        params: { track: 're-election' },
      },
    });
    expect(launched.at(-1)).toMatchObject({
      type: 'StepOpened',
      data: { stepId: 're-election/1', role: 'standing-committee', decision: 'approval', subjectIds: ['r1', 'r3'] },
    });
  });

  it('step 1: the standing committee approves the list and step 2 opens for the key-cadres conference', () => {
    given(launched)
      .when(decideStep('re-election/1', { kind: 'approve' }))
      .thenIncludes([
        { type: 'ListApproved', data: { stepId: 're-election/1', personIds: ['r1', 'r3'] } },
        { type: 'StepClosed', data: { stepId: 're-election/1', outcome: 'approved' } },
      ]);
    const { state } = given(launched)
      .when(decideStep('re-election/1', { kind: 'approve' }))
      .result();
    expect(state.core.openSteps['re-election/2']).toMatchObject({ role: 'key-cadres-conference', decision: 'tally' });
  });

  it('step 1: a step takes approvals, not tallies, and the launcher cannot approve', () => {
    given(launched)
      .when(tally('re-election/1', meeting(15, { r1: 10, r3: 10 }), actors.standingMember))
      .then(IllegalTransitionError);
    given(launched)
      .when(
        decideStep(
          're-election/1',
          { kind: 'approve' },
          { ...actors.organizationOfficer, role: 'standing-committee', bodyId: demoIds.standingCommittee },
        ),
      )
      .then(NotAllowedError, 'NOT_ALLOWED');
  });

  it('step 2 counts for reference only (configured): a candidate below half is evaluated but not dropped', () => {
    const step2 = throughStep2.events.filter((e) => e.type === 'ThresholdEvaluated');
    expect(step2).toEqual([
      {
        type: 'ThresholdEvaluated',
        data: {
          stepId: 're-election/2',
          personId: 'r1',
          base: 100,
          votes: 60,
          required: 51,
          passed: true,
          referenceOnly: true,
        },
      },
      {
        type: 'ThresholdEvaluated',
        data: {
          stepId: 're-election/2',
          personId: 'r3',
          base: 100,
          votes: 40,
          required: 51,
          passed: false,
          referenceOnly: true,
        },
      },
    ]);
    expect(throughStep2.state.current).toEqual({ track: 're-election', step: 3, attempt: 1 });
  });

  it('the conference clerk who is a relative of a candidate is recused from recording', () => {
    const atStep2 = runAll(introductionDecider, [decideStep('re-election/1', { kind: 'approve' })], launched).events;
    given(atStep2)
      .when(tally('re-election/2', meeting(100, { r1: 60, r3: 40 }), actors.conferenceClerk))
      .then(RecusedError, 'RECUSED');
  });

  it('step 3: quorum at exactly 2/3 of those summoned passes, just under fails and keeps the step open', () => {
    given(throughStep2.events)
      .when(tally('re-election/3', meeting(48, { r1: 30, r3: 30 }, 31), actors.executiveSecretary))
      .then([
        { type: 'MeetingConvened', data: { stepId: 're-election/3', summoned: 48, present: 31 } },
        { type: 'QuorumFailed', data: { stepId: 're-election/3', summoned: 48, present: 31, required: 32 } },
      ]);
    const quorate = given(throughStep2.events)
      .when(tally('re-election/3', meeting(48, { r1: 30, r3: 30 }, 32), actors.executiveSecretary))
      .result();
    expect(quorate.state.current?.step).toBe(4);
  });

  it('step 3: exactly 50% of the number convened fails and the candidate is dropped', () => {
    given(throughStep2.events)
      .when(tally('re-election/3', meeting(48, { r1: 25, r3: 24 }, 45), actors.executiveSecretary))
      .thenIncludes([
        {
          type: 'ThresholdEvaluated',
          data: {
            stepId: 're-election/3',
            personId: 'r1',
            base: 48,
            votes: 25,
            required: 25,
            passed: true,
            referenceOnly: false,
          },
        },
        {
          type: 'ThresholdEvaluated',
          data: {
            stepId: 're-election/3',
            personId: 'r3',
            base: 48,
            votes: 24,
            required: 25,
            passed: false,
            referenceOnly: false,
          },
        },
        {
          type: 'CandidateDropped',
          data: {
            personId: 'r3',
            step: 're-election/3',
            reason: '24 of 48 votes; more than half needs 25',
            reasonCode: 'threshold-not-reached',
            params: { votes: 24, base: 48, required: 25 },
          },
        },
        { type: 'StepClosed', data: { stepId: 're-election/3', outcome: 'recorded' } },
      ]);
  });

  it('rejects a tally that leaves out a candidate', () => {
    given(throughStep2.events)
      .when(tally('re-election/3', meeting(48, { r1: 30 }), actors.executiveSecretary))
      .then(ValidationError);
  });

  it('runs the re-election track, then the first-time track, with a verification at step 5 and an escalation', () => {
    const { events, state } = runAll(
      introductionDecider,
      [
        tally('re-election/3', meeting(48, { r1: 30, r3: 30 }), actors.executiveSecretary),
        tally('re-election/4', meeting(15, { r1: 10, r3: 9 }), actors.standingMember),
        {
          type: 'RaiseNewIssue',
          data: { personId: 'r3', issue: 'A new denunciation about land use' },
          actor: actors.standingMember,
          now,
        },
        decideStep('verification-1', { kind: 'approve' }, actors.inspector),
        tally('re-election/5#2', meeting(48, { r1: 40, r3: 30 }), actors.executiveSecretary),
        decideStep('first-time/1', { kind: 'approve' }),
        {
          type: 'EscalateDisagreement',
          data: { reason: 'BTV and BCH disagree on f2' },
          actor: actors.executiveSecretary,
          now,
        },
        decideStep('higher-opinion-2', { kind: 'approve', note: 'Keep both on the list' }, actors.politburo),
        tally('first-time/2#2', meeting(100, { f1: 70, f2: 20 }), actors.conferenceRecorder),
        tally('first-time/3', meeting(48, { f1: 30, f2: 20 }), actors.executiveSecretary),
        tally('first-time/4', meeting(15, { f1: 12 }), actors.standingMember),
        tally('first-time/5', meeting(48, { f1: 33 }), actors.executiveSecretary),
      ],
      throughStep2.events,
    );
    const types = events.map((e) => e.type);
    expect(types).toContain('VettingRequested');
    expect(events).toContainEqual({
      type: 'VettingConcluded',
      data: { personId: 'r3', kind: 'verification', outcome: 'CLEARED', reason: null },
    });
    expect(events).toContainEqual({ type: 'TrackCompleted', data: { track: 're-election', personIds: ['r1', 'r3'] } });
    expect(events).toContainEqual({
      type: 'EscalatedToHigherLevel',
      data: { toBodyId: demoIds.politburo, reason: 'BTV and BCH disagree on f2', heldStepId: 'first-time/2' },
    });
    expect(events).toContainEqual({
      type: 'HigherOpinionReceived',
      data: { stepId: 'higher-opinion-2', opinion: 'Keep both on the list' },
    });
    expect(events).toContainEqual({
      type: 'CandidateDropped',
      data: {
        personId: 'f2',
        step: 'first-time/3',
        reason: '20 of 48 votes; more than half needs 25',
        reasonCode: 'threshold-not-reached',
        params: { votes: 20, base: 48, required: 25 },
      },
    });
    expect(events.at(-1)).toEqual({
      type: 'ProcedureCompleted',
      data: { outcome: 'introduced', personIds: ['r1', 'r3', 'f1'] },
    });
    expect(state.status).toBe('COMPLETED');
  });

  it('a blocked verification drops the candidate and step 5 runs again for the rest', () => {
    const atStep5 = runAll(
      introductionDecider,
      [
        tally('re-election/3', meeting(48, { r1: 30, r3: 30 }), actors.executiveSecretary),
        tally('re-election/4', meeting(15, { r1: 10, r3: 9 }), actors.standingMember),
        {
          type: 'RaiseNewIssue',
          data: { personId: 'r3', issue: 'Undeclared asset' },
          actor: actors.standingMember,
          now,
        },
      ],
      throughStep2.events,
    ).events;
    given(atStep5)
      .when(tally('re-election/5', meeting(48, { r1: 30, r3: 30 }), actors.executiveSecretary))
      .then(IllegalTransitionError);
    given(atStep5)
      .when(decideStep('verification-1', { kind: 'reject', reason: 'Asset not declared' }, actors.inspector))
      .thenIncludes([
        {
          type: 'VettingConcluded',
          data: { personId: 'r3', kind: 'verification', outcome: 'BLOCKED', reason: 'Asset not declared' },
        },
        { type: 'CandidateDropped', data: { personId: 'r3', step: 're-election/5', reason: 'Asset not declared' } },
      ]);
    const { state } = given(atStep5)
      .when(decideStep('verification-1', { kind: 'reject', reason: 'Asset not declared' }, actors.inspector))
      .result();
    expect(state.core.openSteps['re-election/5#2']?.subjectIds).toEqual(['r1']);
  });

  it('keeps the rulebook recorded at launch', () => {
    const under2020 = introductionDecider.decide(
      { ...launch, now: '2024-06-13T08:00:00Z', data: { ...launch.data, congressDate: '2025-01-15' } },
      introductionDecider.initialState(),
    );
    expect(under2020[0]).toMatchObject({
      type: 'ProcedureLaunched',
      data: { rulebookId: 'rulebook/2020-2025@2023-07-11' },
    });
    const { state } = runAll(introductionDecider, [decideStep('re-election/1', { kind: 'approve' })], under2020);
    expect(state.core.rulebookId).toBe('rulebook/2020-2025@2023-07-11');
  });

  it('whoever declares a conflict about a candidate is recused from that candidate’s steps', () => {
    const declared = runAll(
      introductionDecider,
      [
        {
          type: 'DeclareConflict',
          data: { subjectId: 'r1', description: 'Former business partner' },
          actor: actors.standingMember,
          now,
        },
      ],
      launched,
    ).events;
    expect(declared.at(-1)).toEqual({
      type: 'ConflictDeclared',
      data: { personId: actors.standingMember.personId, subjectId: 'r1', description: 'Former business partner' },
    });
    const partly = runAll(introductionDecider, [decideStep('re-election/1', { kind: 'approve' })], declared);
    expect(partly.events.slice(declared.length)).toEqual([
      {
        type: 'RecusalRecorded',
        data: {
          stepId: 're-election/1',
          personId: actors.standingMember.personId,
          items: [{ subjectId: 'r1', ground: 'DECLARED_CONFLICT' }],
        },
      },
      {
        type: 'StepItemsDecided',
        data: {
          stepId: 're-election/1',
          deciderId: actors.standingMember.personId,
          personIds: ['r3'],
          outcome: 'approved',
        },
      },
    ]);
    given(partly.events)
      .when(decideStep('re-election/1', { kind: 'approve' }))
      .then(RecusedError, 'RECUSED');
    given(partly.events)
      .when(decideStep('re-election/1', { kind: 'approve' }, { ...actors.standingMember, personId: 'person/bn-07' }))
      .thenIncludes([{ type: 'ListApproved', data: { stepId: 're-election/1', personIds: ['r1', 'r3'] } }]);
  });

  it('when the last candidates of a track withdraw, its open step closes and the procedure moves on', () => {
    const atFirstTime = runAll(
      introductionDecider,
      [decideStep('re-election/1', { kind: 'reject', reason: 'The list is to be rebuilt from the succession pool' })],
      launched,
    );
    expect(atFirstTime.state.current).toEqual({ track: 'first-time', step: 1, attempt: 1 });
    const withdraw = (personId: string): IntroductionCommand => ({
      type: 'WithdrawCandidacy',
      data: { personId, reason: 'Asked to step aside' },
      actor: { ...actors.standingMember, personId },
      now,
    });
    const { events, state } = runAll(introductionDecider, [withdraw('f1'), withdraw('f2')], atFirstTime.events);
    expect(events.slice(-4)).toEqual([
      { type: 'CandidateWithdrew', data: { personId: 'f2', reason: 'Asked to step aside' } },
      { type: 'StepClosed', data: { stepId: 'first-time/1', outcome: 'cancelled' } },
      { type: 'TrackCompleted', data: { track: 'first-time', personIds: [] } },
      { type: 'ProcedureCompleted', data: { outcome: 'introduced', personIds: [] } },
    ]);
    expect(state.status).toBe('COMPLETED');
    given(atFirstTime.events)
      .when({ ...withdraw('f1'), actor: actors.standingMember })
      .then(NotAllowedError);
  });
});
