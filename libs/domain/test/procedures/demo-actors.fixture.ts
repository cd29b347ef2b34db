import { type Actor, type BallotCounts, type MeetingTally, demoIds, noInvalidBallots } from '@cadreflow/domain';

/** Actors of the demo province, in the roles they act in. */
export const actors = {
  organizationOfficer: {
    personId: 'person/bn-ot-01',
    role: 'organization-committee',
    bodyId: demoIds.organizationCommittee,
  },
  secondOfficer: { personId: 'person/bn-ot-02', role: 'organization-committee', bodyId: demoIds.organizationCommittee },
  standingMember: { personId: 'person/bn-06', role: 'standing-committee', bodyId: demoIds.standingCommittee },
  executiveSecretary: { personId: 'person/bn-02', role: 'executive-committee', bodyId: demoIds.executiveCommittee },
  conferenceClerk: { personId: 'person/bn-08', role: 'key-cadres-conference', bodyId: demoIds.keyCadresConference },
  conferenceRecorder: { personId: 'person/bn-09', role: 'key-cadres-conference', bodyId: demoIds.keyCadresConference },
  inspector: { personId: 'person/bn-05', role: 'inspection-committee', bodyId: demoIds.inspectionCommittee },
  politburo: { personId: demoIds.people.politburoMember, role: 'politburo', bodyId: demoIds.politburo },
  system: { personId: 'system', role: 'system', bodyId: demoIds.organizationCommittee },
} satisfies Record<string, Actor>;

/** Ballot counts with every returned ballot valid. */
export function allValid(count: number): BallotCounts {
  return { issued: count, returned: count, valid: count, invalid: noInvalidBallots() };
}

/** A meeting where everyone summoned came and every ballot was valid. */
export function meeting(summoned: number, tallies: Record<string, number>, present = summoned): MeetingTally {
  return { summoned, present, ballots: allValid(present), tallies };
}
