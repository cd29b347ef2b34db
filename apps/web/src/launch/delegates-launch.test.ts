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

describe('a congress that elects its delegates after its committee', () => {
  const congress = (over: Partial<LaunchFields>): LaunchFields => ({
    kind: 'congress-personnel',
    organisationId: 'org/bac-ninh',
    congressDate: dayjs('2030-06-15'),
    executiveCommitteeSeats: 5,
    standingCommitteeSeats: 3,
    deputySecretaries: 1,
    candidateIds: ids(6),
    ...over,
  });
  const today = dayjs('2026-01-01');

  it('sends the delegate seats and list only when it elects official delegates', () => {
    const delegateCandidateIds = ['person/d1', 'person/d2', 'person/d3', 'person/d4'];
    expect(launchBody(congress({ delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds }))).toMatchObject({
      kind: 'congress-personnel',
      delegateSeats: 2,
      alternateDelegateSeats: 1,
      delegateCandidateIds,
    });
    const without = launchBody(congress({ delegateSeats: null, delegateCandidateIds: [] }));
    expect(without).not.toHaveProperty('delegateSeats');
    expect(without).not.toHaveProperty('delegateCandidateIds');
    expect(launchFieldOf('delegateCandidateIds.2')).toEqual(['delegateCandidateIds']);
  });

  it('holds the delegates list to the surplus rule against official and alternate places together', () => {
    const list = (n: number) => ids(n).map((id) => `${id}/d`);
    expect(
      checkLaunch(congress({ delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds: list(4) }), today),
    ).toEqual([]);
    expect(
      checkLaunch(congress({ delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds: list(3) }), today),
    ).toEqual([{ name: ['delegateCandidateIds'], key: 'launch.candidatesTooFew', params: { seats: 3, count: 3 } }]);
    expect(
      checkLaunch(congress({ delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds: list(5) }), today),
    ).toEqual([{ name: ['delegateCandidateIds'], key: 'launch.surplusTooLarge', params: { max: 1 } }]);
  });

  it('holds the first session as the last stage only when chosen, and then sends the seats as they stand', () => {
    expect(launchBody(congress({ holdsFirstSession: true, inspectionCommitteeSeats: 2 }))).toMatchObject({
      inspectionCommitteeSeats: 2,
    });
    // Seats typed in, then the first session unticked: nothing is sent, the congress ends with its election.
    expect(launchBody(congress({ holdsFirstSession: false, inspectionCommitteeSeats: 2 }))).not.toHaveProperty(
      'inspectionCommitteeSeats',
    );
    expect(launchBody(congress({}))).not.toHaveProperty('inspectionCommitteeSeats');
  });

  it('asks for official seats before alternates or a list, and is content with no delegates at all', () => {
    expect(checkLaunch(congress({ alternateDelegateSeats: 1 }), today)).toEqual([
      { name: ['delegateSeats'], key: 'launch.delegateSeatsMissing' },
    ]);
    expect(checkLaunch(congress({}), today)).toEqual([]);
  });
});
