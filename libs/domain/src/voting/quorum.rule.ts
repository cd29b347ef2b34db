import { atLeast, minimumAtLeast, type Ratio } from '../shared/ratio.util';
import { ValidationError } from '../shared/domain.error';

/** Who was summoned to a meeting and who came (raw counts). */
export interface Attendance {
  readonly summoned: number;
  readonly present: number;
}

/** Quorum outcome: whether the meeting may decide, and how many had to be present. */
export interface QuorumResult {
  readonly summoned: number;
  readonly present: number;
  readonly required: number;
  readonly quorate: boolean;
}

/**
 * Checks a quorum: at least `quorum` of those summoned present. With 2/3 and 30 summoned, 20 present passes
 * and 19 fails.
 */
export function evaluateQuorum(attendance: Attendance, quorum: Ratio): QuorumResult {
  if (attendance.present > attendance.summoned) {
    throw new ValidationError(
      `${attendance.present} present is more than the ${attendance.summoned} summoned; check the attendance sheet`,
      { ...attendance },
      { code: 'PRESENT_OVER_SUMMONED' },
    );
  }
  return {
    summoned: attendance.summoned,
    present: attendance.present,
    required: minimumAtLeast(attendance.summoned, quorum),
    quorate: attendance.summoned > 0 && atLeast(attendance.present, attendance.summoned, quorum),
  };
}
