import { demoIds, demoOrganisation } from '@cadreflow/domain';
import type { CongressPersonnelLaunch, ElectionLaunch } from '@cadreflow/workflows/messages';
import { buildLaunch } from '../../apps/api/src/procedures/launch-builder';
import type { LaunchForm } from '../../apps/api/src/procedures/launch.dto';
import { LaunchFormPipe } from '../../apps/api/src/procedures/launch-form.pipe';

const snapshot = { model: demoOrganisation, version: 7, hash: 'd'.repeat(64) };
const launchedBy = {
  actorId: demoIds.people.organizationOfficer,
  role: 'organization-committee' as const,
  bodyId: demoIds.organizationCommittee,
};
const people = ['person/bn-06', 'person/bn-07', 'person/bn-08', 'person/bn-09', 'person/bn-10', 'person/bn-11'];
const base = { kind: 'election', organisationId: demoIds.province, congressDate: '2030-06-15', candidateIds: people };

describe('delegates to the higher congress launched from the election form', () => {
  it('passes the alternate seats to the election; without them it is a committee election', () => {
    const delegates = buildLaunch(
      { ...base, seats: 4, alternateSeats: 1 } as LaunchForm,
      snapshot,
      'proc-delegates',
      launchedBy,
    ) as ElectionLaunch;
    expect(delegates.data).toMatchObject({ seats: 4, alternateSeats: 1 });
    const committee = buildLaunch({ ...base, seats: 5 } as LaunchForm, snapshot, 'proc-committee', launchedBy);
    expect((committee as ElectionLaunch).data).not.toHaveProperty('alternateSeats');
  });

  it('the form pipe refuses negative or fractional alternate seats (400)', async () => {
    const pipe = new LaunchFormPipe();
    await expect(pipe.transform({ ...base, seats: 4, alternateSeats: -1 })).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ ...base, seats: 4, alternateSeats: 1.5 })).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ ...base, seats: 4, alternateSeats: 2 })).resolves.toMatchObject({
      alternateSeats: 2,
    });
  });
});

/** The committee of five seats, six names, that the congress forms below launch with. */
const committee = ['person/bn-01', 'person/bn-02', 'person/bn-03', 'person/bn-04', 'person/bn-05', 'person/bn-06'];
/** A congress launch form without delegates or first session, which each case below adds to. */
const congress = {
  kind: 'congress-personnel',
  organisationId: demoIds.province,
  congressDate: '2030-06-15',
  executiveCommitteeSeats: 5,
  standingCommitteeSeats: 3,
  deputySecretaries: 1,
  candidateIds: committee,
};

describe('delegates to the higher congress launched with the congress', () => {
  const delegateCandidateIds = ['person/bn-07', 'person/bn-08', 'person/bn-09', 'person/bn-10'];

  it('carries the official and alternate seats and their list on the composite; none given, no delegates', () => {
    const launch = buildLaunch(
      { ...congress, delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds } as LaunchForm,
      snapshot,
      'proc-congress',
      launchedBy,
    ) as CongressPersonnelLaunch;
    expect(launch.delegates).toEqual({ seats: 2, alternateSeats: 1, candidateIds: delegateCandidateIds });
    const none = buildLaunch(congress as LaunchForm, snapshot, 'proc-congress-2', launchedBy);
    expect(none).not.toHaveProperty('delegates');
    const zero = buildLaunch({ ...congress, delegateSeats: 0 } as LaunchForm, snapshot, 'proc-congress-3', launchedBy);
    expect(zero).not.toHaveProperty('delegates');
  });

  it('refuses a delegates list that breaks the surplus rule, an unknown person, or alternates without official seats (422)', () => {
    const refused = (form: Record<string, unknown>): unknown => {
      try {
        buildLaunch({ ...congress, ...form } as LaunchForm, snapshot, 'proc-refused', launchedBy);
        return null;
      } catch (error) {
        return error;
      }
    };
    expect(
      refused({ delegateSeats: 2, alternateDelegateSeats: 1, delegateCandidateIds: delegateCandidateIds.slice(0, 3) }),
    ).toMatchObject({
      code: 'SURPLUS_RULE_BROKEN',
      extra: { field: 'delegateCandidateIds' },
    });
    expect(
      refused({ delegateSeats: 2, delegateCandidateIds: ['person/bn-07', 'person/nobody', 'person/bn-08'] }),
    ).toMatchObject({
      code: 'LAUNCH_UNKNOWN_PERSON',
      extra: { field: 'delegateCandidateIds.1' },
    });
    expect(refused({ alternateDelegateSeats: 1 })).toMatchObject({
      code: 'LAUNCH_DELEGATE_SEATS_MISSING',
      extra: { field: 'delegateSeats' },
    });
  });
});

describe('the first session of the new committee launched with the congress', () => {
  it('carries the inspection committee seats on the composite; none given, no first session', () => {
    const launch = buildLaunch(
      { ...congress, inspectionCommitteeSeats: 2 } as LaunchForm,
      snapshot,
      'proc-session',
      launchedBy,
    ) as CongressPersonnelLaunch;
    expect(launch.firstSession).toEqual({ inspectionCommitteeSeats: 2 });
    expect(buildLaunch(congress as LaunchForm, snapshot, 'proc-no-session', launchedBy)).not.toHaveProperty(
      'firstSession',
    );
  });

  it('refuses seats the committee of the plan cannot fill (422 with the domain code)', () => {
    let refused: unknown = null;
    try {
      buildLaunch({ ...congress, inspectionCommitteeSeats: 9 } as LaunchForm, snapshot, 'proc-too-many', launchedBy);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ errorCode: expect.stringMatching(/^FIRST_SESSION_/) as unknown });
  });
});
