import { checkBallotCounts, classifyBallot, countBallots, noInvalidBallots, ValidationError } from '@cadreflow/domain';

const context = { seats: 2, candidateIds: ['a', 'b', 'c'] };

describe('ballot validity', () => {
  it('accepts up to the number of seats from the list', () => {
    expect(classifyBallot({ issuedByBoard: true, marked: ['a', 'b'] }, context)).toBe('valid');
    expect(classifyBallot({ issuedByBoard: true, marked: ['c'] }, context)).toBe('valid');
  });

  it.each([
    [{ issuedByBoard: false, marked: ['a'] }, 'not-issued-by-board'],
    [{ issuedByBoard: true, marked: ['a', 'b', 'c'] }, 'too-many-names'],
    [{ issuedByBoard: true, marked: [] }, 'no-name-with-surplus'],
    [{ issuedByBoard: true, marked: ['a', 'z'] }, 'name-off-list'],
  ])('rejects %o as %s', (ballot, reason) => {
    expect(classifyBallot(ballot, context)).toBe(reason);
  });

  it('accepts a blank ballot when there is no surplus', () => {
    expect(classifyBallot({ issuedByBoard: true, marked: [] }, { seats: 2, candidateIds: ['a', 'b'] })).toBe('valid');
  });
});

describe('counting anonymous ballots', () => {
  it('produces counts and tallies only', () => {
    const { counts, tallies } = countBallots(
      5,
      [
        { issuedByBoard: true, marked: ['a', 'b'] },
        { issuedByBoard: true, marked: ['a'] },
        { issuedByBoard: true, marked: ['a', 'b', 'c'] },
        { issuedByBoard: false, marked: ['c'] },
      ],
      context,
    );
    expect(counts).toEqual({
      issued: 5,
      returned: 4,
      valid: 2,
      invalid: { 'not-issued-by-board': 1, 'too-many-names': 1, 'no-name-with-surplus': 0, 'name-off-list': 0 },
    });
    expect(tallies).toEqual({ a: 2, b: 1, c: 0 });
  });

  it('rejects counts that do not add up', () => {
    const counts = { issued: 10, returned: 9, valid: 8, invalid: noInvalidBallots() };
    expect(() => checkBallotCounts(counts, { a: 1 }, context)).toThrow(ValidationError);
    expect(() => checkBallotCounts({ ...counts, returned: 11, valid: 11 }, {}, context)).toThrow(/returned but only/);
    expect(() => checkBallotCounts({ ...counts, valid: 9 }, { a: 10 }, context)).toThrow(/only 9 ballots are valid/);
    expect(() => checkBallotCounts({ ...counts, valid: 9 }, { z: 1 }, context)).toThrow(/not on this round/);
    expect(() => checkBallotCounts({ ...counts, valid: 9 }, { a: 9, b: 9, c: 1 }, context)).toThrow(/exceed/);
  });
});
