import { evolveCore, initialCore, isCoreOnlyEvent, type ProcedureCore } from '../common/procedure-core.kernel';
import { type CompositionBasis } from '../../checks/composition.check';
import { type PersonnelPlanContent, type PersonnelPlanEvent } from './personnel-plan.events';

/** States of a personnel plan (domain.md §3A). */
export type PlanStatus =
  'NOT_STARTED' | 'DRAFT' | 'ADOPTED' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'CONSUMED' | 'REJECTED' | 'WITHDRAWN';

/** State of procedure A. */
export interface PersonnelPlanState {
  readonly core: ProcedureCore;
  readonly status: PlanStatus;
  readonly revision: number;
  readonly submissions: number;
  readonly plan: PersonnelPlanContent | null;
  readonly draftedBy: readonly string[];
  /** What composition is checked on, as the latest draft recorded it; null: no check (drafted before). */
  readonly composition: CompositionBasis | null;
}

/** The state before launch. */
export const initialPersonnelPlanState = (): PersonnelPlanState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  revision: 0,
  submissions: 0,
  plan: null,
  draftedBy: [],
  composition: null,
});

/** Folds one event of the procedure into its state; pure and total, so a replay never throws. */
export function evolvePersonnelPlan(state: PersonnelPlanState, event: PersonnelPlanEvent): PersonnelPlanState {
  if (isCoreOnlyEvent(event)) return { ...state, core: evolveCore(state.core, event) };
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event), draftedBy: [event.data.launchedBy.personId] };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'PlanDrafted':
      return {
        ...state,
        status: state.status === 'NOT_STARTED' ? 'DRAFT' : state.status,
        revision: event.data.revision,
        plan: event.data.plan,
        composition: event.data.composition ?? state.composition,
      };
    case 'PlanAdopted':
      return { ...state, status: 'ADOPTED' };
    case 'PlanDraftReturned':
      return { ...state, status: 'DRAFT' };
    case 'PlanSubmitted':
      return { ...state, status: 'SUBMITTED', submissions: event.data.submission };
    case 'PlanReturned':
      return { ...state, status: 'RETURNED' };
    case 'PlanApproved':
      return { ...state, status: 'APPROVED' };
    case 'PlanRejected':
      return { ...state, status: 'REJECTED' };
    case 'PlanConsumed':
      return { ...state, status: 'CONSUMED' };
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
