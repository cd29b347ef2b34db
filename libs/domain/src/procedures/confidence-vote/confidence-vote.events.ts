import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type MeetingConvened, type QuorumFailed } from '../common/voting.events';

/** What a confidence result leads to (QĐ 96): nothing, a review, or the consideration of dismissal. */
export type ConfidenceConsequence = 'none' | 'review' | 'dismissal';

/** The vote was scheduled on these people, by this body. */
export type ConfidenceVoteScheduled = DomainEvent<
  'ConfidenceVoteScheduled',
  { readonly personIds: readonly string[]; readonly votingBodyId: string }
>;

/** One person's result: ballots by level (tallies only, never a voter's choice) and what follows from them. */
export type ConfidenceRated = DomainEvent<
  'ConfidenceRated',
  {
    readonly stepId: string;
    readonly personId: string;
    readonly high: number;
    readonly confidence: number;
    readonly low: number;
    /** Valid ballots on this person (high + confidence + low), the base of the shares. */
    readonly votes: number;
    readonly consequence: ConfidenceConsequence;
  }
>;

/** The competent body decided on a low result: the measure taken (resignation, review, dismissal) or not. */
export type ConfidenceConsequenceDecided = DomainEvent<
  'ConfidenceConsequenceDecided',
  {
    readonly personId: string;
    readonly consequence: Exclude<ConfidenceConsequence, 'none'>;
    readonly measureTaken: boolean;
    readonly note: string;
  }
>;

/** Events of the confidence vote. */
export type ConfidenceVoteEvent =
  | CommonEvent
  | MeetingConvened
  | QuorumFailed
  | ConfidenceVoteScheduled
  | ConfidenceRated
  | ConfidenceConsequenceDecided;
