import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../api/views';
import { filedDeclarations } from './AssetDeclarations';
import { electionRounds } from './ElectionResults';

const event = (type: string, data: Record<string, unknown>, recordedAt = '2026-12-06T08:00:00.000Z'): TrailEvent =>
  ({ type, data, recordedAt }) as unknown as TrailEvent;

describe('electionRounds', () => {
  it('reads each round from the trail: who passed with votes and base, who did not, seats left', () => {
    const threshold = (round: number, personId: string, votes: number, passed: boolean) =>
      event('ThresholdEvaluated', { stepId: `round-${round}`, personId, votes, base: 300, passed });
    const rounds = electionRounds([
      event('ElectionRoundOpened', { round: 1 }),
      threshold(1, 'a', 250, true),
      threshold(1, 'b', 120, false),
      threshold(1, 'c', 100, false),
      // An introduction meeting's thresholds are not an election round's.
      event('ThresholdEvaluated', { stepId: 're-election/2', personId: 'a', votes: 20, passed: true }),
      event('CandidateElected', { personId: 'a', round: 1, votes: 250, base: 300 }),
      event('ElectionRoundClosed', { round: 1, elected: ['a'], seatsLeft: 1 }),
      event('ElectionRoundOpened', { round: 2 }),
      threshold(2, 'c', 160, true),
      threshold(2, 'b', 90, false),
      event('CandidateElected', { personId: 'c', round: 2, votes: 160, base: 300 }),
      event('ElectionRoundClosed', { round: 2, elected: ['c'], seatsLeft: 0 }),
    ]);
    expect(rounds).toEqual([
      {
        round: 1,
        elected: [{ personId: 'a', votes: 250, base: 300 }],
        others: [
          { personId: 'b', votes: 120 },
          { personId: 'c', votes: 100 },
        ],
        ties: [],
        seatsLeft: 1,
      },
      {
        round: 2,
        elected: [{ personId: 'c', votes: 160, base: 300 }],
        others: [{ personId: 'b', votes: 90 }],
        ties: [],
        seatsLeft: 0,
      },
    ]);
  });
});

describe('filedDeclarations', () => {
  it('reads each filed asset declaration with its reference and day, and whether it was verified', () => {
    const filed = filedDeclarations([
      event('AssetDeclarationFiled', { personId: 'a', reference: 'KK-1' }, '2026-12-01T02:00:00.000Z'),
      event('AssetDeclarationFiled', { personId: 'b', reference: 'KK-2' }, '2026-12-02T02:00:00.000Z'),
      event('AssetDeclarationVerified', { personId: 'a', consistent: true, finding: 'Khớp' }),
    ]);
    expect(filed.get('a')).toEqual({ reference: 'KK-1', filedOn: '2026-12-01T02:00:00.000Z', verified: true });
    expect(filed.get('b')).toEqual({ reference: 'KK-2', filedOn: '2026-12-02T02:00:00.000Z', verified: false });
    expect(filed.has('c')).toBe(false);
  });
});
