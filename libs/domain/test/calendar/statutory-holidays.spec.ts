import {
  addWorkingDays,
  isWorkingDay,
  labourCodeOf,
  rulebooksWithNoticedDaysOnly,
  statutoryDaysOff,
  vietnamHolidayCalendar,
  vietnamHolidayNotices,
  type HolidayCalendar,
} from '@cadreflow/domain';

/** The days off 2020–2026 as transcribed by hand from each year's notice (the calendar this one replaces). */
const transcribed: Record<number, string[]> = {
  2020: [
    '2020-01-01',
    '2020-01-23',
    '2020-01-24',
    '2020-01-27',
    '2020-01-28',
    '2020-01-29',
    '2020-04-02',
    '2020-04-30',
    '2020-05-01',
    '2020-09-02',
  ],
  2021: [
    '2021-01-01',
    '2021-02-10',
    '2021-02-11',
    '2021-02-12',
    '2021-02-15',
    '2021-02-16',
    '2021-04-21',
    '2021-04-30',
    '2021-05-03',
    '2021-09-02',
    '2021-09-03',
  ],
  2022: [
    '2022-01-03',
    '2022-01-31',
    '2022-02-01',
    '2022-02-02',
    '2022-02-03',
    '2022-02-04',
    '2022-04-11',
    '2022-05-02',
    '2022-05-03',
    '2022-09-01',
    '2022-09-02',
  ],
  2023: [
    '2023-01-02',
    '2023-01-20',
    '2023-01-23',
    '2023-01-24',
    '2023-01-25',
    '2023-01-26',
    '2023-05-01',
    '2023-05-02',
    '2023-05-03',
    '2023-09-01',
    '2023-09-04',
  ],
  2024: [
    '2024-01-01',
    '2024-02-08',
    '2024-02-09',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-04-18',
    '2024-04-29',
    '2024-04-30',
    '2024-05-01',
    '2024-09-02',
    '2024-09-03',
  ],
  2025: [
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  2026: [
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
};

describe('Vietnamese public holidays derived from the Labour Code, the lunar calendar and the yearly notices', () => {
  it.each(Object.keys(transcribed).map(Number))('gives the days off of %i that its notice announced', (year) => {
    const notice = vietnamHolidayNotices.find((n) => n.year === year);
    expect(notice).toBeDefined();
    expect(statutoryDaysOff(year, notice)).toEqual(transcribed[year]);
  });

  it('keeps 2027’s holidays off work: 1/1, Tết, the Hùng Kings, 30/4, 1/5 (compensated on Monday 3/5) and 2/9', () => {
    for (const day of [
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-01',
      '2027-09-02',
    ]) {
      expect([day, isWorkingDay(day, vietnamHolidayCalendar)]).toEqual([day, false]);
    }
    expect(isWorkingDay('2027-02-10', vietnamHolidayCalendar)).toBe(true);
  });

  it('derives the Hùng Kings day of each year of the 2025–2030 cycle from lunar 10/3', () => {
    const days = [2027, 2028, 2029, 2030].map((year) => statutoryDaysOff(year));
    expect(days[0]).toContain('2027-04-16');
    expect(days[1]).toContain('2028-04-04');
    expect(days[2]).toContain('2029-04-23');
    expect(days[3]).toContain('2030-04-12');
  });

  it('gives National Day one day under the 2012 Code and two from 2021 (2019 Code, art. 112)', () => {
    expect(labourCodeOf(2020)).toBe('2012-art-115');
    expect(labourCodeOf(2021)).toBe('2019-art-112');
    expect(statutoryDaysOff(2020).filter((d) => d.startsWith('2020-09'))).toEqual(['2020-09-02']);
    expect(statutoryDaysOff(2027).filter((d) => d.startsWith('2027-09'))).toEqual(['2027-09-01', '2027-09-02']);
  });

  it('counts working days across the 2027 Tết window', () => {
    // Friday 29 January 2027 + 5 working days skips the eve (5/2) and 8–9/2: Wednesday 10 February.
    expect(addWorkingDays('2027-01-29', 5, vietnamHolidayCalendar)).toBe('2027-02-10');
  });

  it('refuses, where exact days matter, a count that reaches past the last notice entered', () => {
    const exact: HolidayCalendar = { ...vietnamHolidayCalendar, beyondNotices: 'refuse' };
    expect(vietnamHolidayCalendar.noticesKnownThrough).toBe(2026);
    expect(addWorkingDays('2026-12-01', 10, exact)).toBe('2026-12-15');
    let thrown: unknown = null;
    try {
      addWorkingDays('2026-12-20', 15, exact);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'VALIDATION',
      errorCode: 'HOLIDAY_NOTICE_UNKNOWN',
      params: { year: 2027, noticesKnownThrough: 2026 },
    });
  });

  it('keeps, for procedures launched before, the days the notices gave and nothing past them', () => {
    const [before] = rulebooksWithNoticedDaysOnly().filter((r) => r.id === 'rulebook/2025-2030');
    expect(isWorkingDay('2026-02-17', before.calendar)).toBe(false);
    expect(isWorkingDay('2027-01-01', before.calendar)).toBe(true);
    expect(isWorkingDay('2027-01-01', vietnamHolidayCalendar)).toBe(false);
  });
});
