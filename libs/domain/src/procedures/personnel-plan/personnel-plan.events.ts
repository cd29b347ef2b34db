import { type CompositionBasis, type PlanCompositionTargets } from '../../checks/composition.check';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';

/** Content of a personnel plan (đề án nhân sự). */
export interface PersonnelPlanContent {
  readonly executiveCommitteeSeats: number;
  readonly standingCommitteeSeats: number;
  readonly deputySecretaries: number;
  /** Candidate list with its surplus over the executive-committee seats. */
  readonly candidateIds: readonly string[];
  /** Standards in words, as adopted. */
  readonly standards: readonly string[];
  /** Composition targets as numbers, checked at adoption (with the rulebook's minimums). */
  readonly targets?: PlanCompositionTargets;
}

/** A (revised) draft of the plan. */
export type PlanDrafted = DomainEvent<
  'PlanDrafted',
  {
    readonly revision: number;
    readonly plan: PersonnelPlanContent;
    /** What composition is checked on (level, congress day, the candidates' profiles); absent: no check. */
    readonly composition?: CompositionBasis;
  }
>;
/** The standing committee adopted the draft. */
export type PlanAdopted = DomainEvent<'PlanAdopted', { readonly revision: number }>;
/** The standing committee sent the draft back for revision. */
export type PlanDraftReturned = DomainEvent<
  'PlanDraftReturned',
  { readonly revision: number; readonly reason: string }
>;
/** The plan went to the higher level. */
export type PlanSubmitted = DomainEvent<
  'PlanSubmitted',
  { readonly revision: number; readonly toBodyId: string; readonly submission: number }
>;
/** The higher level returned the plan with its opinion. */
export type PlanReturned = DomainEvent<'PlanReturned', { readonly revision: number; readonly reason: string }>;
/** The higher level approved the plan. */
export type PlanApproved = DomainEvent<
  'PlanApproved',
  { readonly revision: number; readonly approvedPlan: PersonnelPlanContent }
>;
/** The plan was rejected outright. */
export type PlanRejected = DomainEvent<
  'PlanRejected',
  { readonly revision: number; readonly stepId: string; readonly reason: string }
>;
/** An election procedure took the approved plan as its input. */
export type PlanConsumed = DomainEvent<'PlanConsumed', { readonly byProcedureId: string }>;

/** Events of procedure A. */
export type PersonnelPlanEvent =
  | CommonEvent
  | PlanDrafted
  | PlanAdopted
  | PlanDraftReturned
  | PlanSubmitted
  | PlanReturned
  | PlanApproved
  | PlanRejected
  | PlanConsumed;
