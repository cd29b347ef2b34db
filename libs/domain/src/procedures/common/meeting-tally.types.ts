import { type BallotCounts, type Tallies } from '../../voting/ballots.rule';

/**
 * What a secret-ballot meeting produced, as the recorder enters it: attendance, ballot counts and votes per
 * candidate. Tallies only: nothing links a voter to a choice.
 */
export interface MeetingTally {
  readonly summoned: number;
  readonly present: number;
  readonly ballots: BallotCounts;
  readonly tallies: Tallies;
}
