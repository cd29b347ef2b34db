import {
  type Actor,
  type ConfidenceRatings,
  type ConfidenceVoteCommand,
  type ConfidenceVoteEvent,
  confidenceVoteDecider,
  demoIds,
  IllegalTransitionError,
  NotAllowedError,
  RecusedError,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const given = deciderSpec(confidenceVoteDecider);
const now = '2025-03-03T08:00:00Z';
const people = ['person/bn-01', 'person/bn-02', 'person/bn-03'];
const recorder = {
  personId: 'person/bn-10',
  role: 'executive-committee',
  bodyId: demoIds.executiveCommittee,
} satisfies Actor;
const higher = {
  personId: demoIds.people.politburoMember,
  role: 'politburo',
  bodyId: demoIds.politburo,
} satisfies Actor;

const launch: ConfidenceVoteCommand = {
  type: 'LaunchConfidenceVote',
  data: {
    procedureId: 'confidence/bn-2025',
    organisationId: demoIds.province,
    votingBodyId: demoIds.executiveCommittee,
    votingRole: 'executive-committee',
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: people.map((personId) => ({
      personId,
      relativeIds: personId === 'person/bn-03' ? ['person/bn-30'] : [],
    })),
  },
  actor: actors.organizationOfficer,
  now,
};
const launched: ConfidenceVoteEvent[] = confidenceVoteDecider.decide(launch, confidenceVoteDecider.initialState());

const rate = (low: number, votes = 30): ConfidenceRatings => ({ high: votes - low, confidence: 0, low });
const record = (
  ratings: Record<string, ConfidenceRatings>,
  attendance: { summoned: number; present: number } = { summoned: 30, present: 30 },
  actor: Actor = recorder,
): ConfidenceVoteCommand => ({
  type: 'RecordConfidenceVote',
  data: { stepId: 'vote', ...attendance, ratings },
  actor,
  now,
});
const consequences = (events: ConfidenceVoteEvent[]): Record<string, string> =>
  Object.fromEntries(
    events.flatMap((e) => (e.type === 'ConfidenceRated' ? [[e.data.personId, e.data.consequence]] : [])),
  );

describe('confidence vote (lấy phiếu tín nhiệm)', () => {
  it('launch records the people and opens the vote for the voting body', () => {
    expect(launched[0]).toMatchObject({
      type: 'ProcedureLaunched',
      data: {
        kind: 'confidence-vote',
        rulebookId: 'rulebook/2025-2030@2024-11-28',
        launchedBy: actors.organizationOfficer,
      },
    });
    expect(launched.slice(1)).toEqual([
      { type: 'ConfidenceVoteScheduled', data: { personIds: people, votingBodyId: demoIds.executiveCommittee } },
      {
        type: 'StepOpened',
        data: {
          stepId: 'vote',
          kind: 'confidence-vote',
          params: { count: 3 },
          name: 'The voting body records the confidence vote',
          role: 'executive-committee',
          bodyId: demoIds.executiveCommittee,
          dueDate: expect.any(String) as string,
          decision: 'confidence-tally',
          subjectIds: people,
        },
      },
    ]);
  });

  it('refuses a launch by anyone but the Organization Committee, with nobody, or naming someone twice', () => {
    given([])
      .when({ ...launch, actor: actors.standingMember })
      .then(NotAllowedError);
    given([])
      .when({ ...launch, data: { ...launch.data, candidates: [] } })
      .then(ValidationError);
    const twice = {
      ...launch,
      data: { ...launch.data, candidates: [...launch.data.candidates, launch.data.candidates[0]] },
    };
    expect(() => confidenceVoteDecider.decide(twice, confidenceVoteDecider.initialState())).toThrow(
      expect.objectContaining({ errorCode: 'CANDIDATE_LISTED_TWICE' }) as Error,
    );
  });

  it('low over 1/2 and under 2/3 of the votes means review; 2/3 or more dismissal; exactly 1/2 nothing', () => {
    const { events } = given(launched)
      .when(record({ 'person/bn-01': rate(15), 'person/bn-02': rate(16), 'person/bn-03': rate(20) }))
      .result();
    expect(consequences(events)).toEqual({
      'person/bn-01': 'none',
      'person/bn-02': 'review',
      'person/bn-03': 'dismissal',
    });
    expect(events.filter((e) => e.type === 'StepOpened').map((e) => e.data)).toMatchObject([
      {
        stepId: 'follow-up/person/bn-02',
        kind: 'confidence-follow-up',
        params: { consequence: 'review' },
        role: 'politburo',
      },
      { stepId: 'follow-up/person/bn-03', params: { consequence: 'dismissal' }, subjectIds: ['person/bn-03'] },
    ]);
    expect(events.map((e) => e.type)).not.toContain('ProcedureCompleted');
  });

  it('19 of 30 low is review, 20 of 30 dismissal (2/3 is reached exactly)', () => {
    const { events } = given(launched)
      .when(record({ 'person/bn-01': rate(19), 'person/bn-02': rate(20), 'person/bn-03': rate(0) }))
      .result();
    expect(consequences(events)).toEqual({
      'person/bn-01': 'review',
      'person/bn-02': 'dismissal',
      'person/bn-03': 'none',
    });
  });

  it('without a 2/3 quorum records only the meeting and its failure, and the vote stays open', () => {
    const all = { 'person/bn-01': rate(0, 19), 'person/bn-02': rate(0, 19), 'person/bn-03': rate(0, 19) };
    given(launched)
      .when(record(all, { summoned: 30, present: 19 }))
      .then([
        { type: 'MeetingConvened', data: { stepId: 'vote', summoned: 30, present: 19 } },
        { type: 'QuorumFailed', data: { stepId: 'vote', summoned: 30, present: 19, required: 20 } },
      ]);
    const { state } = given(launched)
      .when(record({}, { summoned: 30, present: 19 }))
      .result();
    expect(Object.keys(state.core.openSteps)).toEqual(['vote']);
    expect(state.quorumFailures).toBe(1);
  });

  it('with exactly 2/3 present and everyone rated "none" completes at once', () => {
    const { events, state } = given(launched)
      .when(
        record(
          { 'person/bn-01': rate(1, 20), 'person/bn-02': rate(2, 20), 'person/bn-03': rate(3, 20) },
          { summoned: 30, present: 20 },
          recorder,
        ),
      )
      .result();
    expect(events.at(-1)).toEqual({ type: 'ProcedureCompleted', data: { outcome: 'recorded', personIds: people } });
    expect(state.status).toBe('COMPLETED');
  });

  it('refuses a count that misses someone, names someone else, exceeds those present, or is not whole', () => {
    const code = (command: ConfidenceVoteCommand): string => {
      try {
        confidenceVoteDecider.decide(command, given(launched).state);
        return 'none';
      } catch (error) {
        return (error as ValidationError).errorCode;
      }
    };
    expect(code(record({ 'person/bn-01': rate(0), 'person/bn-02': rate(0) }))).toBe('TALLY_VOTES_MISSING');
    expect(
      code(record({ 'person/bn-01': rate(0), 'person/bn-02': rate(0), 'person/bn-03': rate(0), 'person/x': rate(0) })),
    ).toBe('TALLY_UNKNOWN_CANDIDATE');
    expect(code(record({ 'person/bn-01': rate(0, 31), 'person/bn-02': rate(0), 'person/bn-03': rate(0) }))).toBe(
      'VOTES_OVER_TOTAL',
    );
    expect(
      code(
        record({
          'person/bn-01': { high: 1.5, confidence: 0, low: 0 },
          'person/bn-02': rate(0),
          'person/bn-03': rate(0),
        }),
      ),
    ).toBe('COUNT_INVALID');
    expect(code(record({}, { summoned: 30, present: 31 }))).toBe('PRESENT_OVER_SUMMONED');
  });

  it('a person voted on, or their declared relative, may not record the count; nor the launcher', () => {
    given(launched)
      .when(record({}, undefined, { ...recorder, personId: 'person/bn-02' }))
      .then(RecusedError, 'RECUSED');
    given(launched)
      .when(record({}, undefined, { ...recorder, personId: 'person/bn-30' }))
      .then(RecusedError, 'RECUSED');
    given(launched)
      .when(
        record({}, undefined, {
          ...actors.organizationOfficer,
          role: 'executive-committee',
          bodyId: demoIds.executiveCommittee,
        }),
      )
      .then(NotAllowedError);
  });

  it('the higher body records whether each measure is taken; the last decision completes the procedure', () => {
    const low = record({ 'person/bn-01': rate(0), 'person/bn-02': rate(16), 'person/bn-03': rate(25) });
    const { events: history } = runAll(confidenceVoteDecider, [launch, low]);
    const decideStep = (
      personId: string,
      decision: { kind: 'approve' } | { kind: 'reject' | 'return'; reason: string },
    ) =>
      ({
        type: 'DecideStep',
        data: { stepId: `follow-up/${personId}`, decision },
        actor: higher,
        now,
      }) as ConfidenceVoteCommand;
    given(history)
      .when(decideStep('person/bn-02', { kind: 'reject', reason: 'Kept in post after the review' }))
      .then([
        {
          type: 'ConfidenceConsequenceDecided',
          data: {
            personId: 'person/bn-02',
            consequence: 'review',
            measureTaken: false,
            note: 'Kept in post after the review',
          },
        },
        { type: 'StepClosed', data: { stepId: 'follow-up/person/bn-02', outcome: 'rejected' } },
      ]);
    given(history)
      .when(decideStep('person/bn-02', { kind: 'return', reason: 'x' }))
      .then(ValidationError);
    given(history)
      .when(decideStep('person/bn-02', { kind: 'reject', reason: ' ' }))
      .then(ValidationError);
    given(history)
      .when(decideStep('person/bn-01', { kind: 'approve' }))
      .then(IllegalTransitionError);
    const { events, state } = runAll(
      confidenceVoteDecider,
      [decideStep('person/bn-02', { kind: 'approve' }), decideStep('person/bn-03', { kind: 'approve' })],
      history,
    );
    expect(events.at(-1)).toEqual({ type: 'ProcedureCompleted', data: { outcome: 'recorded', personIds: people } });
    expect(state.outcomes['person/bn-03']).toMatchObject({ consequence: 'dismissal', measureTaken: true });
    // The voting step is not decided by approval.
    given(launched)
      .when({ type: 'DecideStep', data: { stepId: 'vote', decision: { kind: 'approve' } }, actor: recorder, now })
      .then(IllegalTransitionError);
  });
});
