import { type Track } from '../../rulebook/rulebook.types';
import { type VettingConcluded, type VettingRequested } from '../vetting/vetting.events';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type CandidateEvent, type VotingEvent } from '../common/voting.events';

/** The standing committee approved the list at step 1. */
export type ListApproved = DomainEvent<
  'ListApproved',
  { readonly stepId: string; readonly personIds: readonly string[] }
>;
/** The standing committee sent the list back at step 1 for rework. */
export type ListReturned = DomainEvent<'ListReturned', { readonly stepId: string; readonly reason: string }>;
/** The standing committee and the executive committee disagree; the higher committee is asked. */
export type EscalatedToHigherLevel = DomainEvent<
  'EscalatedToHigherLevel',
  { readonly toBodyId: string; readonly reason: string; readonly heldStepId: string }
>;
/** The higher committee gave its opinion; the held step resumes. */
export type HigherOpinionReceived = DomainEvent<
  'HigherOpinionReceived',
  { readonly stepId: string; readonly opinion: string }
>;
/** All five steps of a track are done. */
export type TrackCompleted = DomainEvent<
  'TrackCompleted',
  { readonly track: Track; readonly personIds: readonly string[] }
>;

/** Events of procedure B. */
export type IntroductionEvent =
  | CommonEvent
  | VotingEvent
  | CandidateEvent
  | ListApproved
  | ListReturned
  | VettingRequested
  | VettingConcluded
  | EscalatedToHigherLevel
  | HigherOpinionReceived
  | TrackCompleted;
