import { type IsoDate } from '../../calendar/civil-date.util';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type CandidateEvent, type VotingEvent } from '../common/voting.events';

/** Step 0: the unit asks the competent higher body to approve the policy (which post). */
export type PolicyRequested = DomainEvent<
  'PolicyRequested',
  {
    readonly postId: string;
    readonly title: string;
    readonly toBodyId: string;
    readonly centralManagement: boolean;
    /** Whether ties at a nomination's cut are recorded (`TieDetected`); absent on appointments from before. */
    readonly recordsTies?: boolean;
  }
>;
/** The higher body approved the policy; the clock of 15/30 working days starts. */
export type PolicyApproved = DomainEvent<
  'PolicyApproved',
  { readonly approvedOn: IsoDate; readonly deadlineWorkingDays: number; readonly completionDueDate: IsoDate }
>;
/** The higher body returned the policy request for rework. */
export type PolicyReturned = DomainEvent<'PolicyReturned', { readonly reason: string }>;
/** The higher body refused the policy; the procedure ends. */
export type PolicyRejected = DomainEvent<'PolicyRejected', { readonly reason: string }>;
/** Step 1: the head and the leadership agreed structure, standards and process. */
export type ProposalApproved = DomainEvent<
  'ProposalApproved',
  { readonly stepId: string; readonly note: string | null }
>;
/**
 * Steps 2–3: more people tied on the votes of the last place forwarded than places left; `forwarded` of them go
 * forward, chosen by id order (`resolvedBy`), as QĐ 80 names no rule. The election's `TieDetected` carries a
 * `round` instead of a `stepId`.
 */
export type NominationTieDetected = DomainEvent<
  'TieDetected',
  {
    readonly stepId: string;
    readonly personIds: readonly string[];
    readonly votes: number;
    readonly places: number;
    readonly forwarded: readonly string[];
    readonly resolvedBy: 'id-order';
  }
>;
/** Steps 2–3: who goes forward (one with most votes and a majority, else the top two). */
export type NominationForwarded = DomainEvent<
  'NominationForwarded',
  {
    readonly stepId: string;
    readonly personIds: readonly string[];
    readonly rule: 'most-votes-and-majority' | 'top-two';
  }
>;
/** Step 5 (or the head at exactly half): the candidate is put to the appointing body. */
export type CandidateProposed = DomainEvent<
  'CandidateProposed',
  {
    readonly personId: string;
    readonly votes: number;
    readonly base: number;
    readonly decidedBy: 'collective' | 'head';
  }
>;
/** A written explanation for finishing after the deadline (QĐ 80). */
export type LateExplanationFiled = DomainEvent<'LateExplanationFiled', { readonly explanation: string }>;

/** `ratification`: the higher committee ratified (chuẩn y) the member the lower committee elected. */
export type MemberRatified = DomainEvent<
  'MemberRatified',
  { readonly personId: string; readonly byBodyId: string; readonly note: string | null }
>;
/** `ratification`: the higher committee refused to ratify; the member is not added. */
export type MemberRatificationRefused = DomainEvent<
  'MemberRatificationRefused',
  { readonly personId: string; readonly byBodyId: string; readonly reason: string }
>;

/** Events of procedure C. */
export type AppointmentEvent =
  | CommonEvent
  | VotingEvent
  | CandidateEvent
  | PolicyRequested
  | PolicyApproved
  | PolicyReturned
  | PolicyRejected
  | ProposalApproved
  | NominationForwarded
  | NominationTieDetected
  | CandidateProposed
  | LateExplanationFiled
  | MemberRatified
  | MemberRatificationRefused;
