import { ValidationError } from '../shared/domain.error';

/**
 * A calendar date `YYYY-MM-DD` with no time zone. Arithmetic is done on day numbers so nothing depends on the
 * host's clock or zone (safe inside deterministic workflows).
 */
export type IsoDate = string;

/** Year, month (1–12), day (1–31). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Parses the date part of an ISO date or date-time (`2025-10-15` or `2025-10-15T08:00:00Z`). */
export function parseIsoDate(value: string): CivilDate {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new ValidationError(
      `Expected an ISO date like 2025-10-15, got "${value}"`,
      { value },
      { code: 'DATE_FORMAT_INVALID' },
    );
  }
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new ValidationError(`"${value}" is not a real calendar date`, { value }, { code: 'DATE_NOT_REAL' });
  }
  return date;
}

/** Formats a civil date as `YYYY-MM-DD`. */
export function formatIsoDate(date: CivilDate): IsoDate {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** The date part of an ISO date-time, e.g. `toIsoDate('2025-10-15T23:00:00Z')` is `2025-10-15`. */
export function toIsoDate(value: string): IsoDate {
  return formatIsoDate(parseIsoDate(value));
}

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of a year. */
export function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDayNumber(date: CivilDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (date.month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + date.day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(parseIsoDate(date)) + 4) % 7) + 7) % 7;
}

/** Adds calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(date)) + days));
}

/** Adds calendar months, clamping the day to the month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = parseIsoDate(date);
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Compares two ISO dates (date part only): negative, zero or positive. */
export function compareIsoDates(a: string, b: string): number {
  return toDayNumber(parseIsoDate(a)) - toDayNumber(parseIsoDate(b));
}

/**
 * Whole months from `from` to `to` (negative when `to` is earlier), counting a month only once its day is
 * reached: 2025-10-15 → 2029-10-15 is 48, → 2029-10-14 is 47.
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > to) {
    months -= 1;
  } else if (months < 0 && addMonths(from, months) < to) {
    months += 1;
  } else if (months === 0) {
    return 0;
  }
  return months;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function minutesOfZone(zone: string): number {
  if (zone === 'Z') {
    return 0;
  }
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * The calendar date of an instant in a zone `utcOffsetMinutes` east of UTC (Vietnam: 420). A plain date, or a
 * date-time without a zone, is taken as already local.
 *
 * @example localDate('2025-10-20T18:00:00Z', 420) // '2025-10-21' (01:00 in Hà Nội)
 */
export function localDate(value: string, utcOffsetMinutes: number): IsoDate {
  const match = INSTANT.exec(value);
  if (!match) {
    throw new ValidationError(
      `Expected an ISO date or date-time, got "${value}"`,
      { value },
      { code: 'DATE_TIME_FORMAT_INVALID' },
    );
  }
  const date = formatIsoDate(parseIsoDate(value));
  const zone = match[7];
  if (zone === undefined) {
    return date;
  }
  const minutes =
    toDayNumber(parseIsoDate(date)) * 1440 +
    Number(match[4]) * 60 +
    Number(match[5]) -
    minutesOfZone(zone) +
    utcOffsetMinutes;
  return formatIsoDate(fromDayNumber(Math.floor(minutes / 1440)));
}

/**
 * The UTC instant at which a local calendar day ends (midnight starting the next day), e.g. when a step due on
 * that day becomes overdue: a workflow sets its timer to this.
 *
 * @example endOfLocalDay('2025-10-17', 420) // '2025-10-17T17:00:00.000Z'
 */
export function endOfLocalDay(date: IsoDate, utcOffsetMinutes: number): string {
  const minutes = (toDayNumber(parseIsoDate(date)) + 1) * 1440 - utcOffsetMinutes;
  const day = formatIsoDate(fromDayNumber(Math.floor(minutes / 1440)));
  const inDay = minutes - Math.floor(minutes / 1440) * 1440;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day}T${pad(Math.floor(inDay / 60))}:${pad(inDay % 60)}:00.000Z`;
}
