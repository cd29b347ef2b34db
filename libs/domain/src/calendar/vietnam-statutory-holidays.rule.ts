import { addDays, dayOfWeek, type IsoDate } from './civil-date.util';
import { hungKingsDay, lunarNewYear } from './lunar-calendar.util';

/**
 * What the Government's yearly notice on days off for public servants settles, which the Labour Code leaves open:
 * the five days of Tết, the day next to National Day (from 2021), bridge days given off, and the weekend days
 * worked in exchange for them. The statutory days themselves are derived by {@link statutoryDaysOff}.
 */
export interface HolidayNotice {
  readonly year: number;
  /** The notice, as cited (e.g. "Thông báo 6150/TB-LĐTBXH"); for the record. */
  readonly document: string;
  /** The five days off for Tết as announced (they may start before lunar 1/1 and run into the next week). */
  readonly tet: readonly IsoDate[];
  /** From 2021: the day off next to 2/9 (1/9 or 3/9). */
  readonly nationalDayAdjacent?: IsoDate;
  /** Days given off beyond the statutory ones (bridge days and compensatory days the notice fixes). */
  readonly extraDaysOff: readonly IsoDate[];
  /** Statutory days the law would give off that the notice moved (a compensatory day it placed elsewhere). */
  readonly notOff: readonly IsoDate[];
  /** Saturdays worked in exchange for a bridge day. */
  readonly workingWeekendDays: readonly IsoDate[];
}

/** The Labour Code in force in a year: 2012 (art. 115) until 2020, 2019 (art. 112) from 2021. */
export function labourCodeOf(year: number): '2012-art-115' | '2019-art-112' {
  return year <= 2020 ? '2012-art-115' : '2019-art-112';
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const isWeekend = (date: IsoDate): boolean => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/**
 * The days off for public servants in `year` as the Labour Code and the year's notice set them: 1/1; the five
 * days of Tết (by default the eve and lunar 1/1–1/4, unless the notice fixes them); the Hùng Kings (lunar 10/3);
 * 30/4 and 1/5; 2/9, and from 2021 a day next to it (by default 1/9, unless the notice names 3/9); and, for a
 * fixed holiday on a Saturday or Sunday, a compensatory day on the next working day (art. 115(3) / 112(3)). The
 * notice then adds bridge days and removes moved compensatory days. Sorted, without duplicates.
 *
 * @example statutoryDaysOff(2027).includes('2027-04-16') // true: Hùng Kings, lunar 10/3 of Đinh Mùi
 */
export function statutoryDaysOff(year: number, notice?: HolidayNotice): IsoDate[] {
  const tetDay = lunarNewYear(year);
  const tet = notice?.tet ?? [-1, 0, 1, 2, 3].map((d) => addDays(tetDay, d));
  const nationalDay = [iso(year, 9, 2)];
  if (labourCodeOf(year) === '2019-art-112') nationalDay.push(notice?.nationalDayAdjacent ?? iso(year, 9, 1));
  const fixed = [iso(year, 1, 1), hungKingsDay(year), iso(year, 4, 30), iso(year, 5, 1), ...nationalDay];
  const off = new Set<IsoDate>([...fixed, ...tet]);
  for (const day of fixed.filter(isWeekend)) {
    let compensatory = addDays(day, 1);
    while (isWeekend(compensatory) || off.has(compensatory)) compensatory = addDays(compensatory, 1);
    off.add(compensatory);
  }
  for (const day of notice?.extraDaysOff ?? []) off.add(day);
  for (const day of notice?.notOff ?? []) off.delete(day);
  return [...off].filter((day) => !isWeekend(day)).sort();
}
