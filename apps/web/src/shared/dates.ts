import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** The one date format of the app, in both languages. */
export const DATE_FORMAT = 'DD/MM/YYYY';

/** dd/mm/yyyy of an ISO date or timestamp; empty for none. */
export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format(DATE_FORMAT) : '';
}

/** A birth date as dd/mm/yyyy, or the year alone when the registry knows only the year (`YYYY`). */
export function formatBirthDate(value: string | null | undefined): string {
  return value && /^\d{4}$/.test(value) ? value : formatDate(value);
}

/** dd/mm/yyyy hh:mm of a timestamp. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).format(`${DATE_FORMAT} HH:mm`) : '';
}

/** Whole days from today to an ISO date (negative when past). */
export function daysUntil(isoDate: string, today = dayjs()): number {
  return dayjs(isoDate).startOf('day').diff(today.startOf('day'), 'day');
}

/** Age in whole years on a day. */
export function ageOn(birthDate: string, on = dayjs()): number {
  return on.diff(dayjs(birthDate), 'year');
}

export { dayjs };
