import { describe, expect, it } from 'vitest';
import { dayjs } from '../shared/dates';
import { checkLaunch, launchBody, launchFieldOf, type LaunchFields } from './launch-rules';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `person/${i}`);
const fields = (over: Partial<LaunchFields>): LaunchFields => ({
  kind: 'election',
  organisationId: 'org/bac-ninh',
  congressDate: dayjs('2030-06-15'),
  seats: 4,
  candidateIds: ids(6),
  ...over,
});

describe('launching the election of delegates to the higher congress', () => {
  it('sends the alternate seats only when given', () => {
    expect(launchBody(fields({ alternateSeats: 1 }))).toMatchObject({ kind: 'election', seats: 4, alternateSeats: 1 });
    expect(launchBody(fields({ alternateSeats: null }))).not.toHaveProperty('alternateSeats');
    expect(launchFieldOf('alternateSeats')).toEqual(['alternateSeats']);
  });

  it('counts the list against the official and the alternate places together', () => {
    const today = dayjs('2026-01-01');
    expect(checkLaunch(fields({ alternateSeats: 1 }), today)).toEqual([]);
    expect(checkLaunch(fields({ alternateSeats: 2 }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.candidatesTooFew', params: { seats: 6, count: 6 } },
    ]);
    expect(checkLaunch(fields({}), today)[0]?.key).toBe('launch.surplusTooLarge');
  });
});
