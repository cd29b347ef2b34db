import {
  type Actor,
  createFirstSessionDecider,
  defaultRulebooks,
  demoIds,
  type ElectionAttendance,
  type FirstSessionCommand,
  type FirstSessionEvent,
  firstSessionDecider,
  type FirstSessionMember,
  IllegalTransitionError,
  NotAllowedError,
  RecusedError,
  ValidationError,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, allValid } from './demo-actors.fixture';

const given = deciderSpec(firstSessionDecider);
const now = '2025-10-17T08:00:00Z';
const committeeId = 'body/bn-executive-committee-next';
const chair: Actor = { personId: 'm-01', role: 'executive-committee', bodyId: committeeId };
const countingBoard: Actor = { personId: 'person/bn-11', role: 'counting-board', bodyId: 'body/bn-counting-board' };

/** Eleven members; m-03 and m-07 are women; m-05 is the counting board member's relative. */
const members: FirstSessionMember[] = Array.from({ length: 11 }, (_, i) => {
  const personId = `m-${String(i + 1).padStart(2, '0')}`;
  return {
    personId,
    relativeIds: personId === 'm-05' ? [countingBoard.personId] : [],
    gender: personId === 'm-03' || personId === 'm-07' ? 'female' : 'male',
    birthDate: '1975-05-01',
  };
});

const launchCommand = (
  overrides: Partial<Extract<FirstSessionCommand, { type: 'LaunchFirstSession' }>['data']> = {},
): FirstSessionCommand => ({
  type: 'LaunchFirstSession',
  data: {
    procedureId: 'first-session/bn-2025',
    organisationId: demoIds.province,
    executiveCommitteeId: committeeId,
    countingBoardId: 'body/bn-counting-board',
    level: 'province',
    sessionDate: '2025-10-17',
    seats: { standingCommittee: 3, deputySecretaries: 1, inspectionCommittee: 3 },
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    members,
    ...overrides,
  },
  actor: actors.organizationOfficer,
  now,
});
const launched: FirstSessionEvent[] = firstSessionDecider.decide(launchCommand(), firstSessionDecider.initialState());

const nominate = (stepId: string, candidateIds: string[], actor: Actor = chair): FirstSessionCommand => ({
  type: 'NominateForOffice',
  data: { stepId, candidateIds },
  actor,
  now,
});
const attendance = (present = 11, officialMembers = 11): ElectionAttendance => ({
  kind: 'all-members',
  officialMembers,
  exempt: 0,
  suspended: 0,
  absentWithLeave: 0,
  present,
});
const count = (
  round: number,
  tallies: Record<string, number>,
  present = 11,
  actor: Actor = countingBoard,
): FirstSessionCommand => ({
  type: 'RecordRoundTally',
  data: { round, attendance: attendance(present), ballots: allValid(present), tallies },
  actor,
  now,
});
const nextRound = (proceed: boolean, candidateIds: string[] = []): FirstSessionCommand => ({
  type: 'DecideNextRound',
  data: { proceed, candidateIds },
  actor: chair,
  now,
});
const ratification = (
  decision: { kind: 'approve' } | { kind: 'return' | 'reject'; reason: string },
  actor: Actor = actors.politburo,
): FirstSessionCommand => ({ type: 'DecideStep', data: { stepId: 'ratification', decision }, actor, now });

/** The session to the point where the standing committee (m-01, m-02, m-03) is elected. */
const standingElected = [
  nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-04']),
  count(2, { 'm-01': 10, 'm-02': 9, 'm-03': 8, 'm-04': 3 }),
];
/** Then the secretary m-01, the deputy m-02, the inspection committee m-06, m-07, m-08 and its chair m-06. */
const restElected = [
  nominate('list-3', ['m-01']),
  count(4, { 'm-01': 11 }),
  nominate('list-5', ['m-02']),
  count(6, { 'm-02': 10 }),
  nominate('list-7', ['m-06', 'm-07', 'm-08']),
  count(8, { 'm-06': 9, 'm-07': 9, 'm-08': 9 }),
  nominate('list-9', ['m-06']),
  count(10, { 'm-06': 11 }),
];
const errorOf = (history: FirstSessionEvent[], command: FirstSessionCommand, decider = firstSessionDecider) => {
  try {
    decider.decide(command, runAll(decider, [], history).state);
    return null;
  } catch (error) {
    return error as ValidationError;
  }
};
const openStep = (events: FirstSessionEvent[]) =>
  events.filter((e) => e.type === 'StepOpened').map((e) => (e.data as { stepId: string; kind?: string }).stepId);

