import { demoIds, demoOrganisation } from '@cadreflow/domain';
import type { ElectionLaunch } from '@cadreflow/workflows/messages';
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
