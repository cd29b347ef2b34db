import { type Track } from '../../rulebook/rulebook.types';
import { type DomainEvent } from '../../shared/message.types';
import { type InvalidBallotReason, type Tallies } from '../../voting/ballots.rule';

/** A meeting met: who was summoned and who came. */
export type MeetingConvened = DomainEvent<
  'MeetingConvened',
  { readonly stepId: string; readonly summoned: number; readonly present: number }
>;
/** Too few came; the meeting cannot decide. */
export type QuorumFailed = DomainEvent<
  'QuorumFailed',
  { readonly stepId: string; readonly summoned: number; readonly present: number; readonly required: number }
>;
/** The counting board issued ballots. */
export type BallotsIssued = DomainEvent<'BallotsIssued', { readonly stepId: string; readonly issued: number }>;
/** Ballots came back, sorted by the validity rules. */
export type BallotsReturned = DomainEvent<
  'BallotsReturned',
  {
    readonly stepId: string;
    readonly returned: number;
    readonly valid: number;
    readonly invalid: Readonly<Record<InvalidBallotReason, number>>;
  }
>;
/** Votes per candidate (tallies only; never who voted for whom). */
export type TallyRecorded = DomainEvent<'TallyRecorded', { readonly stepId: string; readonly tallies: Tallies }>;
/** A candidate's votes measured against the defined base. */
export type ThresholdEvaluated = DomainEvent<
  'ThresholdEvaluated',
  {
    readonly stepId: string;
    readonly personId: string;
    readonly base: number;
    readonly votes: number;
    readonly required: number;
    readonly passed: boolean;
    /** The step counts for reference only: nobody is dropped on it. */
    readonly referenceOnly: boolean;
  }
>;
/** Results recorded but not announced at this step. */
export type ResultSealed = DomainEvent<'ResultSealed', { readonly stepId: string }>;
/** Sealed results announced. */
export type ResultDisclosed = DomainEvent<'ResultDisclosed', { readonly stepId: string }>;

/** Events of a secret-ballot count, shared by procedures B, C and F. */
export type VotingEvent =
  | MeetingConvened
  | QuorumFailed
  | BallotsIssued
  | BallotsReturned
  | TallyRecorded
  | ThresholdEvaluated
  | ResultSealed
  | ResultDisclosed;

/** Where a candidate came from. */
export type CandidateSource = 'plan' | 're-election' | 'succession-pool' | 'floor' | 'self-nomination' | 'unit';

/** A candidate entered the procedure. */
export type CandidateAdded = DomainEvent<
  'CandidateAdded',
  {
    readonly personId: string;
    readonly source: CandidateSource;
    readonly relativeIds: readonly string[];
    /** The introduction track, for procedure B. */
    readonly track?: Track;
    readonly note?: string;
  }
>;
/** A candidate left on their own request. */
export type CandidateWithdrew = DomainEvent<
  'CandidateWithdrew',
  { readonly personId: string; readonly reason: string }
>;
/** A candidate was dropped at a step, and why. */
export type CandidateDropped = DomainEvent<
  'CandidateDropped',
  {
    readonly personId: string;
    readonly step: string;
    /** English (or the decider's own words); clients translate `reasonCode` with `params`. */
    readonly reason: string;
    /**
     * Why, as a code: `rejected-at-step` (the reason is the decider's words), `threshold-not-reached`
     * `{ votes, base, required }`, `age-ineligible` `{ track }`, `verification-blocked`, `dossier-late`
     * `{ lastFilingDay, filedOn }`. Absent on candidates dropped before codes were recorded.
     */
    readonly reasonCode?: CandidateDroppedReason;
    readonly params?: Readonly<Record<string, string | number>>;
  }
>;

/** Why a candidate was dropped, as a code. */
export type CandidateDroppedReason =
  'rejected-at-step' | 'threshold-not-reached' | 'age-ineligible' | 'verification-blocked' | 'dossier-late';

/** Candidate list events shared by procedures B, C and F. */
export type CandidateEvent = CandidateAdded | CandidateWithdrew | CandidateDropped;
