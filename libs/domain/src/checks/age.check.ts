import { addMonths, parseIsoDate, wholeMonthsBetween, formatIsoDate, type IsoDate } from '../calendar/civil-date.util';
import { type Gender } from '../organisation/organisation.types';
import { type AgeSpan, type RetirementRoadmap, type Rulebook, type Track } from '../rulebook/rulebook.types';
import { ValidationError } from '../shared/domain.error';

const BIRTH = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;

/**
 * A birth date as counted for age rules: `YYYY-MM-DD`, or `YYYY` alone which counts from 1 January.
 * @example normaliseBirthDate('1970') // '1970-01-01'
 */
export function normaliseBirthDate(birthDate: string): IsoDate {
  const match = BIRTH.exec(birthDate);
  if (!match) {
    throw new ValidationError(
      `Birth date "${birthDate}" must be YYYY-MM-DD or a year YYYY`,
      { birthDate },
      { code: 'BIRTH_DATE_INVALID' },
    );
  }
  return match[2] ? formatIsoDate(parseIsoDate(birthDate)) : `${match[1]}-01-01`;
}

function spanMonths(span: AgeSpan): number {
  return span.years * 12 + span.months;
}

/** Retirement age, in months, for someone who reaches it in `year` under the roadmap. */
function ageInYear(roadmap: RetirementRoadmap, year: number): number {
  if (year < roadmap.startYear) {
    return spanMonths(roadmap.before);
  }
  return Math.min(
    spanMonths(roadmap.start) + roadmap.stepMonthsPerYear * (year - roadmap.startYear),
    spanMonths(roadmap.target),
  );
}

/**
 * The day a person reaches retirement age under the roadmap: the first calendar year `Y` in which their birth
 * date plus the age applying in `Y` falls.
 */
export function retirementDate(birthDate: string, gender: Gender, retirement: Rulebook['age']['retirement']): IsoDate {
  const born = normaliseBirthDate(birthDate);
  const roadmap = retirement[gender];
  const firstYear = parseIsoDate(born).year + Math.floor(spanMonths(roadmap.before) / 12) - 1;
  for (let year = firstYear; ; year += 1) {
    const date = addMonths(born, ageInYear(roadmap, year));
    if (parseIsoDate(date).year <= year) {
      return date;
    }
  }
}

/** Result of an age check, with the figures behind it. */
export interface AgeCheck {
  readonly eligible: boolean;
  readonly monthsLeft: number;
  readonly requiredMonths: number;
  readonly retirementDate: IsoDate;
  readonly reason: string | null;
}

/**
 * Age eligibility at the congress: re-election needs `reElectionMonthsLeft` months of service left
 * (30 in 2020–25, 48 in 2025–30), a first-time candidate a full term (60 months). A birth year alone counts
 * from 1 January.
 *
 * @example checkAge({ birthDate: '1968-03-01', gender: 'male', track: 're-election', congressDate: '2025-10-15' }, rulebook)
 */
export function checkAge(
  candidate: {
    readonly birthDate: string;
    readonly gender: Gender;
    readonly track: Track;
    readonly congressDate: string;
  },
  rulebook: Rulebook,
): AgeCheck {
  const retires = retirementDate(candidate.birthDate, candidate.gender, rulebook.age.retirement);
  const monthsLeft = wholeMonthsBetween(candidate.congressDate, retires);
  const requiredMonths =
    candidate.track === 're-election' ? rulebook.age.reElectionMonthsLeft : rulebook.age.firstTimeMonthsLeft;
  const eligible = monthsLeft >= requiredMonths;
  return {
    eligible,
    monthsLeft,
    requiredMonths,
    retirementDate: retires,
    reason: eligible
      ? null
      : `${monthsLeft} months of service left at the congress (retires ${retires}); ${candidate.track} needs ${requiredMonths} under ${rulebook.id}`,
  };
}

/** Age in whole years on `date` (birth year alone counts from 1 January). */
export function ageInYears(birthDate: string, date: string): number {
  return Math.floor(wholeMonthsBetween(normaliseBirthDate(birthDate), date) / 12);
}
