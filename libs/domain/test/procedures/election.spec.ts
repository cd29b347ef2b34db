import {
  type Actor,
  ConflictError,
  demoIds,
  type ElectionAttendance,
  type ElectionCommand,
  electionDecider,
  type ElectionEvent,
  IllegalTransitionError,
  NotAllowedError,
  noInvalidBallots,
  RecusedError,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, allValid } from './demo-actors.fixture';

const given = deciderSpec(electionDecider);
const now = '2025-10-15T08:00:00Z';
const presidium: Actor = { personId: 'person/bn-10', role: 'congress-presidium', bodyId: demoIds.provincialCongress };
const countingBoard: Actor = { personId: 'person/bn-11', role: 'counting-board', bodyId: 'body/bn-counting-board' };
const attendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 200,
  conveningCommitteeAbsentThroughout: 1,
  delegatesAbsentWithoutAlternate: 4,
  present: 190,
};

const launch: ElectionCommand = {
  type: 'LaunchElection',
  data: {
    procedureId: 'election-bn-btv',
    congressId: demoIds.provincialCongress,
    electedBodyId: 'body/bn-inspection-committee-next',
    level: 'province',
    congressDate: '2025-10-15',
    seats: 3,
    presidiumId: demoIds.provincialCongress,
    countingBoardId: 'body/bn-counting-board',
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: [
      { personId: 'a', relativeIds: [], source: 'plan', delegate: true },
      { personId: 'b', relativeIds: [], source: 'plan', delegate: true },
      { personId: 'c', relativeIds: [demoIds.people.politburoMember], source: 'plan', delegate: true },
      { personId: 'd', relativeIds: [], source: 'plan', delegate: false, dossierFiledOn: '2025-09-24' },
      { personId: 'e', relativeIds: [], source: 'self-nomination', delegate: false, dossierFiledOn: '2025-09-25' },
    ],
  },
  actor: actors.organizationOfficer,
  now,
};
const approveList: ElectionCommand = {
  type: 'DecideStep',
  data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
  actor: presidium,
  now,
};
const round = (
  n: number,
  tallies: Record<string, number>,
  figures: ElectionAttendance = attendance,
): ElectionCommand => ({
  type: 'RecordRoundTally',
  data: { round: n, attendance: figures, ballots: allValid(180), tallies },
  actor: countingBoard,
  now,
});
const ratify = (actor: Actor = actors.politburo): ElectionCommand => ({
  type: 'DecideStep',
  data: { stepId: 'ratification', decision: { kind: 'approve' } },
  actor,
  now,
});

/** Each person's action programme, filed before the list is put to the congress (domain.md §3G). */
const programmes = (...personIds: string[]): ElectionEvent[] =>
  personIds.map((personId) => ({
    type: 'ActionProgrammeFiled',
    data: { personId, reference: `CTHĐ-${personId}`, filedOn: '2025-10-01' },
  }));
const launchedOnly: ElectionEvent[] = electionDecider.decide(launch, electionDecider.initialState());
const launched: ElectionEvent[] = [...launchedOnly, ...programmes('a', 'b', 'c', 'd')];
const voting = runAll(electionDecider, [approveList], launched).events;

