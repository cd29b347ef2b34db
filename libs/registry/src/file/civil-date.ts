/** Parsing of the dates clerks type: dd/mm/yyyy (Vietnamese usage), yyyy-mm-dd, or an Excel date cell. */

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > last ? undefined : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A cell's value as `YYYY-MM-DD`, or undefined when it is not a real calendar date. Excel date cells arrive as
 * `Date` at midnight UTC (exceljs reads the serial number so); text is read as dd/mm/yyyy or yyyy-mm-dd.
 * With `yearOnly`, a bare year (`1965`, as personnel files give for some births) is kept as `YYYY`.
 */
export function parseCivilDate(value: unknown, options: { yearOnly?: boolean } = {}): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return valid(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (options.yearOnly && YEAR.test(text)) {
    const year = Number(text);
    return year >= 1800 && year <= 9999 ? text : undefined;
  }
  const dmy = DMY.exec(text);
  if (dmy) return valid(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = ISO.exec(text);
  if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** `YYYY-MM-DD` (or `YYYY`) as a clerk reads it: dd/mm/yyyy. */
export function formatCivilDate(date: string): string {
  const iso = ISO.exec(date);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : date;
}

/** Today in UTC as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
