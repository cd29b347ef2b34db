import { hungKingsDay, lunarNewYear, lunarToSolar } from '../../src/calendar/lunar-calendar.util';

describe('the Vietnamese lunar calendar, computed at UTC+7', () => {
  it.each([
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2029, '2029-02-13'],
  ])('Tết %i falls on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it('puts Tết 1985 on 21 January, where Vietnam (UTC+7) and China (UTC+8) differ by a month', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarToSolar({ day: 1, month: 1, year: 1985 }, 8)).toBe('1985-02-20');
  });

  it.each([
    [2007, '2007-02-17', '2007-02-18'],
    // The new moon of 2 February 2030 falls at 23:07 in Vietnam and 00:07 on the 3rd in China.
    [2030, '2030-02-02', '2030-02-03'],
  ])('puts Tết %i on %s in Vietnam, a day before China (%s)', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarToSolar({ day: 1, month: 1, year }, 8)).toBe(china);
  });

  it.each([
    [2020, '2020-04-02'],
    [2021, '2021-04-21'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('the Hùng Kings are commemorated in %i on %s (lunar 10/3, after a leap month 2 in 2023)', (year, date) => {
    expect(hungKingsDay(year)).toBe(date);
  });

  it('counts a lunar year that starts in one solar year and ends in the next', () => {
    // The last day of the year of the Horse (2026) is the eve of Tết 2027.
    expect(lunarToSolar({ day: 29, month: 12, year: 2026 })).toBe('2027-02-05');
  });
});
