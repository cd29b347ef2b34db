import { type CompositionBasis } from '../../checks/composition.check';
import { evolveCore, initialCore, type ProcedureCore, withConcerned } from '../common/procedure-core.kernel';
import {
  type ElectionCheck,
  type ElectionEvent,
  type ElectionRoundOpened,
  type ElectionScheduled,
} from './election.events';

/** State of procedure F. */
export interface ElectionState {
  readonly core: ProcedureCore;
  readonly status:
    'NOT_STARTED' | 'LIST' | 'VOTING' | 'AWAITING_DECISION' | 'AWAITING_RATIFICATION' | 'COMPLETED' | 'WITHDRAWN';
  readonly seats: number;
  readonly candidates: readonly string[];
  readonly elected: readonly string[];
  /** Each person elected, in the round they were elected in, with their votes and the base counted against. */
  readonly results: ReadonlyArray<{
    readonly personId: string;
    readonly round: number;
    readonly votes: number;
    readonly base: number;
  }>;
  readonly round: ElectionRoundOpened['data'] | null;
  readonly congressDate: string;
  readonly level: ElectionScheduled['data']['level'] | null;
  /** The checks recorded at launch (none for an election launched before they existed). */
  readonly checks: readonly ElectionCheck[];
  /** What the list's composition is checked on, as recorded at launch. */
  readonly composition: CompositionBasis | null;
  /** Delegates to the higher congress: how many of the seats are official and alternate; null for a committee. */
  readonly delegates: { readonly official: number; readonly alternates: number } | null;
}

/** The state before launch. */
export const initialElectionState = (): ElectionState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  seats: 0,
  candidates: [],
  elected: [],
  results: [],
  round: null,
  checks: [],
  composition: null,
  delegates: null,
  congressDate: '',
  level: null,
});

/** Folds one event of the procedure into its state; pure and total, so a replay never throws. */
export function evolveElection(state: ElectionState, event: ElectionEvent): ElectionState {
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event), status: 'LIST' };
    case 'StepOpened': {
      const core = evolveCore(state.core, event);
      if (event.data.stepId.startsWith('decision-')) return { ...state, core, status: 'AWAITING_DECISION' };
      if (event.data.stepId === 'ratification') return { ...state, core, status: 'AWAITING_RATIFICATION' };
      return { ...state, core };
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
      return { ...state, core: evolveCore(state.core, event), status: 'COMPLETED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'CandidateAdded':
      return state.candidates.includes(event.data.personId)
        ? state
        : {
            ...state,
            core: withConcerned(state.core, [{ personId: event.data.personId, relativeIds: event.data.relativeIds }]),
            candidates: [...state.candidates, event.data.personId],
          };
    case 'CandidateDropped':
    case 'CandidateWithdrew':
      return { ...state, candidates: state.candidates.filter((id) => id !== event.data.personId) };
    case 'ElectionScheduled':
      return {
        ...state,
        seats: event.data.seats,
        checks: event.data.checks ?? [],
        congressDate: event.data.congressDate,
        level: event.data.level,
        composition: event.data.composition ?? null,
        delegates: event.data.delegates ?? null,
      };
    case 'CandidateListApproved':
      return { ...state, seats: event.data.seats };
    case 'ElectionRoundOpened':
      return { ...state, status: 'VOTING', round: event.data };
    case 'CandidateElected':
      return {
        ...state,
        elected: [...state.elected, event.data.personId],
        results: [
          ...state.results,
          {
            personId: event.data.personId,
            round: event.data.round,
            votes: event.data.votes,
            base: event.data.base,
          },
        ],
      };
    case 'ElectionConcluded':
      return { ...state, elected: event.data.elected };
    case 'MeetingConvened':
    case 'QuorumFailed':
    case 'BallotsIssued':
    case 'BallotsReturned':
    case 'TallyRecorded':
    case 'ThresholdEvaluated':
    case 'ResultSealed':
    case 'ResultDisclosed':
    case 'TieDetected':
    case 'ElectionRoundClosed':
    case 'ResultRatified':
    case 'RatificationRefused':
    case 'DelegatesElected':
      return state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
