import { hash } from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { demoIds } from '@cadreflow/domain';
import { UserEntity, type Grant } from './user.entity';

/** The password of every demo user of the embedded default. */
export const DEMO_PASSWORD = 'cadreflow-demo';

interface DemoUser {
  username: string;
  /** The registry person's full name (a test keeps the two equal). */
  displayName: string;
  personId: string;
  grants: Grant[];
  /** What a person trying the system does with this account. */
  purpose: string;
}

const provincialCollectives: Grant[] = [
  { role: 'standing-committee', bodyId: demoIds.standingCommittee },
  { role: 'executive-committee', bodyId: demoIds.executiveCommittee },
  { role: 'key-cadres-conference', bodyId: demoIds.keyCadresConference },
];

/** Accounts for the demo province (Bắc Ninh) and the Politburo above it. */
export const demoUsers: readonly DemoUser[] = [
  {
    username: 'tochuc',
    displayName: 'Trịnh Văn Tổ',
    personId: demoIds.people.organizationOfficer,
    grants: [{ role: 'organization-committee', bodyId: demoIds.organizationCommittee }],
    purpose: 'launches procedures, follows progress',
  },
  {
    username: 'phobithu',
    displayName: 'Lê Đức Trung',
    personId: demoIds.people.deputySecretary1,
    grants: provincialCollectives,
    purpose: 'records the decisions of the standing and executive committees',
  },
  {
    username: 'phobithu2',
    displayName: 'Phạm Ngọc Hương',
    personId: demoIds.people.deputySecretary2,
    grants: provincialCollectives,
    purpose: 'a second approver of the same bodies',
  },
  {
    username: 'kiemphieu',
    displayName: 'Dương Hữu Tuấn',
    personId: 'person/bn-10',
    grants: [
      { role: 'counting-board', bodyId: demoIds.provincialCongress },
      { role: 'congress-presidium', bodyId: demoIds.provincialCongress },
    ],
    purpose: 'records ballot counts and tallies at the congress',
  },
  {
    username: 'ubkt',
    displayName: 'Vũ Xuân Dũng',
    personId: demoIds.people.inspectionCommitteeChair,
    grants: [{ role: 'inspection-committee', bodyId: demoIds.inspectionCommittee }],
    purpose: 'gives vetting opinions; replays and verifies audit trails',
  },
  {
    username: 'bochinhtri',
    displayName: 'Phạm Minh Trung',
    personId: demoIds.people.politburoMember,
    grants: [{ role: 'politburo', bodyId: demoIds.politburo }],
    purpose: 'gives opinions on and approves provincial personnel plans',
  },
  {
    // The congress procedure asks the workplace opinion of the party cell at the executive committee the candidate
    // sits on, and the residence opinion at the provincial organisation (`workflows/src/congress-stage-launches.ts`).
    username: 'chibocoquan',
    displayName: 'Lý Xuân Bình',
    personId: 'person/bn-11',
    grants: [{ role: 'party-cell', bodyId: demoIds.executiveCommittee }],
    purpose: 'gives the opinion of the party cell where the candidate works',
  },
  {
    username: 'chibocutru',
    displayName: 'Nguyễn Văn Kinh',
    personId: 'person/kb-01',
    grants: [{ role: 'party-cell', bodyId: demoIds.province }],
    purpose: 'gives the opinion of the party cell where the candidate lives',
  },
  {
    username: 'bn12',
    displayName: 'Nguyễn Văn Hùng',
    personId: 'person/bn-12',
    grants: provincialCollectives,
    purpose: 'shows recusal: may not decide a step about their spouse',
  },
];

/**
 * Creates the demo users if there are no users yet (embedded default and tests only).
 * @returns the users created, empty when users existed already
 */
export async function seedDemoUsers(dataSource: DataSource): Promise<readonly DemoUser[]> {
  const repository = dataSource.getRepository(UserEntity);
  if ((await repository.count()) > 0) return [];
  const passwordHash = await hash(DEMO_PASSWORD, 10);
  await repository.insert(
    demoUsers.map((u) => ({
      id: `user/${u.username}`,
      username: u.username,
      passwordHash,
      displayName: u.displayName,
      personId: u.personId,
      grants: u.grants,
    })),
  );
  return demoUsers;
}
