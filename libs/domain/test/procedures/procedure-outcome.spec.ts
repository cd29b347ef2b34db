import { procedureSucceeded } from '@cadreflow/domain';

describe('which completed procedures reached their result (progress counts these as done)', () => {
  it.each(['elected', 'consumed', 'introduced', 'proposed'])('%s is a result', (outcome) => {
    expect(procedureSucceeded(outcome)).toBe(true);
  });

  it.each([
    'ratification-refused',
    'election-ratification-refused',
    'rejected',
    'plan-rejected',
    'policy-rejected',
    'proposal-rejected',
    'no-candidate',
    'vetting-failed',
  ])('%s is no result', (outcome) => {
    expect(procedureSucceeded(outcome)).toBe(false);
  });

  it('a completion without an outcome is no result', () => {
    expect(procedureSucceeded(null)).toBe(false);
  });
});
