import { type VettingKind } from '../../rulebook/rulebook.types';
import { evolveCore, initialCore, type ProcedureCore } from '../common/procedure-core.kernel';
import { type VettingEvent } from './vetting.events';

/** Where one candidate's vetting stands. */
export interface VettingCandidateState {
  readonly status: 'PENDING' | 'CLEARED' | 'BLOCKED';
  readonly concluded: Readonly<Partial<Record<VettingKind, 'CLEARED' | 'BLOCKED'>>>;
  readonly declarationFiled: boolean;
}

/** State of procedure D. */
export interface VettingState {
  readonly core: ProcedureCore;
  readonly status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'WITHDRAWN';
  readonly kinds: readonly VettingKind[];
  readonly candidates: Readonly<Record<string, VettingCandidateState>>;
  readonly order: readonly string[];
  readonly complaints: Readonly<
    Record<string, { readonly personId: string; readonly resolved: boolean; readonly substantiated: boolean }>
  >;
}

/** The state before launch. */
export const initialVettingState = (): VettingState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  kinds: [],
  candidates: {},
  order: [],
  complaints: {},
});

function updateCandidate(state: VettingState, personId: string, change: Partial<VettingCandidateState>): VettingState {
  const candidate = state.candidates[personId];
  return candidate ? { ...state, candidates: { ...state.candidates, [personId]: { ...candidate, ...change } } } : state;
}

/** Folds one event of the procedure into its state; pure and total, so a replay never throws. */
export function evolveVetting(state: VettingState, event: VettingEvent): VettingState {
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event), status: 'IN_PROGRESS' };
    case 'StepOpened':
    case 'StepClosed':
    case 'DeadlineBreached':
    case 'Escalated':
    case 'ConflictDeclared':
    case 'RecusalRecorded':
    case 'StepItemsDecided':
    case 'DossierAccessed':
    case 'ActionProgrammeFiled':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'COMPLETED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'VettingRequested': {
      if (event.data.kind === 'verification') return state;
      const kinds = state.kinds.includes(event.data.kind) ? state.kinds : [...state.kinds, event.data.kind];
      const known = state.candidates[event.data.personId];
      return known
        ? { ...state, kinds }
        : {
            ...state,
            kinds,
            order: [...state.order, event.data.personId],
            candidates: {
              ...state.candidates,
              [event.data.personId]: { status: 'PENDING', concluded: {}, declarationFiled: false },
            },
          };
    }
    case 'VettingConcluded': {
      if (event.data.kind === 'verification') return state;
      const candidate = state.candidates[event.data.personId];
      return candidate
        ? updateCandidate(state, event.data.personId, {
            concluded: { ...candidate.concluded, [event.data.kind]: event.data.outcome },
          })
        : state;
    }
    case 'AssetDeclarationFiled':
      return updateCandidate(state, event.data.personId, { declarationFiled: true });
    case 'ComplaintReceived':
      return {
        ...state,
        complaints: {
          ...state.complaints,
          [event.data.complaintId]: { personId: event.data.personId, resolved: false, substantiated: false },
        },
      };
    case 'ComplaintResolved': {
      const complaint = state.complaints[event.data.complaintId];
      return complaint
        ? {
            ...state,
            complaints: {
              ...state.complaints,
              [event.data.complaintId]: { ...complaint, resolved: true, substantiated: event.data.substantiated },
            },
          }
        : state;
    }
    case 'CandidateCleared':
      return updateCandidate(state, event.data.personId, { status: 'CLEARED' });
    case 'CandidateBlocked':
      return updateCandidate(state, event.data.personId, { status: 'BLOCKED' });
    case 'AssetDeclarationVerified':
      return state;
    case 'CompositionChecked':
    case 'ConflictDetected':
      return 'stepId' in event.data
        ? { ...state, core: evolveCore(state.core, { type: 'ConflictDetected', data: event.data }) }
        : state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
