import {
  checkAge,
  normaliseBirthDate,
  retirementDate,
  rulebook2020to2025,
  rulebook2025to2030,
} from '@cadreflow/domain';

const retirement = rulebook2025to2030.age.retirement;

describe('retirement date under the Labour Code 2019 roadmap', () => {
  it('uses 60 years for men retiring before 2021 and rises 3 months a year to 62', () => {
    expect(retirementDate('1959-05-10', 'male', retirement)).toBe('2019-05-10');
    expect(retirementDate('1962-07-15', 'male', retirement)).toBe('2023-04-15'); // 60y9m in 2023
    expect(retirementDate('1967-10-15', 'male', retirement)).toBe('2029-10-15'); // 62y from 2028
  });

  it('rises 4 months a year for women', () => {
    expect(retirementDate('1972-06-15', 'female', retirement)).toBe('2030-10-15'); // 58y4m in 2030
  });
});

describe('age limits by track and cycle', () => {
  const congress2025 = '2025-10-15';
  const congress2020 = '2020-10-15';

  it('2025–2030 re-election needs 48 months left: exactly 48 passes, 47 fails', () => {
    const exactly = checkAge(
      { birthDate: '1967-10-15', gender: 'male', track: 're-election', congressDate: congress2025 },
      rulebook2025to2030,
    );
    expect(exactly).toMatchObject({ eligible: true, monthsLeft: 48, requiredMonths: 48 });
    const short = checkAge(
      { birthDate: '1967-10-14', gender: 'male', track: 're-election', congressDate: congress2025 },
      rulebook2025to2030,
    );
    expect(short).toMatchObject({ eligible: false, monthsLeft: 47 });
    expect(short.reason).toContain('rulebook/2025-2030');
  });

  it('2020–2025 re-election needs 30 months left: exactly 30 passes, 29 fails', () => {
    expect(
      checkAge(
        { birthDate: '1962-07-15', gender: 'male', track: 're-election', congressDate: congress2020 },
        rulebook2020to2025,
      ),
    ).toMatchObject({
      eligible: true,
      monthsLeft: 30,
    });
    expect(
      checkAge(
        { birthDate: '1962-07-14', gender: 'male', track: 're-election', congressDate: congress2020 },
        rulebook2020to2025,
      ),
    ).toMatchObject({
      eligible: false,
      monthsLeft: 29,
    });
  });

  it('the same person is eligible for re-election in 2020 with 30 months but not under the 48-month rule', () => {
    const person = {
      birthDate: '1962-07-15',
      gender: 'male' as const,
      track: 're-election' as const,
      congressDate: congress2020,
    };
    expect(checkAge(person, rulebook2020to2025).eligible).toBe(true);
    expect(checkAge(person, rulebook2025to2030).eligible).toBe(false);
  });

  it('first time needs a full term (60 months): exactly 60 passes, 59 fails', () => {
    expect(
      checkAge(
        { birthDate: '1972-06-15', gender: 'female', track: 'first-time', congressDate: congress2025 },
        rulebook2025to2030,
      ),
    ).toMatchObject({
      eligible: true,
      monthsLeft: 60,
      requiredMonths: 60,
    });
    expect(
      checkAge(
        { birthDate: '1972-06-14', gender: 'female', track: 'first-time', congressDate: congress2025 },
        rulebook2025to2030,
      ).eligible,
    ).toBe(false);
  });

  it('counts a birth year alone from 1 January', () => {
    expect(normaliseBirthDate('1967')).toBe('1967-01-01');
    const yearOnly = checkAge(
      { birthDate: '1967', gender: 'male', track: 're-election', congressDate: congress2025 },
      rulebook2025to2030,
    );
    const firstJanuary = checkAge(
      { birthDate: '1967-01-01', gender: 'male', track: 're-election', congressDate: congress2025 },
      rulebook2025to2030,
    );
    expect(yearOnly).toEqual(firstJanuary);
    expect(yearOnly.eligible).toBe(false);
    expect(
      checkAge(
        { birthDate: '1967-12-31', gender: 'male', track: 're-election', congressDate: congress2025 },
        rulebook2025to2030,
      ).eligible,
    ).toBe(true);
  });

  it('rejects a malformed birth date', () => {
    expect(() => normaliseBirthDate('15/10/1967')).toThrow('YYYY-MM-DD');
  });
});
