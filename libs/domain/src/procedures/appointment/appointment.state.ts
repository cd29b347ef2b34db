import { type IsoDate } from '../../calendar/civil-date.util';
import { evolveCore, initialCore, type ProcedureCore, withConcerned } from '../common/procedure-core.kernel';
import { APPOINTMENT_VARIANTS, type AppointmentVariant } from './appointment.commands';
import { type AppointmentEvent } from './appointment.events';

/** Step id of appointment step `n` (`step-1` … `step-5`). */
export function appointmentStepId(step: number): string {
  return `step-${step}`;
}

/** State of procedure C. */
export interface AppointmentState {
  readonly core: ProcedureCore;
  readonly status:
    | 'NOT_STARTED'
    | 'AWAITING_POLICY'
    | 'IN_PROGRESS'
    | 'AWAITING_HEAD'
    | 'AWAITING_RATIFICATION'
    | 'COMPLETED'
    | 'WITHDRAWN';
  /** The form of the procedure, from `ProcedureLaunched.variant` (`appointment` when absent). */
  readonly variant: AppointmentVariant;
  /** 0 = policy, 1–5 the steps, 6 = the head's decision or the ratification. */
  readonly step: number;
  readonly policyAttempts: number;
  readonly centralManagement: boolean;
  /** Recorded at launch: a tie at a nomination's cut is recorded as `TieDetected`. */
  readonly recordsTies: boolean;
  readonly completionDueDate: IsoDate | null;
  readonly candidates: readonly string[];
  readonly sealed: readonly string[];
  readonly deadlineBreached: boolean;
  readonly explanationFiled: boolean;
  /** Step-5 results, kept for the head's decision at exactly half. */
  readonly finalResults: Readonly<Record<string, { readonly votes: number; readonly base: number }>>;
  readonly headReferral: { readonly personId: string; readonly votes: number; readonly base: number } | null;
}

/** The state before launch. */
export const initialAppointmentState = (): AppointmentState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  variant: 'appointment',
  step: 0,
  policyAttempts: 0,
  centralManagement: false,
  recordsTies: false,
  completionDueDate: null,
  candidates: [],
  sealed: [],
  deadlineBreached: false,
  explanationFiled: false,
  finalResults: {},
  headReferral: null,
});

/** Folds one event of the procedure into its state; pure and total, so a replay never throws. */
export function evolveAppointment(state: AppointmentState, event: AppointmentEvent): AppointmentState {
  switch (event.type) {
    case 'ProcedureLaunched':
      return {
        ...state,
        core: evolveCore(state.core, event),
        status: 'AWAITING_POLICY',
        variant: APPOINTMENT_VARIANTS.find((v) => v === event.data.variant) ?? 'appointment',
      };
    case 'PolicyRequested':
      return {
        ...state,
        centralManagement: event.data.centralManagement,
        recordsTies: event.data.recordsTies === true,
      };
    case 'StepOpened': {
      const core = evolveCore(state.core, event);
      const id = event.data.stepId;
      if (id.startsWith('policy')) {
        return { ...state, core, policyAttempts: state.policyAttempts + 1 };
      }
      if (id === 'head-decision') {
        const personId = event.data.subjectIds[0] ?? '';
        const result = state.finalResults[personId] ?? { votes: 0, base: 0 };
        return { ...state, core, status: 'AWAITING_HEAD', step: 6, headReferral: { personId, ...result } };
      }
      if (id === 'ratification') {
        return { ...state, core, status: 'AWAITING_RATIFICATION', step: 6 };
      }
      return { ...state, core, status: 'IN_PROGRESS', step: Number(id.slice('step-'.length, 'step-'.length + 1)) };
    }
    case 'StepClosed':
    case 'Escalated':
    case 'ConflictDeclared':
    case 'CompositionChecked':
    case 'ConflictDetected':
    case 'RecusalRecorded':
    case 'StepItemsDecided':
    case 'DossierAccessed':
    case 'ActionProgrammeFiled':
      return { ...state, core: evolveCore(state.core, event) };
    case 'DeadlineBreached':
      return { ...state, core: evolveCore(state.core, event), deadlineBreached: true };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'COMPLETED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'PolicyApproved':
      return { ...state, completionDueDate: event.data.completionDueDate };
    case 'CandidateAdded':
      return {
        ...state,
        core: withConcerned(state.core, [{ personId: event.data.personId, relativeIds: event.data.relativeIds }]),
        candidates: [...state.candidates, event.data.personId],
      };
    case 'CandidateDropped':
    case 'CandidateWithdrew':
      return { ...state, candidates: state.candidates.filter((id) => id !== event.data.personId) };
    case 'ResultSealed':
      return { ...state, sealed: [...state.sealed, event.data.stepId] };
    case 'ResultDisclosed':
      return { ...state, sealed: state.sealed.filter((id) => id !== event.data.stepId) };
    case 'ThresholdEvaluated':
      return event.data.stepId === appointmentStepId(5)
        ? {
            ...state,
            finalResults: {
              ...state.finalResults,
              [event.data.personId]: { votes: event.data.votes, base: event.data.base },
            },
          }
        : state;
    case 'LateExplanationFiled':
      return { ...state, explanationFiled: true };
    case 'MeetingConvened':
    case 'QuorumFailed':
    case 'BallotsIssued':
    case 'BallotsReturned':
    case 'TallyRecorded':
    case 'PolicyReturned':
    case 'PolicyRejected':
    case 'ProposalApproved':
    case 'NominationForwarded':
    case 'TieDetected':
    case 'CandidateProposed':
    case 'MemberRatified':
    case 'MemberRatificationRefused':
      return state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