describe('procedure F: congress election', () => {
  it('drops a non-delegate who filed later than 15 working days before the congress', () => {
    expect(launched.filter((e) => e.type === 'CandidateDropped')).toEqual([
      {
        type: 'CandidateDropped',
        data: {
          personId: 'e',
          step: 'candidacy',
          reason:
            'A non-delegate files the dossier at least 15 working days before the congress (by 2025-09-24); filed 2025-09-25',
          reasonCode: 'dossier-late',
          params: { lastFilingDay: '2025-09-24', filedOn: '2025-09-25' },
        },
      },
    ]);
  });

  it('approves a list with one surplus for a 3-member committee and opens round 1', () => {
    given(launched)
      .when(approveList)
      .thenIncludes([
        { type: 'CandidateListApproved', data: { personIds: ['a', 'b', 'c', 'd'], seats: 3, surplus: 1 } },
        {
          type: 'ElectionRoundOpened',
          data: { round: 1, seats: 3, candidateIds: ['a', 'b', 'c', 'd'], reason: 'first' },
        },
      ]);
  });

  it('a name from the floor needs more than 30% of delegates present; then two surplus fail a 3-member committee', () => {
    const floor = (votesInFavour: number): ElectionCommand => ({
      type: 'AddFloorCandidate',
      data: { personId: 'f', relativeIds: [], votesInFavour, delegatesPresent: 190 },
      actor: presidium,
      now,
    });
    given(launched).when(floor(57)).then(ValidationError);
    given(launched)
      .when(floor(58))
      .then([{ type: 'CandidateAdded', data: { personId: 'f', source: 'floor', relativeIds: [] } }]);
    const withFloor = runAll(electionDecider, [floor(58)], launched).events;
    given(withFloor).when(floor(100)).then(ConflictError);
    given(withFloor).when(approveList).then(ValidationError);
    const withdrawn = runAll(
      electionDecider,
      [
        {
          type: 'WithdrawCandidacy',
          data: { personId: 'f', reason: 'Personal reasons' },
          actor: { ...presidium, personId: 'f', role: 'executive-committee' },
          now,
        },
      ],
      withFloor,
    ).events;
    given(withdrawn)
      .when(approveList)
      .thenIncludes([
        { type: 'CandidateListApproved', data: { personIds: ['a', 'b', 'c', 'd'], seats: 3, surplus: 1 } },
      ]);
  });

  it('elects by votes against the base (convened − committee absent − delegates absent without alternate)', () => {
    const { events, state } = given(voting)
      .when(round(1, { a: 150, b: 140, c: 120, d: 100 }))
      .result();
    expect(
      events
        .filter((e) => e.type === 'ThresholdEvaluated')
        .map((e) => e.type === 'ThresholdEvaluated' && [e.data.personId, e.data.base, e.data.required, e.data.passed]),
    ).toEqual([
      ['a', 195, 98, true],
      ['b', 195, 98, true],
      ['c', 195, 98, true],
      ['d', 195, 98, true],
    ]);
    expect(
      events.filter((e) => e.type === 'CandidateElected').map((e) => e.type === 'CandidateElected' && e.data.personId),
    ).toEqual(['a', 'b', 'c']);
    expect(events).toContainEqual({ type: 'ElectionConcluded', data: { elected: ['a', 'b', 'c'], seatsUnfilled: 0 } });
    expect(state.status).toBe('AWAITING_RATIFICATION');
  });

  it('exactly half of the base fails', () => {
    const even: ElectionAttendance = { ...attendance, delegatesAbsentWithoutAlternate: 3 };
    const { events } = given(voting)
      .when(round(1, { a: 150, b: 140, c: 98, d: 99 }, even))
      .result();
    expect(events).toContainEqual({
      type: 'ThresholdEvaluated',
      data: {
        stepId: 'round-1',
        personId: 'c',
        base: 196,
        votes: 98,
        required: 99,
        passed: false,
        referenceOnly: false,
      },
    });
    expect(
      events.filter((e) => e.type === 'CandidateElected').map((e) => e.type === 'CandidateElected' && e.data.personId),
    ).toEqual(['a', 'b', 'd']);
  });

  it('a tie at the last seat re-votes among the tied (rulebook tie rule)', () => {
    const { events } = given(voting)
      .when(round(1, { a: 150, b: 140, c: 120, d: 120 }))
      .result();
    expect(events).toContainEqual({
      type: 'TieDetected',
      data: { round: 1, personIds: ['c', 'd'], votes: 120, seats: 1 },
    });
    expect(events).toContainEqual({
      type: 'ElectionRoundOpened',
      data: { round: 2, seats: 1, candidateIds: ['c', 'd'], reason: 'tie' },
    });
    const after = runAll(
      electionDecider,
      [round(1, { a: 150, b: 140, c: 120, d: 120 }), round(2, { c: 110, d: 70 })],
      voting,
    );
    expect(after.state.elected).toEqual(['a', 'b', 'c']);
    expect(after.state.status).toBe('AWAITING_RATIFICATION');
  });

  it('too few pass: the congress decides on another round, or to stop', () => {
    const short = runAll(electionDecider, [round(1, { a: 150, b: 97, c: 98, d: 50 })], voting).events;
    expect(short).toContainEqual({
      type: 'ElectionRoundClosed',
      data: { round: 1, elected: ['a', 'c'], seatsLeft: 1 },
    });
    expect(short.at(-1)).toMatchObject({
      type: 'StepOpened',
      data: { stepId: 'decision-1', role: 'congress-presidium' },
    });
    const next = (proceed: boolean, candidateIds: string[]): ElectionCommand => ({
      type: 'DecideNextRound',
      data: { proceed, candidateIds },
      actor: presidium,
      now,
    });
    given(short)
      .when(next(true, ['b']))
      .then(ValidationError);
    given(short)
      .when(next(true, ['a', 'b']))
      .then(ValidationError);
    given(short)
      .when(next(true, ['b', 'd']))
      .thenIncludes([
        {
          type: 'ElectionRoundOpened',
          data: { round: 2, seats: 1, candidateIds: ['b', 'd'], reason: 'congress-decision' },
        },
      ]);
    given(short)
      .when(next(false, []))
      .thenIncludes([{ type: 'ElectionConcluded', data: { elected: ['a', 'c'], seatsUnfilled: 1 } }]);
  });

  it('cross-checks ballots: valid plus invalid must equal returned', () => {
    given(voting)
      .when({
        type: 'RecordRoundTally',
        data: {
          round: 1,
          attendance,
          ballots: { issued: 190, returned: 188, valid: 180, invalid: { ...noInvalidBallots(), 'too-many-names': 5 } },
          tallies: { a: 1, b: 1, c: 1, d: 1 },
        },
        actor: countingBoard,
        now,
      })
      .then(ValidationError, 'VALIDATION');
    given(voting)
      .when(round(2, { a: 1, b: 1, c: 1, d: 1 }))
      .then(IllegalTransitionError);
    given(voting)
      .when({ ...round(1, { a: 1, b: 1, c: 1, d: 1 }), actor: presidium })
      .then(NotAllowedError);
  });

  it('the higher committee ratifies; a relative of someone elected is recused; the launcher cannot ratify', () => {
    const concluded = runAll(electionDecider, [round(1, { a: 150, b: 140, c: 120, d: 100 })], voting).events;
    given(concluded)
      .when(ratify({ ...actors.politburo, personId: 'person/pb-02' }))
      .then([
        { type: 'ResultRatified', data: { byBodyId: demoIds.politburo, elected: ['a', 'b', 'c'] } },
        { type: 'StepClosed', data: { stepId: 'ratification', outcome: 'approved' } },
        { type: 'ProcedureCompleted', data: { outcome: 'elected', personIds: ['a', 'b', 'c'] } },
      ]);
    given(concluded).when(ratify()).then(RecusedError, 'RECUSED');
    given(concluded)
      .when(ratify({ ...actors.organizationOfficer, role: 'politburo', bodyId: demoIds.politburo }))
      .then(NotAllowedError);
  });
});

