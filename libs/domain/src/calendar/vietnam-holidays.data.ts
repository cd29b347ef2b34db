import { type HolidayCalendar } from './holiday-calendar.util';
import { type HolidayNotice, statutoryDaysOff } from './vietnam-statutory-holidays.rule';

const notice = (year: number): string =>
  `Thông báo của Bộ Lao động – Thương binh và Xã hội về lịch nghỉ Tết Âm lịch và các ngày lễ năm ${year}`;

/**
 * Each year's official notice on days off for public servants: the Tết window, the day next to National Day, bridge
 * days and the Saturdays worked for them. Add the next year's notice here when it is published; the statutory days
 * are derived from the Labour Code and the lunar calendar.
 */
export const vietnamHolidayNotices: readonly HolidayNotice[] = [
  {
    year: 2020,
    document: notice(2020),
    tet: ['2020-01-23', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29'],
    extraDaysOff: [],
    notOff: [],
    workingWeekendDays: [],
  },
  {
    year: 2021,
    document: notice(2021),
    tet: ['2021-02-10', '2021-02-11', '2021-02-12', '2021-02-15', '2021-02-16'],
    nationalDayAdjacent: '2021-09-03',
    extraDaysOff: [],
    notOff: [],
    workingWeekendDays: [],
  },
  {
    year: 2022,
    document: notice(2022),
    tet: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
    nationalDayAdjacent: '2022-09-01',
    extraDaysOff: [],
    notOff: [],
    workingWeekendDays: [],
  },
  {
    year: 2023,
    document: notice(2023),
    tet: ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'],
    nationalDayAdjacent: '2023-09-01',
    extraDaysOff: [],
    notOff: [],
    workingWeekendDays: [],
  },
  {
    year: 2024,
    document: notice(2024),
    tet: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
    nationalDayAdjacent: '2024-09-03',
    extraDaysOff: ['2024-04-29'],
    notOff: [],
    workingWeekendDays: ['2024-05-04'],
  },
  {
    year: 2025,
    document: notice(2025),
    tet: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
    nationalDayAdjacent: '2025-09-01',
    extraDaysOff: ['2025-05-02'],
    notOff: [],
    workingWeekendDays: ['2025-04-26'],
  },
  {
    year: 2026,
    document: notice(2026),
    tet: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
    nationalDayAdjacent: '2026-09-01',
    extraDaysOff: [],
    notOff: [],
    workingWeekendDays: [],
  },
];

/** The last year the shipped calendar derives days for: the end of the 2025–2030 cycle. */
const LAST_YEAR = 2030;

/**
 * Days off for Vietnamese public servants from 2020 to 2030: the statutory days of the Labour Code (derived, see
 * `statutoryDaysOff`), fixed by each year's notice where one is known. Past the last notice, the statutory days
 * with the default Tết window (the eve and lunar 1/1–1/4) count: `noticesKnownThrough` says how far the days are
 * exact, and a calendar with `beyondNotices: 'refuse'` refuses working-day counts that reach further.
 * [A] The shipped rulebooks count on the statutory days past the last notice rather than refuse: refusing would
 * stop every procedure whose due date falls in the next year until its notice is entered.
 */
export const vietnamHolidayCalendar: HolidayCalendar = {
  id: 'calendar/vn-public-holidays',
  utcOffsetMinutes: 420,
  weekend: [0, 6],
  holidays: Array.from({ length: LAST_YEAR - 2020 + 1 }, (_, i) => 2020 + i).flatMap((year) =>
    statutoryDaysOff(
      year,
      vietnamHolidayNotices.find((n) => n.year === year),
    ),
  ),
  workingWeekendDays: vietnamHolidayNotices.flatMap((n) => n.workingWeekendDays),
  noticesKnownThrough: Math.max(...vietnamHolidayNotices.map((n) => n.year)),
  beyondNotices: 'statutory',
};
