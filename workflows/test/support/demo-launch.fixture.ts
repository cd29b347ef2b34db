import {
  checkAge,
  demoIds,
  demoOrganisation,
  membersOf,
  personById,
  rulebookInForce,
  type OrganisationModel,
  type Person,
  type PersonnelPlanContent,
} from '@cadreflow/domain';
import type { ActorRef, PersonnelPlanLaunch, RegistrySnapshot } from '@cadreflow/workflows/messages';

/** A registry snapshot of `model` as a launch pins it (the registry computes the real hash; any stable text here). */
export function registrySnapshot(model: OrganisationModel = demoOrganisation, version = 1): RegistrySnapshot {
  return { version, hash: `fixture:v${version}:${model.people.length}-people`, model };
}

/** Actors of the demo province, as the API would pass them. */
export const demoActors = {
  organizationOfficer: {
    actorId: 'person/bn-ot-01',
    role: 'organization-committee',
    bodyId: demoIds.organizationCommittee,
  },
  standingMember: { actorId: 'person/bn-06', role: 'standing-committee', bodyId: demoIds.standingCommittee },
  executiveMember: { actorId: 'person/bn-02', role: 'executive-committee', bodyId: demoIds.executiveCommittee },
  conferenceClerk: { actorId: 'person/bn-08', role: 'key-cadres-conference', bodyId: demoIds.keyCadresConference },
  inspector: { actorId: 'person/bn-05', role: 'inspection-committee', bodyId: demoIds.inspectionCommittee },
  politburo: { actorId: demoIds.people.politburoMember, role: 'politburo', bodyId: demoIds.politburo },
} satisfies Record<string, ActorRef>;

/** The 48 sitting members of the demo provincial executive committee. */
export const sittingMembers: string[] = Array.from(
  { length: 48 },
  (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`,
);

/** A valid plan: 48 seats, 15 standing, 3 deputies, the sitting members plus a 10% surplus of `extra`. */
export function provincialPlan(candidateIds: readonly string[]): PersonnelPlanContent {
  return {
    executiveCommitteeSeats: 48,
    standingCommitteeSeats: 15,
    deputySecretaries: 3,
    candidateIds,
    standards: ['Standards of QĐ 214', 'Under-40 at least 10%, women at least 15%'],
  };
}

/** A personnel-plan launch for the demo province. */
export function planLaunch(procedureId: string, plan: PersonnelPlanContent): PersonnelPlanLaunch {
  return {
    kind: 'personnel-plan',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    data: {
      organisationId: demoIds.province,
      standingCommitteeId: demoIds.standingCommittee,
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      plan,
    },
  };
}

/**
 * The launch form (`POST /procedures`) of the demo province's personnel plan: the 48 sitting members of the
 * executive committee, all in the registry, stand for 45 seats (a surplus of 3, 6.7%).
 */
export function provincialPlanRequest(): {
  kind: 'personnel-plan';
  organisationId: string;
  executiveCommitteeSeats: number;
  standingCommitteeSeats: number;
  deputySecretaries: number;
  candidateIds: string[];
  standards: string[];
} {
  return {
    kind: 'personnel-plan',
    organisationId: demoIds.province,
    executiveCommitteeSeats: 45,
    standingCommitteeSeats: 15,
    deputySecretaries: 3,
    candidateIds: [...sittingMembers],
    standards: ['Tiêu chuẩn theo Quy định 214-QĐ/TW', 'Tỷ lệ nữ ít nhất 15%'],
  };
}

/** The demo province plus `count` young first-time candidates from the succession pool. */
export function organisationWithNewcomers(count: number): OrganisationModel {
  const newcomers: Person[] = Array.from({ length: count }, (_, i) => ({
    id: `person/bn-pool-${String(i + 1).padStart(2, '0')}`,
    fullName: `Ứng viên quy hoạch ${i + 1}`,
    gender: i % 3 === 0 ? 'female' : 'male',
    birthDate: `${1986 + (i % 5)}-0${1 + (i % 9)}-15`,
  }));
  return { ...demoOrganisation, people: [...demoOrganisation.people, ...newcomers] };
}

/**
 * `size` candidates for a congress on `congressDate`: the sitting executive committee members young enough for
 * re-election on `today`'s rulebook, topped up with newcomers from the pool.
 */
export function candidateList(model: OrganisationModel, today: string, congressDate: string, size: number): string[] {
  const rulebook = rulebookInForce(today);
  const eligible = membersOf(model, demoIds.executiveCommittee, today).filter(
    (id) => checkAge({ ...personById(model, id), track: 're-election', congressDate }, rulebook).eligible,
  );
  const pool = model.people.filter((p) => p.id.startsWith('person/bn-pool-')).map((p) => p.id);
  return [...eligible, ...pool].slice(0, size);
}
