import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { dayjs } from '../shared/dates';
import { stepLabel } from '../shared/labels';
import { checkLaunch, kindFields, launchBody, launchFieldOf, type LaunchFields } from './launch-rules';

const members = Array.from({ length: 15 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`);
const fields = (overrides: Partial<LaunchFields> = {}): LaunchFields => ({
  kind: 'first-session',
  organisationId: 'org/bac-ninh',
  sessionDate: dayjs('2025-10-17'),
  standingCommitteeSeats: 5,
  deputySecretaries: 1,
  inspectionCommitteeSeats: 3,
  candidateIds: members,
  ...overrides,
});
const today = dayjs('2025-10-01');

describe('launching the first session of a new executive committee', () => {
  it('asks for the session date and the seats, not a congress date', () => {
    expect(kindFields('first-session')).toMatchObject({ firstSession: true, congressDate: false, seats: false });
  });

  it('sends the members, the day as YYYY-MM-DD and the three counts', () => {
    expect(launchBody(fields())).toEqual({
      kind: 'first-session',
      organisationId: 'org/bac-ninh',
      launchDate: undefined,
      candidateIds: members,
      sessionDate: '2025-10-17',
      standingCommitteeSeats: 5,
      deputySecretaries: 1,
      inspectionCommitteeSeats: 3,
    });
  });

  it('checks the counts against the members chosen, as the server does, at each bound', () => {
    expect(checkLaunch(fields(), today)).toEqual([]);
    expect(checkLaunch(fields({ standingCommitteeSeats: 14 }), today)).toEqual([]);
    expect(checkLaunch(fields({ standingCommitteeSeats: 15 }), today)).toEqual([
      { name: ['standingCommitteeSeats'], key: 'launch.firstSessionSeats', params: { min: 2, max: 14 } },
    ]);
    expect(checkLaunch(fields({ standingCommitteeSeats: 1, deputySecretaries: 1 }), today)).toMatchObject([
      { name: ['standingCommitteeSeats'] },
    ]);
    expect(checkLaunch(fields({ inspectionCommitteeSeats: 16 }), today)).toMatchObject([
      { name: ['inspectionCommitteeSeats'], params: { max: 15 } },
    ]);
    expect(checkLaunch(fields({ candidateIds: members.slice(0, 2) }), today)).toEqual([
      { name: ['candidateIds'], key: 'launch.firstSessionTooFew', params: { min: 3 } },
    ]);
  });

  it("puts the server's refusal of a count on its field", () => {
    expect(launchFieldOf('seats.standingCommittee')).toEqual(['standingCommitteeSeats']);
    expect(launchFieldOf('seats.inspectionCommittee')).toEqual(['inspectionCommitteeSeats']);
    expect(launchFieldOf('sessionDate')).toEqual(['sessionDate']);
  });

  it('names the list step of an office in Vietnamese', () => {
    expect(stepLabel(i18n.getFixedT('vi'), 'list-3')).toBe('Ban Chấp hành giới thiệu danh sách bầu (bước 3)');
  });
});
