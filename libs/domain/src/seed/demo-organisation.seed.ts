import {
  type Body,
  type DeclaredRelation,
  type Gender,
  type Level,
  type Membership,
  type OrganisationModel,
  type Person,
  type Post,
} from '../organisation/organisation.types';

/** Ids of the demo organisation's key bodies, posts and people, for demos and tests. */
export const demoIds = {
  national: 'org/national',
  politburo: 'body/politburo',
  centralCommittee: 'body/central-committee',
  centralOrganizationCommittee: 'body/central-organization-committee',
  province: 'org/bac-ninh',
  provincialCongress: 'body/bn-congress',
  executiveCommittee: 'body/bn-bch',
  standingCommittee: 'body/bn-btv',
  standingOffice: 'body/bn-standing-office',
  organizationCommittee: 'body/bn-organization-committee',
  inspectionCommittee: 'body/bn-ubkt',
  keyCadresConference: 'body/bn-key-cadres',
  police: 'body/bn-police',
  finance: 'body/bn-finance',
  communes: ['org/bn-kinh-bac', 'org/bn-tu-son', 'org/bn-tien-du'],
  posts: {
    secretary: 'post/bn-secretary',
    deputySecretary1: 'post/bn-deputy-secretary-1',
    deputySecretary2: 'post/bn-deputy-secretary-2',
    organizationCommitteeHead: 'post/bn-organization-committee-head',
    inspectionCommitteeChair: 'post/bn-ubkt-chair',
    policeDirector: 'post/bn-police-director',
    financeDirector: 'post/bn-finance-director',
  },
  people: {
    secretary: 'person/bn-01',
    deputySecretary1: 'person/bn-02',
    deputySecretary2: 'person/bn-03',
    organizationCommitteeHead: 'person/bn-04',
    inspectionCommitteeChair: 'person/bn-05',
    policeDirector: 'person/bn-20',
    financeDirector: 'person/bn-21',
    /** Declared sibling of the secretary: proposing them for a key post of the same committee conflicts. */
    secretarySibling: 'person/bn-30',
    /** Declared spouse of a standing-committee member: electing them to the standing committee conflicts. */
    standingMemberSpouse: 'person/bn-40',
    organizationOfficer: 'person/bn-ot-01',
    politburoMember: 'person/pb-01',
  },
} as const;

