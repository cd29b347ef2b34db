import { type CompositionBasis, type CompositionMember } from '../../checks/composition.check';
import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type PersonnelPlanContent } from './personnel-plan.events';

/** Launch procedure A with a first draft; the standing committee is asked to adopt it. */
export type DraftPlan = DomainCommand<
  'DraftPlan',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /**
     * The rulebook to run under instead of the one in force at launch: a stage of the congress procedure runs
     * under the rulebook its composite was launched under.
     */
    readonly rulebookId?: string;
    /** The party organisation whose congress the plan prepares. */
    readonly organisationId: string;
    readonly standingCommitteeId: string;
    /** The competent higher body (the Politburo for a provincial body) and the role it decides in. */
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    readonly plan: PersonnelPlanContent;
    /** The level, the congress day and the candidates' profiles (from the registry snapshot) composition is checked on. */
    readonly composition?: CompositionBasis;
  }
>;

/** Revise the draft (while a draft, or after a return). */
export type RevisePlan = DomainCommand<
  'RevisePlan',
  {
    readonly plan: PersonnelPlanContent;
    /** Profiles of people the revision adds (from the registry snapshot). */
    readonly profiles?: readonly CompositionMember[];
  }
>;

/** Send the adopted (or revised, after a return) plan to the higher level. */
export type SubmitPlan = DomainCommand<'SubmitPlan', Record<string, never>>;

/** An election takes the approved plan. */
export type ConsumePlan = DomainCommand<'ConsumePlan', { readonly byProcedureId: string }>;

/** Commands of procedure A. `DecideStep` adopts / returns / rejects the draft, or approves / returns the plan. */
export type PersonnelPlanCommand = CommonCommand | DecideStep | DraftPlan | RevisePlan | SubmitPlan | ConsumePlan;
