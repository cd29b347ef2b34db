/**
 * Value semantics shared by the in-memory matcher and the SQL compiler, so that both give the same answer.
 */

/**
 * The exact text `Date.prototype.toISOString()` produces for years 0000–9999. A custom attribute value in this form
 * is treated as a Datetime: that is how a decoded `Date` looks once stored in jsonb, and both the matcher and the SQL
 * compiler recognise it the same way.
 */
export const CANONICAL_ISO_TIME_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[.][0-9]{3}Z$';

const canonicalIsoTime = new RegExp(CANONICAL_ISO_TIME_PATTERN);

/** Whether a text is in the canonical `toISOString()` form (see {@link CANONICAL_ISO_TIME_PATTERN}). */
export function isCanonicalIsoTime(text: string): boolean {
  return canonicalIsoTime.test(text);
}

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2})))?$/;

const MIN_TIME = new Date(0).setUTCFullYear(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

/**
 * Reads an RFC 3339 date-time (`2024-05-01T10:00:00Z`, `2024-05-01T12:00:00.5+02:00`) or a plain date
 * (`2024-05-01`, midnight UTC). A date-time needs a `Z` or an offset; fractions beyond milliseconds are truncated.
 * Returns `undefined` for anything else, including impossible dates and years outside 0001–9999.
 */
export function parseDateTimeText(text: string): Date | undefined {
  const m = rfc3339.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (h !== undefined && zulu === undefined && sign === undefined) return undefined;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  const offsetMinutes = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || Number(oh ?? 0) > 23 || Number(om ?? 0) > 59) return undefined;
  const millis = Number((frac ?? '').padEnd(3, '0').slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const time = date.getTime() - offsetMinutes * 60_000;
  return isSupportedTime(time) ? new Date(time) : undefined;
}

/**
 * Reads an integer literal as Unix epoch nanoseconds (Temporal's integer form of a time), truncated to whole
 * milliseconds. Returns `undefined` outside years 0001–9999.
 */
export function epochNanosToDate(integerText: string): Date | undefined {
  const nanos = BigInt(integerText);
  const millis = nanos / 1_000_000n - (nanos % 1_000_000n < 0n ? 1n : 0n);
  const time = Number(millis);
  return isSupportedTime(time) ? new Date(time) : undefined;
}

function isSupportedTime(time: number): boolean {
  return Number.isFinite(time) && time >= MIN_TIME && time <= MAX_TIME;
}

/**
 * Orders two texts by Unicode code point, which is what PostgreSQL's `COLLATE "C"` does on UTF-8; JavaScript's `<`
 * compares UTF-16 code units and differs for characters above U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
