import { type DecisionBase } from '../rulebook/rulebook.types';
import { ValidationError } from '../shared/domain.error';

/**
 * Attendance figures a congress election base is computed from (domain.md §3F).
 * `delegates`: a congress of delegates; `all-members`: a congress of all members.
 */
export type ElectionAttendance =
  | {
      readonly kind: 'delegates';
      /** Official delegates convened (đại biểu chính thức được triệu tập). */
      readonly delegatesConvened: number;
      /** Members of the convening committee who are not delegates… absent throughout. */
      readonly conveningCommitteeAbsentThroughout: number;
      /** Delegates absent throughout with no alternate. */
      readonly delegatesAbsentWithoutAlternate: number;
      readonly present: number;
    }
  | {
      readonly kind: 'all-members';
      readonly officialMembers: number;
      /** Exempt from activity, suspended, absent with leave. */
      readonly exempt: number;
      readonly suspended: number;
      readonly absentWithLeave: number;
      readonly present: number;
    };

/**
 * The base a candidate must win more than half of: delegates convened − convening-committee members absent
 * throughout − delegates absent throughout with no alternate (or, for all members, official members minus the
 * exempt, suspended and absent-with-leave).
 */
export function electionBase(attendance: ElectionAttendance): number {
  const base =
    attendance.kind === 'delegates'
      ? attendance.delegatesConvened -
        attendance.conveningCommitteeAbsentThroughout -
        attendance.delegatesAbsentWithoutAlternate
      : attendance.officialMembers - attendance.exempt - attendance.suspended - attendance.absentWithLeave;
  const figures = Object.entries(attendance).filter(([k]) => k !== 'kind');
  for (const [name, value] of figures) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new ValidationError(
        `Attendance figure ${name} must be a non-negative whole number`,
        { name, value },
        { code: 'ATTENDANCE_FIGURE_INVALID' },
      );
    }
  }
  if (base <= 0) {
    throw new ValidationError(
      `The election base must be positive, got ${base}; check the attendance figures`,
      {
        base,
      },
      { code: 'ELECTION_BASE_NOT_POSITIVE' },
    );
  }
  if (attendance.present > base) {
    throw new ValidationError(
      `${attendance.present} present exceeds the base of ${base}; check the attendance figures`,
      {
        base,
        present: attendance.present,
      },
      { code: 'PRESENT_OVER_BASE' },
    );
  }
  return base;
}

/**
 * The number an election threshold is measured against under the rulebook's configured base; the attendance
 * figures are validated in every case.
 */
export function electionThresholdBase(
  base: DecisionBase,
  attendance: ElectionAttendance,
  validBallots: number,
): number {
  const computed = electionBase(attendance);
  switch (base) {
    case 'election-base':
      return computed;
    case 'present':
      return attendance.present;
    case 'valid-ballots':
      return validBallots;
    case 'convened':
    case 'all-members':
      return attendance.kind === 'delegates' ? attendance.delegatesConvened : attendance.officialMembers;
    default: {
      const _never: never = base;
      return _never;
    }
  }
}
