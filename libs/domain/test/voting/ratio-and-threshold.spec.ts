import {
  atLeast,
  evaluateQuorum,
  evaluateThreshold,
  exceeds,
  formatPercent,
  minimumAtLeast,
  minimumExceeding,
  ratio,
  rulebook2025to2030,
  ValidationError,
} from '@cadreflow/domain';

const moreThanHalf = rulebook2025to2030.decision.threshold;
const twoThirds = rulebook2025to2030.quorum.keyCadresConference;

describe('percentages are shown from raw counts, rounded half up', () => {
  it('shows 14/67 as 20.90% (the published 20.89% was truncated)', () => {
    expect(formatPercent(14, 67)).toBe('20.90%');
  });

  it.each([
    [1, 8, '12.50%'],
    [1, 3, '33.33%'],
    [2, 3, '66.67%'],
    [1, 200, '0.50%'],
    [67, 67, '100.00%'],
    [0, 5, '0.00%'],
  ])('%i/%i shows as %s', (part, whole, shown) => {
    expect(formatPercent(part, whole)).toBe(shown);
  });

  it('rounds a half up at zero decimals (1/8 → 13%) and refuses a zero base', () => {
    expect(formatPercent(1, 8, 0)).toBe('13%');
    expect(() => formatPercent(1, 0)).toThrow(ValidationError);
  });
});

describe('integer ratio arithmetic', () => {
  it('compares without floating point', () => {
    expect(exceeds(25, 48, ratio(1, 2))).toBe(true);
    expect(exceeds(24, 48, ratio(1, 2))).toBe(false);
    expect(atLeast(20, 30, ratio(2, 3))).toBe(true);
    expect(atLeast(19, 30, ratio(2, 3))).toBe(false);
    expect(minimumAtLeast(10, ratio(2, 3))).toBe(7);
    expect(minimumExceeding(48, ratio(1, 2))).toBe(25);
    expect(minimumExceeding(49, ratio(1, 2))).toBe(25);
  });

  it('rejects fractional counts and a zero denominator', () => {
    expect(() => ratio(1, 0)).toThrow(ValidationError);
    expect(() => exceeds(2.5, 10, ratio(1, 2))).toThrow(ValidationError);
  });
});

describe('decision threshold: more than half of the defined base', () => {
  it('fails at exactly 50%', () => {
    expect(evaluateThreshold(24, 48, moreThanHalf)).toEqual({ base: 48, votes: 24, required: 25, passed: false });
  });

  it('passes one vote above half', () => {
    expect(evaluateThreshold(25, 48, moreThanHalf).passed).toBe(true);
  });

  it('never passes on an empty base', () => {
    expect(evaluateThreshold(0, 0, moreThanHalf).passed).toBe(false);
  });
});

describe('quorum: at least 2/3 of those summoned', () => {
  it('passes at exactly 2/3', () => {
    expect(evaluateQuorum({ summoned: 30, present: 20 }, twoThirds)).toEqual({
      summoned: 30,
      present: 20,
      required: 20,
      quorate: true,
    });
  });

  it('fails just under 2/3', () => {
    expect(evaluateQuorum({ summoned: 30, present: 19 }, twoThirds).quorate).toBe(false);
    expect(evaluateQuorum({ summoned: 10, present: 6 }, twoThirds).quorate).toBe(false);
    expect(evaluateQuorum({ summoned: 10, present: 7 }, twoThirds).quorate).toBe(true);
  });

  it('rejects more present than summoned', () => {
    expect(() => evaluateQuorum({ summoned: 10, present: 11 }, twoThirds)).toThrow(ValidationError);
  });
});
