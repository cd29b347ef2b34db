import { evaluateConfidenceVote, rulebook2025to2030, withinExcellentQuota } from '@cadreflow/domain';

describe('confidence votes', () => {
  const vote = (low: number, votes = 30, present = 30) =>
    evaluateConfidenceVote({ summoned: 30, present, low, votes }, rulebook2025to2030).consequence;

  it('low from more than 1/2 to under 2/3 means review; 2/3 or more means dismissal', () => {
    expect(vote(15)).toBe('none');
    expect(vote(16)).toBe('review');
    expect(vote(19)).toBe('review');
    expect(vote(20)).toBe('dismissal');
  });

  it('counts nothing without a 2/3 quorum', () => {
    expect(vote(20, 19, 19)).toBe('none');
  });
});

describe('annual classification', () => {
  it('allows "excellent" up to 20% of the "good" count', () => {
    expect(withinExcellentQuota(2, 10, rulebook2025to2030)).toBe(true);
    expect(withinExcellentQuota(3, 10, rulebook2025to2030)).toBe(false);
  });
});
