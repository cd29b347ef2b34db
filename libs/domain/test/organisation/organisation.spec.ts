import {
  consultingAuthority,
  consultingHigherBody,
  demoIds,
  demoOrganisation,
  membersOf,
  organisationsUnder,
  procedureBodies,
  ratifyingAuthority,
  relationBetween,
  relativesOf,
} from '@cadreflow/domain';

describe('demo organisation and queries', () => {
  it('has a 48-member executive committee and a 15-member standing committee', () => {
    expect(membersOf(demoOrganisation, demoIds.executiveCommittee, '2025-01-01')).toHaveLength(48);
    expect(membersOf(demoOrganisation, demoIds.standingCommittee, '2025-01-01')).toHaveLength(15);
    expect(membersOf(demoOrganisation, demoIds.executiveCommittee, '2019-01-01')).toHaveLength(0);
  });

  it('consults the Politburo for the province and the provincial standing committee for a commune', () => {
    expect(consultingHigherBody(demoOrganisation, demoIds.province)?.id).toBe(demoIds.politburo);
    const provincial = consultingAuthority(demoOrganisation, demoIds.standingCommittee);
    expect([provincial?.body.id, provincial?.role]).toEqual([demoIds.politburo, 'politburo']);
    const commune = consultingAuthority(demoOrganisation, 'org/bn-kinh-bac');
    expect([commune?.body.id, commune?.role]).toEqual([demoIds.standingCommittee, 'standing-committee']);
    expect(consultingHigherBody(demoOrganisation, demoIds.national)).toBeNull();
  });

  it('lists a party organisation with every organisation below it', () => {
    const communes = ['org/bn-kinh-bac', 'org/bn-tien-du', 'org/bn-tu-son'];
    expect([...organisationsUnder(demoOrganisation, [demoIds.province])].sort()).toEqual(
      [demoIds.province, ...communes].sort(),
    );
    expect(organisationsUnder(demoOrganisation, [demoIds.national]).size).toBe(5);
    expect([...organisationsUnder(demoOrganisation, ['org/bn-tu-son'])]).toEqual(['org/bn-tu-son']);
    expect(organisationsUnder(demoOrganisation, []).size).toBe(0);
  });

  it('finds the ratifying committee one level up', () => {
    expect(ratifyingAuthority(demoOrganisation, 'org/bn-tu-son')?.body.id).toBe(demoIds.standingCommittee);
    expect(ratifyingAuthority(demoOrganisation, demoIds.province)?.role).toBe('politburo');
  });

  it('reads relations both ways', () => {
    expect(relationBetween(demoOrganisation.relations, 'person/bn-25', 'person/kb-01')).toBe('parent');
    expect(relationBetween(demoOrganisation.relations, 'person/kb-01', 'person/bn-25')).toBe('child');
    expect(relativesOf(demoOrganisation.relations, demoIds.people.secretary)).toEqual([
      { relativeId: demoIds.people.secretarySibling, kind: 'sibling' },
    ]);
  });

  it('looks up the bodies a launch needs', () => {
    const bodies = procedureBodies(demoOrganisation, demoIds.standingCommittee);
    expect(bodies.organisation.id).toBe(demoIds.province);
    expect(bodies.levelKind).toBe('province');
    expect(bodies.keyCadresConference?.id).toBe(demoIds.keyCadresConference);
    expect(procedureBodies(demoOrganisation, 'org/bn-tien-du').organizationCommittee).toBeNull();
  });
});
