import {
  type Actor,
  createIntroductionDecider,
  demoIds,
  type ElectionCommand,
  electionDecider,
  type ElectionEvent,
  type IntroductionCommand,
  introductionDecider,
  itemsToDecide,
  type IntroductionEvent,
  RecusedError,
  rulebook2020to2025,
  type StepDecision,
  rulebook2025to2030,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, allValid, meeting } from './demo-actors.fixture';

const now = '2025-05-05T08:00:00Z';
const deputy1: Actor = { personId: 'person/bn-02', role: 'standing-committee', bodyId: demoIds.standingCommittee };
const deputy2: Actor = { ...deputy1, personId: 'person/bn-03' };
/** bn-12's spouse, bn-40, is on the list. */
const spouseOfCandidate: Actor = { ...deputy1, personId: 'person/bn-12' };
const outsider: Actor = { ...deputy1, personId: 'person/bn-ot-09' };

const launch: IntroductionCommand = {
  type: 'LaunchIntroduction',
  data: {
    procedureId: 'intro-recusal',
    organisationId: demoIds.province,
    congressDate: '2025-10-15',
    standingCommitteeId: demoIds.standingCommittee,
    executiveCommitteeId: demoIds.executiveCommittee,
    keyCadresConferenceId: demoIds.keyCadresConference,
    inspectionCommitteeId: demoIds.inspectionCommittee,
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: [
      { personId: 'person/bn-02', track: 're-election', birthDate: '1975-01-01', gender: 'male', relativeIds: [] },
      { personId: 'person/bn-03', track: 're-election', birthDate: '1975-01-01', gender: 'male', relativeIds: [] },
      {
        personId: 'person/bn-40',
        track: 're-election',
        birthDate: '1976-01-01',
        gender: 'female',
        relativeIds: ['person/bn-12'],
      },
      { personId: 'person/bn-41', track: 're-election', birthDate: '1977-01-01', gender: 'male', relativeIds: [] },
    ],
  },
  actor: actors.organizationOfficer,
  now,
};
const approve = (actor: Actor, stepId = 're-election/1'): IntroductionCommand => ({
  type: 'DecideStep',
  data: { stepId, decision: { kind: 'approve' } },
  actor,
  now,
});
const decideList = (actor: Actor, decision: StepDecision): IntroductionCommand => ({
  type: 'DecideStep',
  data: { stepId: 're-election/1', decision },
  actor,
  now,
});
const launched: IntroductionEvent[] = introductionDecider.decide(launch, introductionDecider.initialState());
const given = deciderSpec(introductionDecider);