describe('procedure F: history as stored', () => {
  it('replays from JSON to the same state (events survive a payload round trip)', () => {
    const { events, state } = runAll(
      electionDecider,
      [
        round(1, { a: 150, b: 140, c: 120, d: 120 }),
        round(2, { c: 110, d: 70 }),
        ratify({ ...actors.politburo, personId: 'person/pb-02' }),
      ],
      voting,
    );
    const stored = JSON.parse(JSON.stringify(events)) as ElectionEvent[];
    expect(stored.reduce(electionDecider.evolve, electionDecider.initialState())).toEqual(state);
    expect(state.status).toBe('COMPLETED');
  });

  describe('action programme before the election (domain.md §3G)', () => {
    it('records at launch that the rulebook requires one before an election', () => {
      const scheduled = launchedOnly.find((e) => e.type === 'ElectionScheduled');
      expect(scheduled?.data).toMatchObject({
        checks: ['action-programme', 'further-round-surplus', 'floor-candidate', 'composition'],
      });
    });

    it('refuses to approve the list while a candidate on it has filed none, naming who', () => {
      given([...launchedOnly, ...programmes('a', 'b', 'd')])
        .when(approveList)
        .then(IllegalTransitionError);
      let thrown: unknown = null;
      try {
        runAll(electionDecider, [approveList], [...launchedOnly, ...programmes('a', 'b', 'd')]);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        errorCode: 'ACTION_PROGRAMME_MISSING',
        params: { missing: ['c'], rulebookId: 'rulebook/2025-2030@2025-10-08' },
      });
    });

    it('asks it of a candidate added from the floor too', () => {
      const floor: ElectionCommand = {
        type: 'AddFloorCandidate',
        data: { personId: 'f', relativeIds: [], votesInFavour: 100, delegatesPresent: 190 },
        actor: presidium,
        now,
      };
      const withdrawD: ElectionCommand = {
        type: 'WithdrawCandidacy',
        data: { personId: 'd', reason: 'Personal reasons' },
        actor: { ...presidium, personId: 'd', role: 'executive-committee' },
        now,
      };
      const withFloor = runAll(electionDecider, [floor, withdrawD], launched).events;
      given(withFloor).when(approveList).then(IllegalTransitionError);
      given([...withFloor, ...programmes('f')])
        .when(approveList)
        .thenIncludes([
          { type: 'CandidateListApproved', data: { personIds: ['a', 'b', 'c', 'f'], seats: 3, surplus: 1 } },
        ]);
    });

    it('lets an election launched before the rule covered elections approve its list without one', () => {
      const recordedBefore = launchedOnly.map((event) =>
        event.type === 'ElectionScheduled' ? { ...event, data: { ...event.data, checks: undefined } } : event,
      );
      given(recordedBefore)
        .when(approveList)
        .thenIncludes([
          { type: 'CandidateListApproved', data: { personIds: ['a', 'b', 'c', 'd'], seats: 3, surplus: 1 } },
        ]);
    });
  });

  describe('a further round keeps the list’s surplus cap', () => {
    const people = Array.from({ length: 19 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
    const large: ElectionCommand = {
      ...launch,
      data: {
        ...launch.data,
        procedureId: 'election-bn-bch',
        seats: 15,
        candidates: people.map((personId) => ({ personId, relativeIds: [], source: 'plan', delegate: true })),
      },
    };
    const largeLaunched = [...electionDecider.decide(large, electionDecider.initialState()), ...programmes(...people)];
    // Round 1 elects five of the fifteen; ten seats are left for the fourteen not elected.
    const votes = Object.fromEntries(people.map((id, i) => [id, i < 5 ? 150 : 50]));
    const short = runAll(electionDecider, [approveList, round(1, votes)], largeLaunched).events;
    const next = (candidateIds: string[]): ElectionCommand => ({
      type: 'DecideNextRound',
      data: { proceed: true, candidateIds },
      actor: presidium,
      now,
    });
    const left = people.slice(5);

    it('refuses fourteen candidates for ten seats (a surplus of 4 is more than 30%)', () => {
      expect(short).toContainEqual({
        type: 'ElectionRoundClosed',
        data: { round: 1, elected: people.slice(0, 5), seatsLeft: 10 },
      });
      let thrown: unknown = null;
      try {
        electionDecider.decide(next(left), runAll(electionDecider, [], short).state);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect(thrown).toMatchObject({
        errorCode: 'SURPLUS_RULE_BROKEN',
        params: { rulebookId: 'rulebook/2025-2030@2025-10-08' },
      });
    });

    it('opens the round for thirteen (a surplus of 3)', () => {
      given(short)
        .when(next(left.slice(0, 13)))
        .thenIncludes([
          {
            type: 'ElectionRoundOpened',
            data: { round: 2, seats: 10, candidateIds: left.slice(0, 13), reason: 'congress-decision' },
          },
        ]);
    });

    it('lets an election launched before the cap applied to further rounds run on as recorded', () => {
      const recordedBefore = short.map((event) =>
        event.type === 'ElectionScheduled' ? { ...event, data: { ...event.data, checks: undefined } } : event,
      );
      given(recordedBefore)
        .when(next(left))
        .thenIncludes([
          {
            type: 'ElectionRoundOpened',
            data: { round: 2, seats: 10, candidateIds: left, reason: 'congress-decision' },
          },
        ]);
    });
  });

  describe('a name from the floor passes the checks a listed candidate passes', () => {
    const floor = (
      data: Partial<Extract<ElectionCommand, { type: 'AddFloorCandidate' }>['data']>,
    ): ElectionCommand => ({
      type: 'AddFloorCandidate',
      data: { personId: 'f', relativeIds: [], votesInFavour: 100, delegatesPresent: 190, ...data },
      actor: presidium,
      now,
    });

    it('drops a first-time candidate without a full term left before retirement, saying why', () => {
      const events = electionDecider.decide(
        floor({ age: { birthDate: '1964-01-01', gender: 'male', track: 'first-time' } }),
        runAll(electionDecider, [], launched).state,
      );
      expect(events).toHaveLength(2);
      expect(events[0]).toEqual({ type: 'CandidateAdded', data: { personId: 'f', source: 'floor', relativeIds: [] } });
      expect(events[1]).toMatchObject({
        type: 'CandidateDropped',
        data: { personId: 'f', step: 'candidacy', reasonCode: 'age-ineligible', params: { track: 'first-time' } },
      });
    });

    it('keeps a candidate young enough for a full term', () => {
      given(launched)
        .when(floor({ age: { birthDate: '1980-05-01', gender: 'female', track: 'first-time' } }))
        .then([{ type: 'CandidateAdded', data: { personId: 'f', source: 'floor', relativeIds: [] } }]);
    });

    it('drops a non-delegate whose dossier was not filed 15 working days before the congress', () => {
      given(launched)
        .when(floor({ delegate: false, dossierFiledOn: '2025-10-01' }))
        .thenIncludes([
          {
            type: 'CandidateDropped',
            data: {
              personId: 'f',
              step: 'candidacy',
              reason:
                'A non-delegate files the dossier at least 15 working days before the congress (by 2025-09-24); filed 2025-10-01',
              reasonCode: 'dossier-late',
              params: { lastFilingDay: '2025-09-24', filedOn: '2025-10-01' },
            },
          },
        ]);
      const after = runAll(electionDecider, [floor({ delegate: false, dossierFiledOn: '2025-10-01' })], launched);
      expect(after.state.candidates).not.toContain('f');
    });
  });
});
