import { type Track } from '../../rulebook/rulebook.types';
import { evolveCore, initialCore, type ProcedureCore, withConcerned } from '../common/procedure-core.kernel';
import { type IntroductionEvent } from './introduction.events';

/** Where the introduction stands: track, step 1–5, attempt (a step re-runs after verification or an opinion). */
export interface IntroductionPosition {
  readonly track: Track;
  readonly step: number;
  readonly attempt: number;
}

/** A hold on the current step: a verification (step 5) or the higher committee's opinion. */
export interface IntroductionHold {
  readonly kind: 'verification' | 'higher-opinion';
  readonly stepId: string;
  readonly personId: string | null;
}

/** State of procedure B. */
export interface IntroductionState {
  readonly core: ProcedureCore;
  readonly status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'WITHDRAWN';
  readonly candidates: Readonly<Record<string, { readonly track: Track; readonly active: boolean }>>;
  readonly order: readonly string[];
  readonly current: IntroductionPosition | null;
  readonly hold: IntroductionHold | null;
  readonly holds: number;
}

const STEP_ID = /^(re-election|first-time)\/([1-5])(?:#(\d+))?$/;

/** The step id of a position: `re-election/3`, or `re-election/5#2` for a second attempt. */
export function introductionStepId(position: IntroductionPosition): string {
  return `${position.track}/${position.step}${position.attempt > 1 ? `#${position.attempt}` : ''}`;
}

/** Parses an introduction step id, or null if it is not one. */
export function parseIntroductionStepId(stepId: string): IntroductionPosition | null {
  const match = STEP_ID.exec(stepId);
  return match ? { track: match[1] as Track, step: Number(match[2]), attempt: match[3] ? Number(match[3]) : 1 } : null;
}

/** The state before launch. */
export const initialIntroductionState = (): IntroductionState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  candidates: {},
  order: [],
  current: null,
  hold: null,
  holds: 0,
});

/** Folds one event of the procedure into its state; pure and total, so a replay never throws. */
export function evolveIntroduction(state: IntroductionState, event: IntroductionEvent): IntroductionState {
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event), status: 'IN_PROGRESS' };
    case 'StepOpened': {
      const core = evolveCore(state.core, event);
      const position = parseIntroductionStepId(event.data.stepId);
      if (position) {
        return { ...state, core, current: position, hold: null, status: 'IN_PROGRESS' };
      }
      const kind = event.data.stepId.startsWith('verification-') ? 'verification' : 'higher-opinion';
      return {
        ...state,
        core,
        status: 'ON_HOLD',
        holds: state.holds + 1,
        hold: { kind, stepId: event.data.stepId, personId: event.data.subjectIds[0] ?? null },
      };
    }
    case 'StepClosed':
    case 'DeadlineBreached':
    case 'Escalated':
    case 'ConflictDeclared':
    case 'CompositionChecked':
    case 'ConflictDetected':
    case 'RecusalRecorded':
    case 'StepItemsDecided':
    case 'DossierAccessed':
    case 'ActionProgrammeFiled':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'COMPLETED', current: null, hold: null };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'CandidateAdded': {
      if (state.candidates[event.data.personId]) {
        return state;
      }
      return {
        ...state,
        core: withConcerned(state.core, [{ personId: event.data.personId, relativeIds: event.data.relativeIds }]),
        candidates: {
          ...state.candidates,
          [event.data.personId]: { track: event.data.track ?? 'first-time', active: true },
        },
        order: [...state.order, event.data.personId],
      };
    }
    case 'CandidateDropped':
    case 'CandidateWithdrew': {
      const candidate = state.candidates[event.data.personId];
      return candidate
        ? { ...state, candidates: { ...state.candidates, [event.data.personId]: { ...candidate, active: false } } }
        : state;
    }
    case 'MeetingConvened':
    case 'QuorumFailed':
    case 'BallotsIssued':
    case 'BallotsReturned':
    case 'TallyRecorded':
    case 'ThresholdEvaluated':
    case 'ResultSealed':
    case 'ResultDisclosed':
    case 'ListApproved':
    case 'ListReturned':
    case 'VettingRequested':
    case 'VettingConcluded':
    case 'EscalatedToHigherLevel':
    case 'HigherOpinionReceived':
    case 'TrackCompleted':
      return state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