const SEATED_FROM = '2020-10-15';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MALE = ['Văn', 'Quốc', 'Đức', 'Minh', 'Hữu', 'Xuân'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Thanh', 'Ngọc'];
const GIVEN_MALE = ['Hùng', 'Dũng', 'Tuấn', 'Sơn', 'Long', 'Quang', 'Thắng', 'Bình', 'Hải', 'Cường', 'Trung', 'Phong'];
const GIVEN_FEMALE = ['Lan', 'Hương', 'Mai', 'Hạnh', 'Thủy', 'Hà', 'Nga', 'Linh'];

/** Women among the 48 (positions 3, 9, 14, 18, 23, 27, 33, 38, 44): 9 of 48 (18.75%). */
const WOMEN = new Set([3, 9, 14, 18, 23, 27, 33, 38, 44]);

function memberNumber(n: number): string {
  return String(n).padStart(2, '0');
}

function provincialPerson(n: number): Person {
  const gender: Gender = WOMEN.has(n) ? 'female' : 'male';
  const family = FAMILY[n % FAMILY.length] ?? 'Nguyễn';
  const middle = gender === 'male' ? MIDDLE_MALE[n % MIDDLE_MALE.length] : MIDDLE_FEMALE[n % MIDDLE_FEMALE.length];
  const given =
    gender === 'male' ? GIVEN_MALE[(n * 5) % GIVEN_MALE.length] : GIVEN_FEMALE[(n * 3) % GIVEN_FEMALE.length];
  // Born 1965–1990; every seventh member's file gives only the year (then 1 January counts).
  const year = 1965 + ((n * 7) % 26);
  const month = ((n * 5) % 12) + 1;
  const day = ((n * 11) % 28) + 1;
  const birthDate = n % 7 === 0 ? String(year) : `${year}-${memberNumber(month)}-${memberNumber(day)}`;
  return {
    id: `person/bn-${memberNumber(n)}`,
    fullName: `${family} ${middle ?? ''} ${given ?? ''}`,
    gender,
    birthDate,
  };
}

const levels: Level[] = [
  { id: 'level/national', kind: 'national', name: 'Toàn quốc', consultedBodyKind: null },
  {
    id: 'level/province',
    kind: 'province',
    name: 'Tỉnh, thành phố trực thuộc Trung ương',
    consultedBodyKind: 'politburo',
  },
  {
    id: 'level/grassroots',
    kind: 'grassroots',
    name: 'Xã, phường (cơ sở, từ 2025)',
    consultedBodyKind: 'standing-committee',
  },
];

const bodies: Body[] = [
  {
    id: demoIds.national,
    kind: 'party-organisation',
    name: 'Đảng Cộng sản Việt Nam',
    levelId: 'level/national',
    parentId: null,
  },
  {
    id: demoIds.centralCommittee,
    kind: 'executive-committee',
    name: 'Ban Chấp hành Trung ương',
    levelId: 'level/national',
    parentId: demoIds.national,
  },
  {
    id: demoIds.politburo,
    kind: 'politburo',
    name: 'Bộ Chính trị',
    levelId: 'level/national',
    parentId: demoIds.national,
  },
  {
    id: 'body/secretariat',
    kind: 'secretariat',
    name: 'Ban Bí thư',
    levelId: 'level/national',
    parentId: demoIds.national,
  },
  {
    id: demoIds.centralOrganizationCommittee,
    kind: 'organization-committee',
    name: 'Ban Tổ chức Trung ương',
    levelId: 'level/national',
    parentId: demoIds.national,
  },
  {
    id: demoIds.province,
    kind: 'party-organisation',
    name: 'Đảng bộ tỉnh Bắc Ninh',
    levelId: 'level/province',
    parentId: demoIds.national,
  },
  {
    id: demoIds.provincialCongress,
    kind: 'congress',
    name: 'Đại hội Đảng bộ tỉnh Bắc Ninh',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.executiveCommittee,
    kind: 'executive-committee',
    name: 'Ban Chấp hành Đảng bộ tỉnh',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.standingCommittee,
    kind: 'standing-committee',
    name: 'Ban Thường vụ Tỉnh ủy',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.standingOffice,
    kind: 'standing-office',
    name: 'Thường trực Tỉnh ủy',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.organizationCommittee,
    kind: 'organization-committee',
    name: 'Ban Tổ chức Tỉnh ủy',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.inspectionCommittee,
    kind: 'inspection-committee',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.keyCadresConference,
    kind: 'key-cadres-conference',
    name: 'Hội nghị cán bộ chủ chốt tỉnh',
    levelId: 'level/province',
    parentId: demoIds.province,
  },
  {
    id: demoIds.police,
    kind: 'unit',
    name: 'Công an tỉnh',
    levelId: 'level/province',
    parentId: demoIds.province,
    sector: 'police',
  },
  {
    id: demoIds.finance,
    kind: 'unit',
    name: 'Sở Tài chính',
    levelId: 'level/province',
    parentId: demoIds.province,
    sector: 'finance',
  },
  ...[
    ['org/bn-kinh-bac', 'Đảng bộ phường Kinh Bắc'],
    ['org/bn-tu-son', 'Đảng bộ phường Từ Sơn'],
    ['org/bn-tien-du', 'Đảng bộ xã Tiên Du'],
  ].flatMap(([id = '', name = '']): Body[] => [
    { id, kind: 'party-organisation', name, levelId: 'level/grassroots', parentId: demoIds.province },
    {
      id: `${id}/bch`,
      kind: 'executive-committee',
      name: `Ban Chấp hành ${name}`,
      levelId: 'level/grassroots',
      parentId: id,
    },
    {
      id: `${id}/btv`,
      kind: 'standing-committee',
      name: `Ban Thường vụ ${name}`,
      levelId: 'level/grassroots',
      parentId: id,
    },
    {
      id: `${id}/ubkt`,
      kind: 'inspection-committee',
      name: `Ủy ban Kiểm tra ${name}`,
      levelId: 'level/grassroots',
      parentId: id,
    },
  ]),
];

const p = demoIds.posts;
const posts: Post[] = [
  { id: p.secretary, bodyId: demoIds.executiveCommittee, kind: 'secretary', title: 'Bí thư Tỉnh ủy' },
  {
    id: p.deputySecretary1,
    bodyId: demoIds.executiveCommittee,
    kind: 'deputy-secretary',
    title: 'Phó Bí thư Thường trực Tỉnh ủy',
  },
  { id: p.deputySecretary2, bodyId: demoIds.executiveCommittee, kind: 'deputy-secretary', title: 'Phó Bí thư Tỉnh ủy' },
  {
    id: p.organizationCommitteeHead,
    bodyId: demoIds.organizationCommittee,
    kind: 'organization-committee-head',
    title: 'Trưởng Ban Tổ chức Tỉnh ủy',
  },
  {
    id: p.inspectionCommitteeChair,
    bodyId: demoIds.inspectionCommittee,
    kind: 'inspection-committee-chair',
    title: 'Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy',
  },
  { id: p.policeDirector, bodyId: demoIds.police, kind: 'head', title: 'Giám đốc Công an tỉnh' },
  { id: p.financeDirector, bodyId: demoIds.finance, kind: 'head', title: 'Giám đốc Sở Tài chính' },
  { id: 'post/bn-finance-deputy', bodyId: demoIds.finance, kind: 'deputy-head', title: 'Phó Giám đốc Sở Tài chính' },
];

const provincial = Array.from({ length: 48 }, (_, i) => provincialPerson(i + 1));
const people: Person[] = [
  ...provincial,
  { id: 'person/bn-ot-01', fullName: 'Trịnh Văn Tổ', gender: 'male', birthDate: '1980-05-20' },
  { id: 'person/bn-ot-02', fullName: 'Mai Thị Chức', gender: 'female', birthDate: '1984-09-02' },
  { id: 'person/kb-01', fullName: 'Nguyễn Văn Kinh', gender: 'male', birthDate: '1950' },
  { id: 'person/pb-01', fullName: 'Phạm Minh Trung', gender: 'male', birthDate: '1962-01-10' },
  { id: 'person/pb-02', fullName: 'Lê Thị Ương', gender: 'female', birthDate: '1964-07-07' },
];

const memberships: Membership[] = [
  ...provincial.map((person): Membership => ({
    personId: person.id,
    bodyId: demoIds.executiveCommittee,
    from: SEATED_FROM,
  })),
  ...provincial
    .slice(0, 15)
    .map((person): Membership => ({ personId: person.id, bodyId: demoIds.standingCommittee, from: SEATED_FROM })),
  { personId: 'person/bn-01', bodyId: demoIds.executiveCommittee, postId: p.secretary, from: SEATED_FROM },
  { personId: 'person/bn-02', bodyId: demoIds.executiveCommittee, postId: p.deputySecretary1, from: SEATED_FROM },
  { personId: 'person/bn-03', bodyId: demoIds.executiveCommittee, postId: p.deputySecretary2, from: SEATED_FROM },
  {
    personId: 'person/bn-04',
    bodyId: demoIds.organizationCommittee,
    postId: p.organizationCommitteeHead,
    from: SEATED_FROM,
  },
  {
    personId: 'person/bn-05',
    bodyId: demoIds.inspectionCommittee,
    postId: p.inspectionCommitteeChair,
    from: SEATED_FROM,
  },
  { personId: 'person/bn-20', bodyId: demoIds.police, postId: p.policeDirector, from: '2021-03-01' },
  { personId: 'person/bn-21', bodyId: demoIds.finance, postId: p.financeDirector, from: '2022-06-01' },
  { personId: 'person/bn-ot-01', bodyId: demoIds.organizationCommittee, from: '2019-01-02' },
  { personId: 'person/bn-ot-02', bodyId: demoIds.organizationCommittee, from: '2021-01-04' },
  { personId: 'person/pb-01', bodyId: demoIds.politburo, from: '2021-01-31' },
  { personId: 'person/pb-02', bodyId: demoIds.politburo, from: '2021-01-31' },
];

const relations: DeclaredRelation[] = [
  { personId: 'person/bn-30', relativeId: 'person/bn-01', kind: 'sibling', declaredOn: '2020-08-01' },
  { personId: 'person/bn-40', relativeId: 'person/bn-12', kind: 'spouse', declaredOn: '2020-08-01' },
  { personId: 'person/bn-20', relativeId: 'person/bn-21', kind: 'sibling', declaredOn: '2021-02-15' },
  { personId: 'person/bn-25', relativeId: 'person/kb-01', kind: 'parent', declaredOn: '2020-08-01' },
  { personId: 'person/bn-33', relativeId: 'person/bn-ot-02', kind: 'sibling', declaredOn: '2024-11-01' },
];

/**
 * A demo province on the 2025 tree (no districts): Đảng bộ tỉnh Bắc Ninh under the Politburo, with its
 * 48-member executive committee, 15-member standing committee, Organization Committee, UBKT, two sector units
 * and three communes/wards, plus a few declared relatives that the QĐ 205/114 checks catch.
 *
 * @example membersOf(demoOrganisation, demoIds.executiveCommittee, '2025-01-01').length // 48
 */
export const demoOrganisation: OrganisationModel = { levels, bodies, posts, people, memberships, relations };
