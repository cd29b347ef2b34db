import {
  addMonths,
  addWorkingDays,
  dayOfWeek,
  endOfLocalDay,
  type HolidayCalendar,
  isPastDue,
  isWorkingDay,
  localDate,
  overdueAt,
  subtractWorkingDays,
  vietnamHolidayCalendar,
  wholeMonthsBetween,
  workingDaysBetween,
} from '@cadreflow/domain';

const weekendsOnly: HolidayCalendar = { id: 'test/weekends', utcOffsetMinutes: 420, weekend: [0, 6], holidays: [] };

describe('civil dates', () => {
  it('knows the day of the week', () => {
    expect(dayOfWeek('2025-10-15')).toBe(3);
    expect(dayOfWeek('2000-02-29')).toBe(2);
  });

  it('adds months, clamping to the month end', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-10-15', 48)).toBe('2029-10-15');
  });

  it('counts whole months only once the day is reached', () => {
    expect(wholeMonthsBetween('2025-10-15', '2029-10-15')).toBe(48);
    expect(wholeMonthsBetween('2025-10-15', '2029-10-14')).toBe(47);
    expect(wholeMonthsBetween('2025-10-15', '2025-09-20')).toBe(0);
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2025-10-17', 1, weekendsOnly)).toBe('2025-10-20');
    expect(addWorkingDays('2025-10-13', 15, weekendsOnly)).toBe('2025-11-03');
  });

  it('skips the holiday calendar (National Day 2025: 1–2 September)', () => {
    expect(isWorkingDay('2025-09-02', vietnamHolidayCalendar)).toBe(false);
    expect(addWorkingDays('2025-08-29', 1, vietnamHolidayCalendar)).toBe('2025-09-03');
    expect(addWorkingDays('2025-08-29', 1, weekendsOnly)).toBe('2025-09-01');
  });

  it('counts 15 and 30 working days across Tết 2026', () => {
    // 16–20 February 2026 are Tết days off.
    expect(addWorkingDays('2026-02-02', 15, vietnamHolidayCalendar)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-02', 15, weekendsOnly)).toBe('2026-02-23');
    expect(workingDaysBetween('2026-02-02', '2026-03-02', vietnamHolidayCalendar)).toBe(15);
    expect(addWorkingDays('2026-02-02', 30, vietnamHolidayCalendar)).toBe('2026-03-23');
  });

  it('honours a declared working Saturday', () => {
    const calendar: HolidayCalendar = { ...weekendsOnly, workingWeekendDays: ['2025-10-18'] };
    expect(addWorkingDays('2025-10-17', 1, calendar)).toBe('2025-10-18');
  });

  it('counts back for a filing deadline', () => {
    expect(subtractWorkingDays('2025-10-20', 15, weekendsOnly)).toBe('2025-09-29');
  });

  it('is past due only once the due day has ended in Vietnam time (UTC+7)', () => {
    expect(isPastDue('2025-10-20', '2025-10-20T16:59:59Z', weekendsOnly)).toBe(false);
    expect(isPastDue('2025-10-20', '2025-10-20T17:00:00Z', weekendsOnly)).toBe(true);
    expect(isPastDue('2025-10-20', '2025-10-21T00:30:00+07:00', weekendsOnly)).toBe(true);
    expect(overdueAt('2025-10-20', weekendsOnly)).toBe('2025-10-20T17:00:00.000Z');
  });

  it('reads instants as local dates', () => {
    expect(localDate('2025-10-20T18:00:00Z', 420)).toBe('2025-10-21');
    expect(localDate('2025-10-20T01:00:00+07:00', 0)).toBe('2025-10-19');
    expect(localDate('2025-10-20', 420)).toBe('2025-10-20');
    expect(localDate('2025-10-20T23:00', 420)).toBe('2025-10-20');
    expect(endOfLocalDay('2025-12-31', 0)).toBe('2026-01-01T00:00:00.000Z');
  });
});
