import { demoOrganisation, organisationOf, bodyById } from '@cadreflow/domain';
import { demoUsers } from './demo-users';

describe('demo users', () => {
  it.each(demoUsers.map((u) => [u.username, u] as const))(
    '%s is shown by the name of the registry person the account belongs to',
    (_, user) => {
      const person = demoOrganisation.people.find((p) => p.id === user.personId);
      expect(person).toBeDefined();
      expect(user.displayName).toBe(person?.fullName);
    },
  );

  it('acts only for bodies of the demo registry', () => {
    for (const user of demoUsers) {
      for (const grant of user.grants)
        expect(organisationOf(demoOrganisation, bodyById(demoOrganisation, grant.bodyId).id)).toBeDefined();
    }
  });

  it('gives each party cell that opines on the candidates of the demo congress an account', () => {
    const cells = demoUsers.flatMap((u) => u.grants.filter((g) => g.role === 'party-cell').map((g) => g.bodyId));
    expect(cells.sort()).toEqual(['body/bn-bch', 'org/bac-ninh']);
  });
});
