import { checkComposition, type CompositionMember, rulebook2025to2030 } from '@cadreflow/domain';

function committee(size: number, women: number, young: number, womenInStanding: number): CompositionMember[] {
  return Array.from({ length: size }, (_, i) => ({
    personId: `p${i}`,
    gender: i < women ? 'female' : 'male',
    birthDate: i >= size - young ? '1990-01-01' : '1970-01-01',
    inStandingCommittee: i < womenInStanding || i >= size - 10,
  }));
}

describe('composition targets', () => {
  it('passes a 48-member committee with 8 women (16.67%), 5 under 40 and a woman in the standing committee', () => {
    const check = checkComposition(committee(48, 8, 5, 1), 'province', '2025-10-15', rulebook2025to2030);
    expect(check.ok).toBe(true);
    expect(check.targets.find((t) => t.target === 'women')).toMatchObject({
      required: 8,
      actual: 8,
      display: '8/48 (16.67%)',
    });
  });

  it('fails with 7 women (14.58%), 4 under 40 (8.33%) or no woman in the standing committee', () => {
    const check = checkComposition(committee(48, 7, 4, 0), 'province', '2025-10-15', rulebook2025to2030);
    expect(check.ok).toBe(false);
    expect(check.targets.filter((t) => !t.met).map((t) => t.target)).toEqual([
      'young',
      'women',
      'women-in-standing-committee',
    ]);
  });

  it('does not apply at levels the rulebook leaves out', () => {
    expect(checkComposition(committee(9, 0, 0, 0), 'grassroots', '2025-10-15', rulebook2025to2030)).toEqual({
      applies: false,
      ok: true,
      targets: [],
    });
  });
});
