import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { declaredDelegates } from './DelegatesResults';

const event = (streamId: string, type: string, data: Record<string, unknown>): TrailEvent =>
  ({ streamId, type, data, recordedAt: '2027-06-15T08:00:00.000Z' }) as unknown as TrailEvent;

describe('declaredDelegates', () => {
  it('reads the official and alternate delegates with the votes of their own stream, not the committee election', () => {
    const result = declaredDelegates([
      event('c/election', 'CandidateElected', { personId: 'a', round: 1, votes: 180, base: 200 }),
      event('c/delegates', 'CandidateElected', { personId: 'b', round: 1, votes: 170, base: 200 }),
      event('c/delegates', 'CandidateElected', { personId: 'a', round: 1, votes: 150, base: 200 }),
      event('c/delegates', 'CandidateElected', { personId: 'c', round: 1, votes: 120, base: 200 }),
      event('c/delegates', 'DelegatesElected', { official: ['b', 'a'], alternates: ['c'], seatsUnfilled: 0 }),
    ]);
    expect(result).toEqual({
      official: [
        { personId: 'b', votes: 170, base: 200 },
        { personId: 'a', votes: 150, base: 200 },
      ],
      alternates: [{ personId: 'c', votes: 120, base: 200 }],
    });
  });

  it('is null until the delegates are declared', () => {
    expect(
      declaredDelegates([event('c/delegates', 'CandidateElected', { personId: 'b', round: 1, votes: 170, base: 200 })]),
    ).toBeNull();
  });
});
