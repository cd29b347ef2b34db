import { evolveCore, initialCore, isCoreOnlyEvent, type ProcedureCore } from '../common/procedure-core.kernel';
import { type ConfidenceConsequence, type ConfidenceVoteEvent } from './confidence-vote.events';

/** `VOTING` until the count is recorded, `FOLLOW_UP` while low results await the higher body, then `COMPLETED`. */
export type ConfidenceVoteStatus = 'NOT_STARTED' | 'VOTING' | 'FOLLOW_UP' | 'COMPLETED' | 'WITHDRAWN';

/** One person's result and, for a low one, the decision on it. */
export interface ConfidenceResult {
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
  readonly votes: number;
  readonly consequence: ConfidenceConsequence;
  readonly measureTaken: boolean | null;
}

/** State of the confidence vote. */
export interface ConfidenceVoteState {
  readonly core: ProcedureCore;
  readonly status: ConfidenceVoteStatus;
  readonly personIds: readonly string[];
  /** Meetings that failed their quorum. */
  readonly quorumFailures: number;
  readonly outcomes: Readonly<Record<string, ConfidenceResult>>;
}

/** The state before launch. */
export const initialConfidenceVoteState = (): ConfidenceVoteState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  personIds: [],
  quorumFailures: 0,
  outcomes: {},
});

/** Folds one event into the state; pure and total. */
export function evolveConfidenceVote(state: ConfidenceVoteState, event: ConfidenceVoteEvent): ConfidenceVoteState {
  if (isCoreOnlyEvent(event)) return { ...state, core: evolveCore(state.core, event) };
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'COMPLETED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'ConfidenceVoteScheduled':
      return { ...state, status: 'VOTING', personIds: event.data.personIds };
    case 'MeetingConvened':
      return state;
    case 'QuorumFailed':
      return { ...state, quorumFailures: state.quorumFailures + 1 };
    case 'ConfidenceRated': {
      const { high, confidence, low, votes, consequence } = event.data;
      return {
        ...state,
        status: 'FOLLOW_UP',
        outcomes: {
          ...state.outcomes,
          [event.data.personId]: { high, confidence, low, votes, consequence, measureTaken: null },
        },
      };
    }
    case 'ConfidenceConsequenceDecided': {
      const result = state.outcomes[event.data.personId];
      if (!result) return state;
      return {
        ...state,
        outcomes: { ...state.outcomes, [event.data.personId]: { ...result, measureTaken: event.data.measureTaken } },
      };
    }
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
