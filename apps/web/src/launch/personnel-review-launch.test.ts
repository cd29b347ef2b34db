import { describe, expect, it } from 'vitest';
import { dayjs } from '../shared/dates';
import { checkLaunch, kindFields, launchBody, launchFieldOf, type LaunchFields } from './launch-rules';

const fields = (overrides: Partial<LaunchFields>): LaunchFields => ({
  kind: 'confidence-vote',
  organisationId: 'org/bac-ninh',
  candidateIds: ['person/bn-02'],
  ...overrides,
});

describe('launching a confidence vote or a classification', () => {
  it('asks for no congress date; a classification asks for the year', () => {
    expect(kindFields('confidence-vote')).toEqual({ congressDate: false, plan: false, seats: false, year: false });
    expect(kindFields('classification')).toEqual({ congressDate: false, plan: false, seats: false, year: true });
  });

  it('sends the people, and the year for a classification', () => {
    expect(launchBody(fields({}))).toEqual({
      kind: 'confidence-vote',
      organisationId: 'org/bac-ninh',
      launchDate: undefined,
      candidateIds: ['person/bn-02'],
    });
    expect(launchBody(fields({ kind: 'classification', year: 2025 }))).toMatchObject({
      kind: 'classification',
      year: 2025,
    });
    expect(launchFieldOf('year')).toEqual(['year']);
  });

  it('needs at least one person', () => {
    expect(checkLaunch(fields({ candidateIds: [] }), dayjs())).toEqual([
      { name: ['candidateIds'], key: 'launch.candidatesNone' },
    ]);
  });
});
