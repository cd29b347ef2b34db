import { DomainError, demoIds, demoOrganisation } from '@cadreflow/domain';
import type { FirstSessionLaunch } from '@cadreflow/workflows/messages';
import { buildLaunch } from '../../apps/api/src/procedures/launch-builder';
import type { LaunchForm } from '../../apps/api/src/procedures/launch.dto';
import { LaunchFormPipe } from '../../apps/api/src/procedures/launch-form.pipe';

const snapshot = { model: demoOrganisation, version: 7, hash: 'c'.repeat(64) };
const launchedBy = {
  actorId: demoIds.people.organizationOfficer,
  role: 'organization-committee' as const,
  bodyId: demoIds.organizationCommittee,
};
/** Fifteen members of the new committee; person/bn-03 is a woman. */
const members = Array.from({ length: 15 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`);
const fields = {
  kind: 'first-session',
  organisationId: demoIds.province,
  sessionDate: '2025-10-17',
  standingCommitteeSeats: 5,
  deputySecretaries: 1,
  inspectionCommitteeSeats: 3,
  candidateIds: members,
};
const form = (overrides: object = {}): LaunchForm => ({ ...fields, ...overrides }) as LaunchForm;

describe('first session of the new executive committee launched from a form', () => {
  it('the executive committee elects, the congress counting board counts, the Politburo ratifies; members carry their profiles', () => {
    const launch = buildLaunch(form(), snapshot, 'proc-fs', launchedBy) as FirstSessionLaunch;
    expect(launch).toMatchObject({
      kind: 'first-session',
      procedureId: 'proc-fs',
      registry: { version: 7, hash: 'c'.repeat(64) },
      data: {
        organisationId: demoIds.province,
        executiveCommitteeId: demoIds.executiveCommittee,
        countingBoardId: demoIds.provincialCongress,
        level: 'province',
        sessionDate: '2025-10-17',
        seats: { standingCommittee: 5, deputySecretaries: 1, inspectionCommittee: 3 },
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
      },
    });
    expect(launch.data.members.map((m) => m.personId)).toEqual(members);
    expect(launch.data.members[2]).toMatchObject({ personId: 'person/bn-03', gender: 'female' });
  });

  it('refuses seats the committee cannot hold (422 naming the field), before anything starts', () => {
    let refused: unknown;
    try {
      buildLaunch(form({ standingCommitteeSeats: 15 }), snapshot, 'proc-fs', launchedBy);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      errorCode: 'FIRST_SESSION_SEATS_INVALID',
      params: { field: 'standingCommittee', min: 2, max: 14, members: 15 },
    });
  });

  it('the form pipe checks the counts, the date and the members (400 naming the field)', async () => {
    const pipe = new LaunchFormPipe();
    await expect(pipe.transform({ ...fields, deputySecretaries: -1 })).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ ...fields, sessionDate: '17/10/2025' })).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ ...fields, candidateIds: members.slice(0, 2) })).rejects.toMatchObject({
      status: 400,
    });
    await expect(pipe.transform(fields)).resolves.toMatchObject({ kind: 'first-session', standingCommitteeSeats: 5 });
  });
});
