/**
 * The checks the server makes on a meeting tally and an election round (libs/domain: quorum, ballots and election
 * base rules), repeated here so a form shows each problem on its field before anything is sent. The server stays
 * the judge: its refusal lands on the field it names too.
 */

export const INVALID_REASONS = [
  'not-issued-by-board',
  'too-many-names',
  'no-name-with-surplus',
  'name-off-list',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export type BallotFields = {
  issued: number;
  returned: number;
  valid: number;
  invalid: Record<InvalidReason, number>;
};

export type TallyFields = {
  summoned: number;
  present: number;
  ballots: BallotFields;
  tallies: Record<string, number>;
};

export type DelegatesAttendance = {
  kind: 'delegates';
  delegatesConvened: number;
  conveningCommitteeAbsentThroughout: number;
  delegatesAbsentWithoutAlternate: number;
  present: number;
};
export type MembersAttendance = {
  kind: 'all-members';
  officialMembers: number;
  exempt: number;
  suspended: number;
  absentWithLeave: number;
  present: number;
};

export type RoundFields = {
  attendance: DelegatesAttendance | MembersAttendance;
  ballots: BallotFields;
  tallies: Record<string, number>;
};

/** A problem on one field: the form field's path, a dictionary key and its parameters. */
export interface FieldProblem {
  name: (string | number)[];
  key: string;
  params?: Record<string, number>;
}

const invalidTotal = (b: BallotFields): number => INVALID_REASONS.reduce((sum, r) => sum + (b.invalid[r] ?? 0), 0);

function checkBallots(
  ballots: BallotFields,
  tallies: Record<string, number>,
  candidateIds: readonly string[],
  seats: number,
  present: number,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (ballots.issued > present) {
    problems.push({
      name: ['ballots', 'issued'],
      key: 'tally.issuedOverPresent',
      params: { issued: ballots.issued, present },
    });
  }
  if (ballots.returned > ballots.issued) {
    problems.push({
      name: ['ballots', 'returned'],
      key: 'tally.returnedOverIssued',
      params: { returned: ballots.returned, issued: ballots.issued },
    });
  }
  const invalid = invalidTotal(ballots);
  if (ballots.valid + invalid !== ballots.returned) {
    problems.push({
      name: ['ballots', 'valid'],
      key: 'tally.validPlusInvalid',
      params: { valid: ballots.valid, invalid, returned: ballots.returned },
    });
  }
  let total = 0;
  for (const id of candidateIds) {
    const votes = tallies[id] ?? 0;
    total += votes;
    if (votes > ballots.valid) {
      problems.push({ name: ['tallies', id], key: 'tally.votesOverValid', params: { votes, valid: ballots.valid } });
    }
  }
  if (total > ballots.valid * seats) {
    problems.push({
      name: ['tallies', candidateIds[0] ?? ''],
      key: 'tally.totalOverCapacity',
      params: { total, valid: ballots.valid, seats },
    });
  }
  return problems;
}

/** A meeting's tally (introduction and appointment steps): every candidate of the step is voted on. */
export function checkTally(tally: TallyFields, candidateIds: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (tally.present > tally.summoned) {
    problems.push({
      name: ['present'],
      key: 'tally.presentOverSummoned',
      params: { present: tally.present, summoned: tally.summoned },
    });
  }
  const seats = Math.max(candidateIds.length, 1);
  return [...problems, ...checkBallots(tally.ballots, tally.tallies, candidateIds, seats, tally.present)];
}

/** The base a candidate must win more than half of (congress of delegates, or of all members). */
export function electionBase(attendance: RoundFields['attendance']): number {
  return attendance.kind === 'delegates'
    ? attendance.delegatesConvened -
        attendance.conveningCommitteeAbsentThroughout -
        attendance.delegatesAbsentWithoutAlternate
    : attendance.officialMembers - attendance.exempt - attendance.suspended - attendance.absentWithLeave;
}

/** An election round: attendance against the base, then the ballots of the round's list and seats. */
export function checkRound(round: RoundFields, candidateIds: readonly string[], seats: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const base = electionBase(round.attendance);
  if (base <= 0) {
    const first = round.attendance.kind === 'delegates' ? 'delegatesConvened' : 'officialMembers';
    problems.push({ name: ['attendance', first], key: 'round.basePositive' });
  } else if (round.attendance.present > base) {
    problems.push({
      name: ['attendance', 'present'],
      key: 'round.presentOverBase',
      params: { present: round.attendance.present, base },
    });
  }
  return [...problems, ...checkBallots(round.ballots, round.tallies, candidateIds, seats, round.attendance.present)];
}

/** The form field a server error names (`tally.ballots.valid`, `attendance.present`, `tallies.person/x`). */
export function formFieldOf(field: string): (string | number)[] | null {
  const path = field.replace(/^(tally|decision)\./, '');
  const [head, ...rest] = path.split('.');
  if (!head) return null;
  if (head === 'tallies' && rest.length > 0) return ['tallies', rest.join('.')];
  return [head, ...rest];
}
