import {
  type Actor,
  demoIds,
  type DomainError,
  type ElectionAttendance,
  type ElectionCommand,
  electionDecider,
  type ElectionEvent,
} from '@cadreflow/domain';
import { deciderSpec, runAll } from '../decider-spec.helper';
import { actors, allValid } from './demo-actors.fixture';

const given = deciderSpec(electionDecider);
const now = '2025-10-15T08:00:00Z';
const presidium: Actor = { personId: 'person/bn-10', role: 'congress-presidium', bodyId: demoIds.provincialCongress };
const countingBoard: Actor = { personId: 'person/bn-11', role: 'counting-board', bodyId: 'body/bn-counting-board' };
/** Base: 200 convened − 1 convening-committee member absent − 4 absent without alternate = 195; a win needs 98. */
const attendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 200,
  conveningCommitteeAbsentThroughout: 1,
  delegatesAbsentWithoutAlternate: 4,
  present: 190,
};
const people = ['a', 'b', 'c', 'd', 'e', 'f'];

const launch = (alternateSeats: number | undefined): ElectionCommand => ({
  type: 'LaunchElection',
  data: {
    procedureId: 'delegates-bn-to-national-congress',
    congressId: demoIds.provincialCongress,
    electedBodyId: 'body/national-congress-delegation-bn',
    level: 'province',
    congressDate: '2025-10-15',
    seats: 4,
    ...(alternateSeats === undefined ? {} : { alternateSeats }),
    presidiumId: demoIds.provincialCongress,
    countingBoardId: 'body/bn-counting-board',
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    candidates: people.map((personId) => ({ personId, relativeIds: [], source: 'plan' as const, delegate: true })),
  },
  actor: actors.organizationOfficer,
  now,
});
/** A committee of 4 takes at most one candidate over: the list without `f`. */
function fivePeople(command: ElectionCommand): ElectionCommand {
  if (command.type !== 'LaunchElection') return command;
  return { ...command, data: { ...command.data, candidates: command.data.candidates.slice(0, 5) } };
}
const programmes: ElectionEvent[] = people.map((personId) => ({
  type: 'ActionProgrammeFiled',
  data: { personId, reference: `CTHĐ-${personId}`, filedOn: '2025-10-01' },
}));
const approveList: ElectionCommand = {
  type: 'DecideStep',
  data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
  actor: presidium,
  now,
};
const round = (n: number, tallies: Record<string, number>): ElectionCommand => ({
  type: 'RecordRoundTally',
  data: { round: n, attendance, ballots: allValid(180), tallies },
  actor: countingBoard,
  now,
});
const launched: ElectionEvent[] = [...electionDecider.decide(launch(1), electionDecider.initialState()), ...programmes];
const voting = runAll(electionDecider, [approveList], launched).events;

describe('procedure F: delegates to the higher congress, official and alternate', () => {
  it('records the official and alternate seats, and counts the list against both (5 places, 1 over)', () => {
    expect(launched.find((e) => e.type === 'ElectionScheduled')).toMatchObject({
      data: { seats: 5, delegates: { official: 4, alternates: 1 } },
    });
    given(launched)
      .when(approveList)
      .thenIncludes([{ type: 'CandidateListApproved', data: { personIds: people, seats: 5, surplus: 1 } }]);
  });

  it('one round: more than half of the base elects; the first four by votes are official, the fifth alternate', () => {
    const { events, state } = given(voting)
      .when(round(1, { a: 150, b: 140, c: 120, d: 110, e: 98, f: 90 }))
      .result();
    expect(events.filter((e) => e.type === 'DelegatesElected')).toEqual([
      { type: 'DelegatesElected', data: { official: ['a', 'b', 'c', 'd'], alternates: ['e'], seatsUnfilled: 0 } },
    ]);
    expect(events.at(-1)).toEqual({
      type: 'ProcedureCompleted',
      data: { outcome: 'delegates-elected', personIds: ['a', 'b', 'c', 'd', 'e'] },
    });
    expect(events.map((e) => e.type)).not.toContain('StepOpened');
    expect(state.status).toBe('COMPLETED');
  });

  it('97 of 195 is not more than half: a further round, whose winners rank after the first round’s', () => {
    const short = runAll(electionDecider, [round(1, { a: 150, b: 140, c: 120, d: 97, e: 96, f: 80 })], voting).events;
    expect(short.filter((e) => e.type === 'CandidateElected').map((e) => e.data)).toHaveLength(3);
    const next: ElectionCommand = {
      type: 'DecideNextRound',
      data: { proceed: true, candidateIds: ['d', 'e', 'f'] },
      actor: presidium,
      now,
    };
    const after = runAll(electionDecider, [next], short).events;
    given(after)
      .when(round(2, { f: 150, d: 140, e: 60 }))
      .thenIncludes([
        { type: 'DelegatesElected', data: { official: ['a', 'b', 'c', 'f'], alternates: ['d'], seatsUnfilled: 0 } },
      ]);
  });

  it('equal votes across the official/alternate cut: id order decides, and the tie is recorded', () => {
    given(voting)
      .when(round(1, { a: 150, b: 140, c: 120, e: 110, d: 110, f: 90 }))
      .thenIncludes([
        {
          type: 'DelegatesElected',
          data: {
            official: ['a', 'b', 'c', 'd'],
            alternates: ['e'],
            seatsUnfilled: 0,
            tieAtCut: { personIds: ['d', 'e'], votes: 110, resolvedBy: 'id-order' },
          },
        },
      ]);
  });

  it('a committee election (no alternate seats) still goes to the higher committee for ratification', () => {
    const committee = runAll(
      electionDecider,
      [approveList],
      [...electionDecider.decide(fivePeople(launch(undefined)), electionDecider.initialState()), ...programmes],
    ).events;
    expect(committee.find((e) => e.type === 'ElectionScheduled')?.data).not.toHaveProperty('delegates');
    const { events } = given(committee)
      .when(round(1, { a: 150, b: 140, c: 120, d: 110, e: 98 }))
      .result();
    expect(events.map((e) => e.type)).not.toContain('DelegatesElected');
    expect(events.at(-1)).toMatchObject({ type: 'StepOpened', data: { stepId: 'ratification' } });
  });

  it('refuses alternate seats that are not a whole number from 0', () => {
    let code: string | null = null;
    try {
      electionDecider.decide(launch(-1), electionDecider.initialState());
    } catch (error) {
      code = (error as DomainError).errorCode;
    }
    expect(code).toBe('SEATS_INVALID');
  });
});
