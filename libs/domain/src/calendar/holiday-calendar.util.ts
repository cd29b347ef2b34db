import {
  addDays,
  compareIsoDates,
  dayOfWeek,
  endOfLocalDay,
  type IsoDate,
  localDate,
  parseIsoDate,
  toIsoDate,
} from './civil-date.util';
import { ValidationError } from '../shared/domain.error';

/**
 * Which days are not working days: weekly rest days plus dated public holidays (and compensatory days off).
 * It is data so each year's official notice can be entered without code changes.
 */
export interface HolidayCalendar {
  readonly id: string;
  /** The zone deadlines are reckoned in, in minutes east of UTC (Vietnam: 420, no daylight saving). */
  readonly utcOffsetMinutes: number;
  /** Weekly rest days, 0 = Sunday … 6 = Saturday. */
  readonly weekend: readonly number[];
  /** Public holidays and days off as `YYYY-MM-DD`. */
  readonly holidays: readonly IsoDate[];
  /** Weekend days declared working days (làm bù), overriding `weekend`. */
  readonly workingWeekendDays?: readonly IsoDate[];
}

/** Whether `date` is a working day in `calendar`. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  const day = toIsoDate(date);
  if (calendar.workingWeekendDays?.includes(day)) {
    return true;
  }
  return !calendar.weekend.includes(dayOfWeek(day)) && !calendar.holidays.includes(day);
}

/**
 * The date `count` working days after `start` (the start day itself is not counted), e.g. the deadline
 * "within 15 working days of policy approval". `count = 0` returns `start`.
 *
 * @example addWorkingDays('2025-09-01', 1, calendar) // '2025-09-03' when 2 September is a holiday
 */
export function addWorkingDays(start: string, count: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new ValidationError(
      `A working-day count must be a non-negative whole number, got ${count}`,
      { count },
      { code: 'WORKING_DAYS_INVALID' },
    );
  }
  parseIsoDate(start);
  let date = toIsoDate(start);
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) {
      left -= 1;
    }
  }
  return date;
}

/**
 * The date `count` working days before `date` (the date itself not counted): the last day to file a
 * candidacy dossier "at least 15 working days before the congress".
 */
export function subtractWorkingDays(date: string, count: number, calendar: HolidayCalendar): IsoDate {
  if (!Number.isInteger(count) || count < 0) {
    throw new ValidationError(
      `A working-day count must be a non-negative whole number, got ${count}`,
      { count },
      { code: 'WORKING_DAYS_INVALID' },
    );
  }
  let current = toIsoDate(date);
  let left = count;
  while (left > 0) {
    current = addDays(current, -1);
    if (isWorkingDay(current, calendar)) {
      left -= 1;
    }
  }
  return current;
}

/** Working days in `(from, to]`: how many working days have elapsed since `from` by the end of `to`. */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  if (compareIsoDates(to, from) <= 0) {
    return 0;
  }
  let count = 0;
  for (let date = addDays(toIsoDate(from), 1); compareIsoDates(date, to) <= 0; date = addDays(date, 1)) {
    if (isWorkingDay(date, calendar)) {
      count += 1;
    }
  }
  return count;
}

/** A step due on `dueDate` is overdue once `now`, read in the calendar's zone, falls on a later day. */
export function isPastDue(dueDate: IsoDate, now: string, calendar: HolidayCalendar): boolean {
  return compareIsoDates(localDate(now, calendar.utcOffsetMinutes), dueDate) > 0;
}

/** The instant a step due on `dueDate` becomes overdue (end of that day in the calendar's zone). */
export function overdueAt(dueDate: IsoDate, calendar: HolidayCalendar): string {
  return endOfLocalDay(dueDate, calendar.utcOffsetMinutes);
}

/** Today's date in the calendar's zone for an instant given by the caller. */
export function calendarDate(now: string, calendar: HolidayCalendar): IsoDate {
  return localDate(now, calendar.utcOffsetMinutes);
}