describe('first session of the new executive committee (phiên họp thứ nhất)', () => {
  it('launch records the members and seats and opens the standing committee list for the executive committee', () => {
    expect(launched.map((e) => e.type)).toEqual([
      'ProcedureLaunched',
      'FirstSessionScheduled',
      'FirstSessionOfficeOpened',
      'StepOpened',
    ]);
    expect(launched[2]).toEqual({
      type: 'FirstSessionOfficeOpened',
      data: {
        office: 'standing-committee',
        sitting: 1,
        seats: 3,
        eligibleIds: members.map((m) => m.personId),
      },
    });
    expect(launched[3]?.data).toMatchObject({
      stepId: 'list-1',
      kind: 'first-session-list',
      role: 'executive-committee',
      bodyId: committeeId,
      decision: 'nomination',
      params: { office: 'standing-committee', seats: 3, sitting: 1 },
      // The session sits on one day: the list is due the next working day (a dated rule of its own, [A]).
      dueDate: '2025-10-20',
    });
    expect(launched[0]?.data).toMatchObject({ kind: 'first-session' });
    expect((launched[0]?.data as { rulebookId: string }).rulebookId).toMatch(/^rulebook\/2025-2030@/);
  });

  it('launch is refused to anyone but the Organization Committee', () => {
    given([])
      .when({ ...launchCommand(), actor: chair })
      .then(NotAllowedError);
  });

  it.each([
    [{ standingCommittee: 11, deputySecretaries: 1, inspectionCommittee: 3 }, 'standingCommittee', 10],
    [{ standingCommittee: 2, deputySecretaries: 2, inspectionCommittee: 3 }, 'standingCommittee', 10],
    [{ standingCommittee: 3, deputySecretaries: -1, inspectionCommittee: 3 }, 'deputySecretaries', 9],
    [{ standingCommittee: 3, deputySecretaries: 1, inspectionCommittee: 0 }, 'inspectionCommittee', 11],
    [{ standingCommittee: 3, deputySecretaries: 1, inspectionCommittee: 12 }, 'inspectionCommittee', 11],
  ])('seats %j are refused naming %s (at most %i)', (seats, field, max) => {
    const error = errorOf([], launchCommand({ seats }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ errorCode: 'FIRST_SESSION_SEATS_INVALID', params: { field, max } });
  });

  it('accepts the seats at their bounds: a standing committee of 10 of 11 with 9 deputies, a whole-committee UBKT', () => {
    const bounds = launchCommand({ seats: { standingCommittee: 10, deputySecretaries: 9, inspectionCommittee: 11 } });
    expect(errorOf([], bounds)).toBeNull();
  });

  it('refuses a committee that names someone twice', () => {
    const error = errorOf([], launchCommand({ members: [...members, members[0]] }));
    expect(error?.errorCode).toBe('CANDIDATE_LISTED_TWICE');
  });

  it('refuses a candidate who is not a member of the new committee, and records nothing', () => {
    const error = errorOf(launched, nominate('list-1', ['m-01', 'm-02', 'outsider']));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      errorCode: 'FIRST_SESSION_CANDIDATE_NOT_MEMBER',
      params: { personIds: ['outsider'] },
    });
  });

  it('refuses a list with fewer candidates than seats, and one whose surplus breaks the cap of a 3-seat body', () => {
    expect(errorOf(launched, nominate('list-1', ['m-01', 'm-02']))?.errorCode).toBe('FIRST_SESSION_TOO_FEW_CANDIDATES');
    // A committee of 3–5 seats may have at most 1 surplus candidate.
    expect(errorOf(launched, nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-04', 'm-05']))?.errorCode).toBe(
      'SURPLUS_RULE_BROKEN',
    );
  });

  it('takes a list of exactly the seats and opens round 2 for the counting board', () => {
    const { events } = runAll(firstSessionDecider, [nominate('list-1', ['m-01', 'm-02', 'm-03'])], launched);
    const opened = events.at(-1);
    expect(opened?.data).toMatchObject({
      stepId: 'round-2',
      kind: 'first-session-round',
      role: 'counting-board',
      decision: 'tally',
      subjectIds: ['m-01', 'm-02', 'm-03'],
      params: { office: 'standing-committee', round: 2, seats: 3 },
    });
  });

  it('only the executive committee proposes a list', () => {
    given(launched)
      .when(nominate('list-1', ['m-01', 'm-02', 'm-03'], countingBoard))
      .then(NotAllowedError);
  });

  describe('counting a round as the congress election counts it', () => {
    const listed = runAll(firstSessionDecider, [standingElected[0]], launched).events;

    it('a member with more than half of the base is elected; exactly half is not (base 11: 6 passes, 5 fails)', () => {
      const { events } = runAll(
        firstSessionDecider,
        [count(2, { 'm-01': 6, 'm-02': 6, 'm-03': 5, 'm-04': 5 })],
        listed,
      );
      const thresholds = events.filter((e) => e.type === 'ThresholdEvaluated').map((e) => e.data);
      expect(thresholds).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId: 'm-01', base: 11, votes: 6, required: 6, passed: true }),
          expect.objectContaining({ personId: 'm-03', base: 11, votes: 5, required: 6, passed: false }),
        ]),
      );
      expect(events.filter((e) => e.type === 'FirstSessionMemberElected').map((e) => e.data)).toEqual([
        { office: 'standing-committee', personId: 'm-01', round: 2, votes: 6, base: 11 },
        { office: 'standing-committee', personId: 'm-02', round: 2, votes: 6, base: 11 },
      ]);
      // One seat left and no tie: the committee decides whether to vote again.
      expect(events.at(-1)?.data).toMatchObject({
        stepId: 'decision-3',
        kind: 'first-session-next-round',
        role: 'executive-committee',
        params: { office: 'standing-committee', round: 2, seatsLeft: 1 },
      });
    });

    it('quorum: 8 of 11 present counts; 7 of 11 records QuorumFailed and keeps the round open', () => {
      const short = runAll(firstSessionDecider, [count(2, { 'm-01': 7, 'm-02': 7, 'm-03': 7, 'm-04': 0 }, 7)], listed);
      expect(short.events.slice(listed.length)).toEqual([
        { type: 'MeetingConvened', data: { stepId: 'round-2', summoned: 11, present: 7 } },
        { type: 'QuorumFailed', data: { stepId: 'round-2', summoned: 11, present: 7, required: 8 } },
      ]);
      expect(short.state.status).toBe('VOTING');
      const enough = runAll(firstSessionDecider, [count(2, { 'm-01': 8, 'm-02': 8, 'm-03': 8, 'm-04': 0 }, 8)], listed);
      expect(enough.events.filter((e) => e.type === 'FirstSessionMemberElected')).toHaveLength(3);
    });

    it('a tie at the last seat holds it back and opens a round among the tied (the rulebook tie rule)', () => {
      const { events } = runAll(
        firstSessionDecider,
        [count(2, { 'm-01': 10, 'm-02': 9, 'm-03': 7, 'm-04': 7 })],
        listed,
      );
      expect(events).toContainEqual({
        type: 'TieDetected',
        data: { round: 2, personIds: ['m-03', 'm-04'], votes: 7, seats: 1 },
      });
      expect(events.at(-2)).toEqual({
        type: 'FirstSessionRoundOpened',
        data: { office: 'standing-committee', round: 3, seats: 1, candidateIds: ['m-03', 'm-04'], reason: 'tie' },
      });
    });

    it('a further round at the committee decision among those not elected; declining leaves the seat empty', () => {
      const short = runAll(
        firstSessionDecider,
        [count(2, { 'm-01': 6, 'm-02': 6, 'm-03': 5, 'm-04': 5 })],
        listed,
      ).events;
      expect(errorOf(short, nextRound(true, ['m-01', 'm-03']))?.errorCode).toBe('NEXT_ROUND_CANDIDATES_INVALID');
      const again = runAll(firstSessionDecider, [nextRound(true, ['m-03', 'm-04'])], short).events;
      expect(again.at(-1)?.data).toMatchObject({
        stepId: 'round-4',
        params: { seats: 1 },
        subjectIds: ['m-03', 'm-04'],
      });
      const declined = runAll(firstSessionDecider, [nextRound(false)], short).events;
      expect(declined).toContainEqual({
        type: 'FirstSessionOfficeFilled',
        data: { office: 'standing-committee', elected: ['m-01', 'm-02'], seatsUnfilled: 1 },
      });
    });

    it("refuses a count that calls another committee's size, and a counter who is a candidate's relative", () => {
      const wrong: FirstSessionCommand = {
        type: 'RecordRoundTally',
        data: { round: 2, attendance: attendance(10, 10), ballots: allValid(10), tallies: { 'm-01': 9 } },
        actor: countingBoard,
        now,
      };
      expect(errorOf(listed, wrong)?.errorCode).toBe('FIRST_SESSION_ATTENDANCE_MISMATCH');
      const relativeList = runAll(firstSessionDecider, [], launched).events;
      const withRelative = runAll(firstSessionDecider, [nominate('list-1', ['m-01', 'm-02', 'm-05'])], relativeList);
      given(withRelative.events)
        .when(count(2, { 'm-01': 9, 'm-02': 9, 'm-05': 9 }))
        .then(RecusedError);
    });

    it('refuses a count with a candidate left out, as the election does', () => {
      expect(errorOf(listed, count(2, { 'm-01': 9, 'm-02': 9, 'm-03': 9 }))?.errorCode).toBe('TALLY_VOTES_MISSING');
    });
  });

  describe('the offices after the standing committee', () => {
    const afterStanding = runAll(firstSessionDecider, standingElected, launched).events;

    it('checks the composition of the elected standing committee (one woman: met) and opens the secretary', () => {
      const tail = afterStanding.slice(afterStanding.findIndex((e) => e.type === 'FirstSessionOfficeFilled'));
      expect(tail.map((e) => e.type)).toEqual([
        'FirstSessionOfficeFilled',
        'CompositionChecked',
        'FirstSessionOfficeOpened',
        'StepOpened',
      ]);
      expect(tail[1]?.data).toMatchObject({
        checkpoint: 'standing-committee',
        enforcement: 'warn',
        ok: true,
        targets: [{ target: 'women-in-standing-committee', required: 1, actual: 1, met: true }],
      });
      expect(tail[2]?.data).toEqual({
        office: 'secretary',
        sitting: 1,
        seats: 1,
        eligibleIds: ['m-01', 'm-02', 'm-03'],
      });
    });

    it('refuses a secretary who is not in the standing committee', () => {
      const error = errorOf(afterStanding, nominate('list-3', ['m-05']));
      expect(error).toMatchObject({
        errorCode: 'FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE',
        params: { personIds: ['m-05'], office: 'secretary' },
      });
    });

    it('refuses the secretary as a deputy, and a UBKT chair from outside the inspection committee', () => {
      const toDeputies = runAll(firstSessionDecider, restElected.slice(0, 2), afterStanding).events;
      expect(errorOf(toDeputies, nominate('list-5', ['m-01']))?.errorCode).toBe('FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE');
      const toChair = runAll(firstSessionDecider, restElected.slice(0, 6), afterStanding).events;
      expect(errorOf(toChair, nominate('list-9', ['m-02']))?.errorCode).toBe('FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE');
    });

    it('skips the deputies when none are to be elected', () => {
      const noDeputies = firstSessionDecider.decide(
        launchCommand({ seats: { standingCommittee: 3, deputySecretaries: 0, inspectionCommittee: 3 } }),
        firstSessionDecider.initialState(),
      );
      const { events } = runAll(firstSessionDecider, [...standingElected, ...restElected.slice(0, 2)], noDeputies);
      expect(events.at(-2)?.data).toMatchObject({ office: 'inspection-committee' });
    });

    it('concludes with every office and asks the higher committee to ratify', () => {
      const { events, state } = runAll(firstSessionDecider, restElected, afterStanding);
      expect(events.at(-2)).toEqual({
        type: 'FirstSessionConcluded',
        data: {
          result: {
            'standing-committee': ['m-01', 'm-02', 'm-03'],
            secretary: ['m-01'],
            'deputy-secretaries': ['m-02'],
            'inspection-committee': ['m-06', 'm-07', 'm-08'],
            'inspection-chair': ['m-06'],
          },
        },
      });
      expect(events.at(-1)?.data).toMatchObject({
        stepId: 'ratification',
        kind: 'first-session-ratification',
        role: 'politburo',
        decision: 'approval',
        subjectIds: ['m-01', 'm-02', 'm-03', 'm-06', 'm-07', 'm-08'],
      });
      expect(state.status).toBe('AWAITING_RATIFICATION');
    });
  });

  describe('ratification (chuẩn y)', () => {
    const concluded = runAll(firstSessionDecider, [...standingElected, ...restElected], launched).events;

    it('approves: the results ratified, the procedure completed with everyone elected', () => {
      const { events } = runAll(firstSessionDecider, [ratification({ kind: 'approve' })], concluded);
      expect(events.slice(concluded.length).map((e) => e.type)).toEqual([
        'FirstSessionRatified',
        'StepClosed',
        'ProcedureCompleted',
      ]);
      expect(events.at(-1)?.data).toEqual({
        outcome: 'first-session-ratified',
        personIds: ['m-01', 'm-02', 'm-03', 'm-06', 'm-07', 'm-08'],
      });
    });

    it('returns with a reason: a new sitting elects again from the standing committee', () => {
      const { events, state } = runAll(
        firstSessionDecider,
        [ratification({ kind: 'return', reason: 'Bầu lại Ban Thường vụ' })],
        concluded,
      );
      expect(events.slice(concluded.length).map((e) => e.type)).toEqual([
        'FirstSessionReturned',
        'StepClosed',
        'FirstSessionOfficeOpened',
        'StepOpened',
      ]);
      expect(state).toMatchObject({ sitting: 2, status: 'NOMINATING', elected: { 'standing-committee': [] } });
      expect(openStep(events.slice(concluded.length))).toEqual(['list-11']);
    });

    it('refuses a return without a reason, a rejection, and anyone but the higher committee', () => {
      expect(errorOf(concluded, ratification({ kind: 'return', reason: ' ' }))?.errorCode).toBe(
        'DECISION_REASON_MISSING',
      );
      expect(errorOf(concluded, ratification({ kind: 'reject', reason: 'no' }))?.errorCode).toBe(
        'DECISION_NOT_REJECTABLE',
      );
      given(concluded)
        .when(ratification({ kind: 'approve' }, chair))
        .then(NotAllowedError);
    });

    it('is not open before the offices are elected', () => {
      given(launched)
        .when(ratification({ kind: 'approve' }))
        .then(IllegalTransitionError, 'ILLEGAL_TRANSITION');
    });
  });

  describe('no woman in the standing committee', () => {
    const menOnly = [nominate('list-1', ['m-01', 'm-02', 'm-04']), count(2, { 'm-01': 10, 'm-02': 9, 'm-04': 8 })];
    const menRest = restElected.map((c) =>
      c.type === 'NominateForOffice' && c.data.candidateIds.includes('m-02') && c.data.stepId === 'list-5'
        ? nominate('list-5', ['m-04'])
        : c.type === 'RecordRoundTally' && c.data.round === 6
          ? count(6, { 'm-04': 10 })
          : c,
    );

    it('under `warn` records the miss and the higher committee may still ratify', () => {
      const { events } = runAll(
        firstSessionDecider,
        [...menOnly, ...menRest, ratification({ kind: 'approve' })],
        launched,
      );
      expect(events.find((e) => e.type === 'CompositionChecked')?.data).toMatchObject({
        checkpoint: 'standing-committee',
        enforcement: 'warn',
        ok: false,
        targets: [{ target: 'women-in-standing-committee', required: 1, actual: 0, met: false, display: '0' }],
      });
      expect(events.at(-1)?.type).toBe('ProcedureCompleted');
    });

    describe('under a rulebook that blocks', () => {
      const blocking = defaultRulebooks.map((r) =>
        r.pinnedOnly ? r : { ...r, composition: { ...r.composition, enforcement: 'block' as const } },
      );
      const decider = createFirstSessionDecider(blocking);
      const start = decider.decide(launchCommand(), decider.initialState());

      it('refuses a standing-committee list without a woman, naming the target', () => {
        const error = errorOf(start, nominate('list-1', ['m-01', 'm-02', 'm-04']), decider);
        expect(error).toMatchObject({
          errorCode: 'COMPOSITION_TARGETS_MISSED',
          params: { targets: ['women-in-standing-committee'], actual: ['0'], required: ['1'] },
        });
      });

      it('a list with a woman who is not elected: the results can only be returned', () => {
        const history = runAll(
          decider,
          [
            nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-04']),
            count(2, { 'm-01': 10, 'm-02': 9, 'm-03': 2, 'm-04': 8 }),
            ...menRest,
          ],
          start,
        ).events;
        expect(history.find((e) => e.type === 'CompositionChecked')?.data).toMatchObject({ ok: false });
        expect(errorOf(history, ratification({ kind: 'approve' }), decider)?.errorCode).toBe(
          'COMPOSITION_TARGETS_MISSED',
        );
        expect(errorOf(history, ratification({ kind: 'return', reason: 'Thiếu nữ' }), decider)).toBeNull();
      });
    });
  });

  describe('relatives in linked posts (QĐ 205/114)', () => {
    /** m-04 declared m-02 their spouse; m-08 declared m-01 their sibling. */
    const family = members.map((m) =>
      m.personId === 'm-04'
        ? { ...m, relativeIds: ['m-02'] }
        : m.personId === 'm-08'
          ? { ...m, relativeIds: ['m-01'] }
          : m,
    );
    const start = firstSessionDecider.decide(launchCommand({ members: family }), firstSessionDecider.initialState());
    /** The standing committee m-01, m-02, m-03 from a list without m-02's spouse, then the offices to the chair. */
    const toChair = [
      nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-09']),
      count(2, { 'm-01': 10, 'm-02': 9, 'm-03': 8, 'm-09': 3 }),
      ...restElected.slice(0, 6),
    ];

    it('refuses a standing-committee list naming two spouses for its 3 seats, and records nothing', () => {
      const error = errorOf(start, nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-04']));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({
        errorCode: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
        params: { office: 'standing-committee', personIds: ['m-02'], relativeIds: ['m-04'] },
      });
    });

    it('accepts a list with no relatives on it, and puts the secretary’s sibling in the inspection committee', () => {
      const { events } = runAll(firstSessionDecider, toChair, start);
      expect(events.filter((e) => e.type === 'FirstSessionCandidatesNominated')).toHaveLength(4);
      expect(openStep(events).at(-1)).toBe('list-9');
    });

    it('refuses the secretary’s sibling as the inspection committee’s chair, and takes another member', () => {
      const history = runAll(firstSessionDecider, toChair, start).events;
      expect(errorOf(history, nominate('list-9', ['m-08']))).toMatchObject({
        errorCode: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
        params: { office: 'inspection-chair', personIds: ['m-08'], relativeIds: ['m-01'] },
      });
      expect(errorOf(history, nominate('list-9', ['m-06']))).toBeNull();
    });

    it('refuses in a further round a relative of a member the first round elected to the standing committee', () => {
      const { events } = runAll(
        firstSessionDecider,
        [nominate('list-1', ['m-01', 'm-02', 'm-03']), count(2, { 'm-01': 3, 'm-02': 9, 'm-03': 8 })],
        start,
      );
      expect(errorOf(events, nextRound(true, ['m-04']))).toMatchObject({
        errorCode: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
        params: { office: 'standing-committee', personIds: ['m-04'], relativeIds: ['m-02'] },
      });
      expect(errorOf(events, nextRound(true, ['m-05']))).toBeNull();
    });

    it('a session started before the check (`linkedRelatives: false`) accepts the list it accepted then', () => {
      const before = createFirstSessionDecider(defaultRulebooks, { linkedRelatives: false });
      const history = before.decide(launchCommand({ members: family }), before.initialState());
      expect(errorOf(history, nominate('list-1', ['m-01', 'm-02', 'm-03', 'm-04']), before)).toBeNull();
    });

    describe('under a rulebook whose linked posts leave out the standing committee', () => {
      const keyPostsOnly = defaultRulebooks.map((r) => ({
        ...r,
        linkedPosts: r.linkedPosts.filter((rule) => rule.kind !== 'same-body-members'),
      }));
      const decider = createFirstSessionDecider(keyPostsOnly);
      const spouses = decider.decide(launchCommand({ members: family }), decider.initialState());
      const withSpouses = [
        nominate('list-1', ['m-01', 'm-02', 'm-04']),
        count(2, { 'm-01': 10, 'm-02': 9, 'm-04': 8 }),
        nominate('list-3', ['m-02']),
        count(4, { 'm-02': 11 }),
      ];

      it('elects both spouses to the standing committee but refuses the secretary’s spouse as deputy', () => {
        const history = runAll(decider, withSpouses, spouses).events;
        expect(errorOf(history, nominate('list-5', ['m-04']), decider)).toMatchObject({
          errorCode: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
          params: { office: 'deputy-secretaries', personIds: ['m-04'], relativeIds: ['m-02'] },
        });
        expect(errorOf(history, nominate('list-5', ['m-01']), decider)).toBeNull();
      });
    });
  });
});
