import { demoIds, demoOrganisation, type Actor, type VettingCandidate } from '@cadreflow/domain';
import type { IntroductionLaunch, VettingLaunch } from '@cadreflow/workflows/messages';
import { launchCommand } from '../src/procedure-kinds';
import { demoActors, registrySnapshot } from './support/demo-launch.fixture';

const actor: Actor = {
  personId: 'person/bn-ot-01',
  role: 'organization-committee',
  bodyId: demoIds.organizationCommittee,
};
const now = '2025-09-01T02:00:00.000Z';

describe('launch commands built on a registry snapshot', () => {
  it('adds the relatives the snapshot declares to those the launch names, and records the snapshot ref', () => {
    const launch: IntroductionLaunch = {
      kind: 'introduction',
      procedureId: 'p1',
      bodyId: demoIds.province,
      launchedBy: demoActors.organizationOfficer,
      registry: registrySnapshot(demoOrganisation, 3),
      data: {
        organisationId: demoIds.province,
        congressDate: '2025-10-15',
        standingCommitteeId: demoIds.standingCommittee,
        executiveCommitteeId: demoIds.executiveCommittee,
        keyCadresConferenceId: demoIds.keyCadresConference,
        inspectionCommitteeId: demoIds.inspectionCommittee,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
        candidates: [
          { personId: 'person/bn-40', track: 'first-time', birthDate: '1980', gender: 'female', relativeIds: ['x'] },
        ],
      },
    };
    const command = launchCommand(launch, actor, now);
    expect(command.data).toMatchObject({
      procedureId: 'p1',
      registry: { version: 3, hash: registrySnapshot(demoOrganisation, 3).hash },
      candidates: [{ personId: 'person/bn-40', relativeIds: ['x', 'person/bn-12'] }],
    });
    expect(command.data).not.toHaveProperty('registry.model');
  });

  it('computes a vetting candidate’s QĐ 205/114 linked-post conflicts for the seat from the snapshot', () => {
    const candidate: VettingCandidate = {
      personId: demoIds.people.secretarySibling,
      relativeIds: [],
      linkedPostConflicts: [],
      workplaceBodyId: demoIds.executiveCommittee,
      residenceBodyId: demoIds.province,
      seat: { bodyId: demoIds.executiveCommittee, postId: demoIds.posts.deputySecretary1, on: '2025-09-01' },
    };
    const launch: VettingLaunch = {
      kind: 'vetting',
      procedureId: 'p2',
      bodyId: demoIds.province,
      launchedBy: demoActors.organizationOfficer,
      registry: registrySnapshot(),
      data: {
        organisationId: demoIds.province,
        higherBodyId: demoIds.politburo,
        bodies: { 'standing-committee': demoIds.standingCommittee },
        candidates: [candidate],
      },
    };
    const [vetted] = (launchCommand(launch, actor, now).data as { candidates: VettingCandidate[] }).candidates;
    expect(vetted?.relativeIds).toEqual([demoIds.people.secretary]);
    expect(vetted?.linkedPostConflicts).toContainEqual(
      expect.objectContaining({ ruleId: 'linked/key-posts-same-committee', relativeId: demoIds.people.secretary }),
    );
  });
});
