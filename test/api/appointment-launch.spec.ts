import { DomainError, demoIds, demoOrganisation } from '@cadreflow/domain';
import type { AppointmentLaunch } from '@cadreflow/workflows/messages';
import { buildLaunch } from '../../apps/api/src/procedures/launch-builder';
import type { LaunchForm } from '../../apps/api/src/procedures/launch.dto';
import { LaunchFormPipe } from '../../apps/api/src/procedures/launch-form.pipe';

const snapshot = { model: demoOrganisation, version: 7, hash: 'c'.repeat(64) };
const launchedBy = {
  actorId: demoIds.people.organizationOfficer,
  role: 'organization-committee' as const,
  bodyId: demoIds.organizationCommittee,
};
const person = demoIds.people.deputySecretary1;
const form = (fields: object): LaunchForm => fields as LaunchForm;
const base = { kind: 'appointment', organisationId: demoIds.province, postTitle: 'Chánh Văn phòng Tỉnh ủy' };

function refusalCode(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.errorCode : String(error);
  }
}

describe('appointment launched from a form', () => {
  it('a ratification: the executive committee elects, the committee one level up ratifies; the variant is kept', () => {
    const launch = buildLaunch(
      form({ ...base, variant: 'ratification', candidateIds: [person] }),
      snapshot,
      'proc-ratify',
      launchedBy,
    ) as AppointmentLaunch;
    expect(launch).toMatchObject({
      kind: 'appointment',
      registry: { version: 7 },
      data: {
        unitId: demoIds.province,
        leadershipCollectiveId: demoIds.executiveCommittee,
        collectiveRole: 'executive-committee',
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
        variant: 'ratification',
        person: { personId: person },
        post: { postId: 'proc-ratify/post', title: 'Chánh Văn phòng Tỉnh ủy', centralManagement: false },
      },
    });
  });

  it('a transfer is voted by the standing committee; an appointment needs the key-cadres conference and no person', () => {
    const transfer = buildLaunch(
      form({ ...base, variant: 'transfer', centralManagement: true, candidateIds: [person] }),
      snapshot,
      'proc-transfer',
      launchedBy,
    ) as AppointmentLaunch;
    expect(transfer.data).toMatchObject({
      leadershipCollectiveId: demoIds.standingCommittee,
      collectiveRole: 'standing-committee',
      post: { centralManagement: true },
    });
    const appointment = buildLaunch(
      form({ ...base, variant: 'appointment', candidateIds: [] }),
      snapshot,
      'proc-appoint',
      launchedBy,
    ) as AppointmentLaunch;
    expect(appointment.data).toMatchObject({
      keyCadresConferenceId: demoIds.keyCadresConference,
      variant: 'appointment',
    });
    expect(appointment.data.person).toBeUndefined();
  });

  it('refuses a variant without its person, and an appointment naming one, before anything starts', () => {
    expect(
      refusalCode(() =>
        buildLaunch(form({ ...base, variant: 'rotation', candidateIds: [] }), snapshot, 'proc-r', launchedBy),
      ),
    ).toBe('APPOINTMENT_PERSON_MISSING');
    expect(
      refusalCode(() =>
        buildLaunch(form({ ...base, variant: 'appointment', candidateIds: [person] }), snapshot, 'proc-a', launchedBy),
      ),
    ).toBe('APPOINTMENT_PERSON_UNEXPECTED');
  });

  it('the form pipe checks the variant, the post and the single person (400 naming the field)', async () => {
    const pipe = new LaunchFormPipe();
    await expect(pipe.transform({ ...base, variant: 'promotion', candidateIds: [person] })).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      pipe.transform({ ...base, variant: 'transfer', candidateIds: [person, demoIds.people.secretary] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      pipe.transform({ ...base, postTitle: '', variant: 'transfer', candidateIds: [person] }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(pipe.transform({ ...base, variant: 'reappointment', candidateIds: [person] })).resolves.toMatchObject({
      kind: 'appointment',
      variant: 'reappointment',
    });
  });
});