describe('recusal on list steps (rulebook recusal.listSteps = per-item)', () => {
  it('is the rule of both shipped rulebooks', () => {
    expect([rulebook2020to2025.recusal, rulebook2025to2030.recusal]).toEqual([
      { listSteps: 'per-item' },
      { listSteps: 'per-item' },
    ]);
  });

  it('a member on the list decides the others and stands aside on himself; the step stays open', () => {
    given(launched)
      .when(approve(deputy1))
      .then([
        {
          type: 'RecusalRecorded',
          data: {
            stepId: 're-election/1',
            personId: 'person/bn-02',
            items: [{ subjectId: 'person/bn-02', ground: 'SELF' }],
          },
        },
        {
          type: 'StepItemsDecided',
          data: {
            stepId: 're-election/1',
            deciderId: 'person/bn-02',
            personIds: ['person/bn-03', 'person/bn-40', 'person/bn-41'],
            outcome: 'approved',
          },
        },
      ]);
  });

  it('another member decides the item left, and the step closes with the whole list approved', () => {
    const { events, state } = runAll(introductionDecider, [approve(deputy1), approve(deputy2)], launched);
    expect(events.slice(-4, -1)).toEqual([
      {
        type: 'StepItemsDecided',
        data: { stepId: 're-election/1', deciderId: 'person/bn-03', personIds: ['person/bn-02'], outcome: 'approved' },
      },
      {
        type: 'ListApproved',
        data: { stepId: 're-election/1', personIds: ['person/bn-02', 'person/bn-03', 'person/bn-40', 'person/bn-41'] },
      },
      { type: 'StepClosed', data: { stepId: 're-election/1', outcome: 'approved' } },
    ]);
    expect(state.core.openSteps['re-election/2']).toMatchObject({ kind: 'introduction-step', params: { step: 2 } });
  });

  it('refuses bn12 on his spouse’s item when it is all that is left, with RECUSED_RELATIVE', () => {
    const leftWithSpouse = runAll(
      introductionDecider,
      [
        { ...approve(spouseOfCandidate) },
        // bn-12 decided everyone but his spouse; bn-02 decides nothing more than what is left: bn-40.
      ],
      launched,
    );
    expect(leftWithSpouse.state.core.openSteps['re-election/1']?.items).toEqual({
      'person/bn-02': { by: 'person/bn-12', outcome: 'approved' },
      'person/bn-03': { by: 'person/bn-12', outcome: 'approved' },
      'person/bn-41': { by: 'person/bn-12', outcome: 'approved' },
    });
    let thrown: unknown = null;
    try {
      introductionDecider.decide(approve(spouseOfCandidate), leftWithSpouse.state);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RecusedError);
    expect(thrown).toMatchObject({
      code: 'RECUSED',
      errorCode: 'RECUSED_RELATIVE',
      params: { actorId: 'person/bn-12', subjectId: 'person/bn-40' },
    });
    given(leftWithSpouse.events)
      .when(approve(deputy1))
      .thenIncludes([{ type: 'StepClosed', data: { stepId: 're-election/1', outcome: 'approved' } }]);
  });

  it('a member on the list rejects only the items he may decide, and may not return the whole list', () => {
    const rejected = given(launched)
      .when(decideList(deputy1, { kind: 'reject', reason: 'Weak record' }))
      .result();
    expect(rejected.events.filter((e) => e.type === 'CandidateDropped').map((e) => e.data.personId)).toEqual([
      'person/bn-03',
      'person/bn-40',
      'person/bn-41',
    ]);
    expect(rejected.state.core.openSteps['re-election/1']).toBeDefined();
    given(launched)
      .when(decideList(deputy1, { kind: 'return', reason: 'Redo' }))
      .then(RecusedError, 'RECUSED');
  });

  it('the standing committee drops a candidate only where it is not recused', () => {
    given(launched)
      .when({
        type: 'DropCandidate',
        data: { stepId: 're-election/1', personId: 'person/bn-40', reason: 'Conflict' },
        actor: spouseOfCandidate,
        now,
      })
      .then(RecusedError, 'RECUSED');
  });

  it('under a whole-step rulebook a member concerned by any item may not decide the list', () => {
    const wholeStep = { ...rulebook2025to2030, recusal: { listSteps: 'whole-step' as const } };
    const decider = createIntroductionDecider([rulebook2020to2025, wholeStep]);
    const history = decider.decide(launch, decider.initialState());
    deciderSpec(decider)(history).when(approve(deputy1)).then(RecusedError, 'RECUSED');
    deciderSpec(decider)(history)
      .when(approve(outsider))
      .thenIncludes([{ type: 'StepClosed', data: { stepId: 're-election/1', outcome: 'approved' } }]);
  });

  describe('meeting tallies (steps 2–5)', () => {
    const clerk1: Actor = { ...deputy1, role: 'key-cadres-conference', bodyId: demoIds.keyCadresConference };
    const clerk2: Actor = { ...clerk1, personId: 'person/bn-03' };
    const atStep2 = runAll(introductionDecider, [approve(outsider)], launched).events;
    const record = (actor: Actor, tallies: Record<string, number>, present = 100): IntroductionCommand => ({
      type: 'RecordTally',
      data: { stepId: 're-election/2', tally: meeting(100, tallies, present) },
      actor,
      now,
    });

    it('a recorder on the list records the meeting and the others’ votes; another records his', () => {
      const part = runAll(
        introductionDecider,
        [record(clerk1, { 'person/bn-03': 70, 'person/bn-40': 40, 'person/bn-41': 90 })],
        atStep2,
      );
      expect(part.events.slice(atStep2.length)).toEqual([
        {
          type: 'RecusalRecorded',
          data: {
            stepId: 're-election/2',
            personId: 'person/bn-02',
            items: [{ subjectId: 'person/bn-02', ground: 'SELF' }],
          },
        },
        {
          type: 'StepItemsDecided',
          data: {
            stepId: 're-election/2',
            deciderId: 'person/bn-02',
            personIds: ['person/bn-03', 'person/bn-40', 'person/bn-41'],
            outcome: 'recorded',
            figures: { summoned: 100, present: 100, ballots: allValid(100) },
            votes: { 'person/bn-03': 70, 'person/bn-40': 40, 'person/bn-41': 90 },
          },
        },
      ]);
      const done = given(part.events)
        .when(record(clerk2, { 'person/bn-02': 80 }))
        .result().events;
      expect(done).toContainEqual({
        type: 'TallyRecorded',
        data: {
          stepId: 're-election/2',
          tallies: { 'person/bn-02': 80, 'person/bn-03': 70, 'person/bn-40': 40, 'person/bn-41': 90 },
        },
      });
      expect(done).toContainEqual(
        expect.objectContaining({
          type: 'ThresholdEvaluated',
          data: expect.objectContaining({ personId: 'person/bn-40', votes: 40, passed: false }) as unknown,
        }),
      );
      expect(done).toContainEqual({ type: 'StepClosed', data: { stepId: 're-election/2', outcome: 'recorded' } });

      given(part.events)
        .when(record(clerk2, { 'person/bn-02': 80 }, 90))
        .then(ValidationError, 'VALIDATION');
    });

    it('a candidate who withdraws while the step is split is left out of the rest of it', () => {
      const part = runAll(
        introductionDecider,
        [
          record(clerk1, { 'person/bn-03': 70, 'person/bn-40': 60, 'person/bn-41': 90 }),
          {
            type: 'WithdrawCandidacy',
            data: { personId: 'person/bn-41', reason: 'Health' },
            actor: { ...clerk1, personId: 'person/bn-41' },
            now,
          },
        ],
        atStep2,
      );
      const done = given(part.events)
        .when(record(clerk2, { 'person/bn-02': 80 }))
        .result().events;
      expect(done).toContainEqual({
        type: 'TallyRecorded',
        data: { stepId: 're-election/2', tallies: { 'person/bn-02': 80, 'person/bn-03': 70, 'person/bn-40': 60 } },
      });
    });

    it('refuses a recorder who enters the votes about himself', () => {
      let thrown: unknown = null;
      try {
        introductionDecider.decide(
          record(clerk1, { 'person/bn-02': 99, 'person/bn-03': 70, 'person/bn-40': 40, 'person/bn-41': 90 }),
          runAll(introductionDecider, [], atStep2).state,
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ errorCode: 'RECUSED_SELF', params: { subjectId: 'person/bn-02' } });
    });
  });

  describe('election rounds', () => {
    const board: Actor = { personId: 'person/bn-02', role: 'counting-board', bodyId: demoIds.provincialCongress };
    const board2: Actor = { ...board, personId: 'person/bn-03' };
    const electionLaunch: ElectionCommand = {
      type: 'LaunchElection',
      data: {
        procedureId: 'election-recusal',
        congressId: demoIds.provincialCongress,
        electedBodyId: demoIds.executiveCommittee,
        level: 'province',
        congressDate: '2025-10-15',
        seats: 2,
        presidiumId: demoIds.provincialCongress,
        countingBoardId: demoIds.provincialCongress,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
        candidates: ['person/bn-02', 'person/bn-03', 'person/bn-41'].map((personId) => ({
          personId,
          relativeIds: [],
          source: 'plan' as const,
          delegate: true,
        })),
      },
      actor: actors.organizationOfficer,
      now: '2025-10-15T08:00:00Z',
    };
    const electionLaunched: ElectionEvent[] = electionDecider.decide(electionLaunch, electionDecider.initialState());
    const voting = runAll(
      electionDecider,
      [
        {
          type: 'DecideStep',
          data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
          actor: { ...board, role: 'congress-presidium' },
          now: '2025-10-15T08:00:00Z',
        },
      ],
      electionLaunched,
    ).events;
    const attendance = {
      kind: 'delegates' as const,
      delegatesConvened: 200,
      conveningCommitteeAbsentThroughout: 0,
      delegatesAbsentWithoutAlternate: 0,
      present: 190,
    };
    const roundTally = (actor: Actor, tallies: Record<string, number>): ElectionCommand => ({
      type: 'RecordRoundTally',
      data: { round: 1, attendance, ballots: allValid(180), tallies },
      actor,
      now: '2025-10-15T10:00:00Z',
    });

    it('a counting-board member on the list records the others’ votes; another member records his', () => {
      const part = runAll(electionDecider, [roundTally(board, { 'person/bn-03': 130, 'person/bn-41': 40 })], voting);
      expect(part.events.slice(voting.length).map((e) => e.type)).toEqual(['RecusalRecorded', 'StepItemsDecided']);
      const done = deciderSpec(electionDecider)(part.events)
        .when(roundTally(board2, { 'person/bn-02': 150 }))
        .result();
      expect(done.state.elected).toEqual(['person/bn-02', 'person/bn-03']);
      expect(done.events).toContainEqual({
        type: 'TallyRecorded',
        data: { stepId: 'round-1', tallies: { 'person/bn-02': 150, 'person/bn-03': 130, 'person/bn-41': 40 } },
      });
      expect(done.state.core.openSteps.ratification).toMatchObject({ kind: 'election-ratification' });
    });
  });
});

describe('itemsToDecide (what a queue shows a member before deciding)', () => {
  const concerned = [
    { personId: 'person/bn-02', relativeIds: [] },
    { personId: 'person/bn-40', relativeIds: ['person/bn-12'] },
    { personId: 'person/bn-41', relativeIds: [] },
  ];

  it('gives the people the member may decide and those he stands aside on, leaving out those decided', () => {
    expect(itemsToDecide('person/bn-12', concerned, ['person/bn-41'])).toEqual({
      mine: ['person/bn-02'],
      stoodAside: [{ subjectId: 'person/bn-40', ground: 'RELATIVE' }],
    });
    expect(itemsToDecide('person/bn-12', concerned, ['person/bn-02', 'person/bn-41']).mine).toEqual([]);
  });
});
