import type { Dayjs } from 'dayjs';
import type { FieldProblem } from '../tasks/tally-rules';

export interface LaunchFields {
  organisationId: string;
  congressDate: Dayjs;
  executiveCommitteeSeats: number;
  standingCommitteeSeats: number;
  deputySecretaries: number;
  candidateIds: string[];
  standards: string;
}

/**
 * The rulebook's surplus rule as the server applies it (libs/domain `checkSurplus`): at least one more candidate than
 * seats, at most 30% of the seats over, and at most one over for a committee of 3 to 5.
 */
export function checkLaunch(v: LaunchFields, today: Dayjs): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!v.congressDate.isAfter(today, 'day')) problems.push({ name: ['congressDate'], key: 'launch.dateInPast' });
  const seats = v.executiveCommitteeSeats;
  const count = v.candidateIds.length;
  const surplus = count - seats;
  if (surplus < 1) {
    problems.push({ name: ['candidateIds'], key: 'launch.candidatesTooFew', params: { seats, count } });
  } else {
    const max = seats >= 3 && seats <= 5 ? 1 : Math.max(1, Math.floor((seats * 3) / 10));
    if (surplus > max) problems.push({ name: ['candidateIds'], key: 'launch.surplusTooLarge', params: { max } });
  }
  return problems;
}
