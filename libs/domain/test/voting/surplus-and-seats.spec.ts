import {
  allocateSeats,
  checkSurplus,
  electionBase,
  evaluateFloorAddition,
  nominationOutcome,
  rulebook2025to2030,
  ValidationError,
} from '@cadreflow/domain';

const surplusRules = rulebook2025to2030.surplus;

describe('surplus of a candidate list', () => {
  it('passes at exactly 30% and fails over it', () => {
    expect(checkSurplus(10, 13, surplusRules).ok).toBe(true);
    expect(checkSurplus(10, 14, surplusRules).ok).toBe(false);
    expect(checkSurplus(48, 62, surplusRules).ok).toBe(true); // 14/48 = 29.2%
    expect(checkSurplus(48, 63, surplusRules).ok).toBe(false); // 15/48 = 31.25%
  });

  it('needs at least one more candidate than seats', () => {
    const check = checkSurplus(48, 48, surplusRules);
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toContain('at least 1 more');
  });

  it('lets a 3–5 member committee have one surplus and fails two', () => {
    expect(checkSurplus(3, 4, surplusRules).ok).toBe(true);
    expect(checkSurplus(5, 6, surplusRules).ok).toBe(true);
    expect(checkSurplus(3, 5, surplusRules).ok).toBe(false);
    expect(checkSurplus(5, 7, surplusRules).problems[0]).toContain('at most 1');
  });
});

describe('a name added from the floor', () => {
  it('needs more than 30% of delegates present', () => {
    expect(evaluateFloorAddition(30, 100, surplusRules).passed).toBe(false);
    expect(evaluateFloorAddition(31, 100, surplusRules)).toMatchObject({ passed: true, required: 31 });
  });
});

describe('election base', () => {
  it('is delegates convened minus the convening-committee members and delegates absent throughout', () => {
    expect(
      electionBase({
        kind: 'delegates',
        delegatesConvened: 350,
        conveningCommitteeAbsentThroughout: 1,
        delegatesAbsentWithoutAlternate: 4,
        present: 340,
      }),
    ).toBe(345);
  });

  it('for a congress of all members subtracts exempt, suspended and absent with leave', () => {
    expect(
      electionBase({
        kind: 'all-members',
        officialMembers: 40,
        exempt: 3,
        suspended: 1,
        absentWithLeave: 2,
        present: 30,
      }),
    ).toBe(34);
  });

  it('rejects more present than the base', () => {
    expect(() =>
      electionBase({
        kind: 'delegates',
        delegatesConvened: 10,
        conveningCommitteeAbsentThroughout: 0,
        delegatesAbsentWithoutAlternate: 2,
        present: 9,
      }),
    ).toThrow(ValidationError);
  });
});

describe('seats by votes', () => {
  const result = (personId: string, votes: number, passed = true) => ({ personId, votes, passed });

  it('elects everyone who passed when they fit', () => {
    expect(allocateSeats(3, [result('a', 40), result('b', 30, false), result('c', 35)])).toEqual({
      elected: ['a', 'c'],
      tie: null,
      seatsLeft: 1,
    });
  });

  it('elects by votes when more pass than seats', () => {
    expect(allocateSeats(2, [result('a', 40), result('b', 38), result('c', 36)]).elected).toEqual(['a', 'b']);
  });

  it('holds back the last seat on a tie', () => {
    expect(allocateSeats(2, [result('a', 40), result('b', 36), result('c', 36)])).toEqual({
      elected: ['a'],
      tie: { personIds: ['b', 'c'], votes: 36, seats: 1 },
      seatsLeft: 1,
    });
  });

  it('elects tied candidates when they exactly fill the seats', () => {
    expect(allocateSeats(3, [result('a', 40), result('b', 36), result('c', 36), result('d', 30)]).elected).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('nomination for a post (appointment steps 2–3)', () => {
  const threshold = rulebook2025to2030.decision.threshold;

  it('forwards the one with most votes and more than half', () => {
    expect(nominationOutcome({ a: 6, b: 3 }, 9, threshold)).toMatchObject({
      forwarded: ['a'],
      rule: 'most-votes-and-majority',
    });
  });

  it('forwards the top two when nobody has more than half', () => {
    expect(nominationOutcome({ a: 4, b: 3, c: 2 }, 9, threshold)).toMatchObject({
      forwarded: ['a', 'b'],
      rule: 'top-two',
    });
  });

  it('reports a tie for second place: two of three go forward by id order, and the tie says so', () => {
    expect(nominationOutcome({ a: 4, c: 2, b: 2 }, 9, threshold)).toMatchObject({
      forwarded: ['a', 'b'],
      rule: 'top-two',
      tie: { personIds: ['b', 'c'], votes: 2, places: 1, forwarded: ['b'] },
    });
  });

  it('reports a three-way tie at the top', () => {
    expect(nominationOutcome({ c: 3, b: 3, a: 3 }, 9, threshold)).toMatchObject({
      forwarded: ['a', 'b'],
      tie: { personIds: ['a', 'b', 'c'], votes: 3, places: 2, forwarded: ['a', 'b'] },
    });
  });

  it('reports no tie when the two tied are the two forwarded', () => {
    expect(nominationOutcome({ a: 3, b: 3, c: 2 }, 9, threshold).tie).toBeNull();
    expect(nominationOutcome({ a: 6, b: 3, c: 3 }, 9, threshold).tie).toBeNull();
  });
});
