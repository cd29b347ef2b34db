import { type IsoDate, formatIsoDate } from './civil-date.util';

/**
 * The Vietnamese lunisolar calendar, computed astronomically at UTC+7 (Hồ Ngọc Đức's published algorithm: mean new
 * moons corrected by the main periodic terms, the sun's longitude for the solar terms, month 11 holding the winter
 * solstice, a leap month the first without a major solar term). Written here rather than taken from a package
 * because `libs/domain` stays pure and dependency-free, and the statutory holidays need only the conversion from a
 * lunar date to a solar one. Accurate for 1900–2100, the span the algorithm's terms are fitted to.
 */

/** Vietnam's standard time (UTC+7), in hours, as the official calendar reckons days since 1968. */
export const VIETNAM_TIME_ZONE_HOURS = 7;

const SYNODIC_MONTH = 29.530588853;
const NEW_MOON_EPOCH = 2415021.076998695;

function julianDayNumber(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  const days = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4);
  return days - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

function fromJulianDayNumber(jd: number): IsoDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((b * 146097) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return formatIsoDate({
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: b * 100 + d - 4800 + Math.floor(m / 10),
  });
}

/** The instant (Julian day, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const dr = Math.PI / 180;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
  c1 = c1 - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd + c1 - deltaT;
}

/** The sun's apparent longitude, in radians within [0, 2π), at Julian day `jdn` (UT). */
function sunLongitude(jdn: number): number {
  const t = (jdn - 2451545.0) / 36525;
  const t2 = t * t;
  const dr = Math.PI / 180;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
  dl = dl + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.00029 * Math.sin(dr * 3 * m);
  const l = (l0 + dl) * dr;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** The local day number on which the k-th new moon falls. */
function newMoonDay(k: number, zone: number): number {
  return Math.floor(newMoon(k) + 0.5 + zone / 24);
}

/** Which of the 12 major solar terms (0–11) the sun is in at the start of local day `dayNumber`. */
function solarTerm(dayNumber: number, zone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - zone / 24) / Math.PI) * 6);
}

/** The first day of lunar month 11 (the month holding the winter solstice) of solar year `year`. */
function lunarMonth11(year: number, zone: number): number {
  const off = julianDayNumber(31, 12, year) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k, zone);
  return solarTerm(nm, zone) >= 9 ? newMoonDay(k - 1, zone) : nm;
}

/** How many months after month 11 the leap month falls, in a lunar year of 13 months. */
function leapMonthOffset(a11: number, zone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = solarTerm(newMoonDay(k + i, zone), zone);
  let last: number;
  do {
    last = arc;
    i += 1;
    arc = solarTerm(newMoonDay(k + i, zone), zone);
  } while (arc !== last && i < 14);
  return i - 1;
}

/**
 * The solar date of a lunar date (the regular month, not a leap month of the same number).
 *
 * @example lunarToSolar({ day: 1, month: 1, year: 2027 }) // '2027-02-06' (Tết Đinh Mùi)
 * @example lunarToSolar({ day: 10, month: 3, year: 2027 }) // '2027-04-16' (Hùng Kings)
 */
export function lunarToSolar(
  lunar: { readonly day: number; readonly month: number; readonly year: number },
  zone: number = VIETNAM_TIME_ZONE_HOURS,
): IsoDate {
  const [a11, b11] =
    lunar.month < 11
      ? [lunarMonth11(lunar.year - 1, zone), lunarMonth11(lunar.year, zone)]
      : [lunarMonth11(lunar.year, zone), lunarMonth11(lunar.year + 1, zone)];
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunar.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365 && off >= leapMonthOffset(a11, zone)) off += 1;
  return fromJulianDayNumber(newMoonDay(k + off, zone) + lunar.day - 1);
}

/** Tết Nguyên đán (lunar 1/1) of the lunar year that begins in solar year `year`. */
export function lunarNewYear(year: number): IsoDate {
  return lunarToSolar({ day: 1, month: 1, year });
}

/** The Hùng Kings' commemoration (lunar 10/3) in solar year `year`. */
export function hungKingsDay(year: number): IsoDate {
  return lunarToSolar({ day: 10, month: 3, year });
}
