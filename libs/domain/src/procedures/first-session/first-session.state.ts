import { type CompositionCheckedData } from '../../checks/composition.check';
import { type LevelKind } from '../../organisation/organisation.types';
import { evolveCore, initialCore, isCoreOnlyEvent, type ProcedureCore } from '../common/procedure-core.kernel';
import { type FirstSessionMember, type FirstSessionOffice, type FirstSessionSeats } from './first-session.commands';
import { type FirstSessionEvent, type FirstSessionResult, type FirstSessionRoundOpened } from './first-session.events';

/**
 * `NOMINATING` (the list of the office), `VOTING` (a round), `AWAITING_DECISION` (seats left: vote again?),
 * `AWAITING_RATIFICATION`, `RATIFIED`.
 */
export type FirstSessionStatus =
  'NOT_STARTED' | 'NOMINATING' | 'VOTING' | 'AWAITING_DECISION' | 'AWAITING_RATIFICATION' | 'RATIFIED' | 'WITHDRAWN';

/** Nobody elected to any office yet. */
export const emptyFirstSessionResult: FirstSessionResult = {
  'standing-committee': [],
  secretary: [],
  'deputy-secretaries': [],
  'inspection-committee': [],
  'inspection-chair': [],
};

/** State of the first session of the new executive committee. */
export interface FirstSessionState {
  readonly core: ProcedureCore;
  readonly status: FirstSessionStatus;
  readonly executiveCommitteeId: string;
  readonly level: LevelKind | null;
  readonly sessionDate: string;
  readonly seats: FirstSessionSeats;
  readonly members: readonly FirstSessionMember[];
  readonly sitting: number;
  /** The office being elected, its seats and who may stand for it. */
  readonly office: {
    readonly office: FirstSessionOffice;
    readonly seats: number;
    readonly eligibleIds: readonly string[];
  } | null;
  /** The list the committee proposed for the office. */
  readonly list: readonly string[];
  /** The last step number given (`list-<n>`, `round-<n>`, `decision-<n>` count on from it). */
  readonly stepNumber: number;
  readonly round: FirstSessionRoundOpened['data'] | null;
  readonly elected: FirstSessionResult;
  /** The standing committee's composition as last checked at this sitting. */
  readonly composition: CompositionCheckedData | null;
}

/** The state before launch. */
export const initialFirstSessionState = (): FirstSessionState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  executiveCommitteeId: '',
  level: null,
  sessionDate: '',
  seats: { standingCommittee: 0, deputySecretaries: 0, inspectionCommittee: 0 },
  members: [],
  sitting: 0,
  office: null,
  list: [],
  stepNumber: 0,
  round: null,
  elected: emptyFirstSessionResult,
  composition: null,
});

function stepNumberOf(stepId: string): number {
  const n = Number(stepId.slice(stepId.lastIndexOf('-') + 1));
  return Number.isInteger(n) ? n : 0;
}

/** Folds one event into the state; pure and total. */
export function evolveFirstSession(state: FirstSessionState, event: FirstSessionEvent): FirstSessionState {
  switch (event.type) {
    case 'StepOpened': {
      const core = evolveCore(state.core, event);
      const { stepId } = event.data;
      if (stepId === 'ratification') return { ...state, core, status: 'AWAITING_RATIFICATION' };
      const stepNumber = Math.max(state.stepNumber, stepNumberOf(stepId));
      if (stepId.startsWith('decision-')) return { ...state, core, stepNumber, status: 'AWAITING_DECISION' };
      if (stepId.startsWith('round-')) return { ...state, core, stepNumber, status: 'VOTING' };
      return { ...state, core, stepNumber, status: 'NOMINATING' };
    }
    case 'CompositionChecked':
      return { ...state, core: evolveCore(state.core, event), composition: event.data };
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'RATIFIED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'FirstSessionScheduled':
      return {
        ...state,
        executiveCommitteeId: event.data.executiveCommitteeId,
        level: event.data.level,
        sessionDate: event.data.sessionDate,
        seats: event.data.seats,
        members: event.data.members,
      };
    case 'FirstSessionOfficeOpened': {
      const { office, seats, eligibleIds, sitting } = event.data;
      const fresh = sitting !== state.sitting;
      return {
        ...state,
        sitting,
        office: { office, seats, eligibleIds },
        list: [],
        round: null,
        ...(fresh ? { elected: emptyFirstSessionResult, composition: null } : {}),
      };
    }
    case 'FirstSessionCandidatesNominated':
      return { ...state, list: event.data.candidateIds };
    case 'FirstSessionRoundOpened':
      return { ...state, round: event.data };
    case 'FirstSessionMemberElected': {
      const { office, personId } = event.data;
      return { ...state, elected: { ...state.elected, [office]: [...state.elected[office], personId] } };
    }
    case 'FirstSessionRoundClosed':
    case 'FirstSessionOfficeFilled':
    case 'FirstSessionConcluded':
    case 'FirstSessionRatified':
    case 'FirstSessionReturned':
    case 'TieDetected':
    case 'MeetingConvened':
    case 'QuorumFailed':
    case 'BallotsIssued':
    case 'BallotsReturned':
    case 'TallyRecorded':
    case 'ThresholdEvaluated':
    case 'ResultSealed':
    case 'ResultDisclosed':
      return state;
    default: {
      if (isCoreOnlyEvent(event)) return { ...state, core: evolveCore(state.core, event) };
      const _never: never = event;
      return _never;
    }
  }
}
