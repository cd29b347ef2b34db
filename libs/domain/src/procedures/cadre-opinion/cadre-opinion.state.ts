import { evolveCore, initialCore, isCoreOnlyEvent, type ProcedureCore } from '../common/procedure-core.kernel';
import { type CadreOpinionEvent } from './cadre-opinion.events';

/** `ANSWERING` until every cadre has an opinion, then `ANSWERED`. */
export type CadreOpinionStatus = 'NOT_STARTED' | 'ANSWERING' | 'ANSWERED' | 'WITHDRAWN';

/** State of the opinion on cadres. */
export interface CadreOpinionState {
  readonly core: ProcedureCore;
  readonly status: CadreOpinionStatus;
  readonly requestingBodyId: string;
  readonly reference: string;
  readonly matter: string;
  readonly personIds: readonly string[];
  /** person id → favourable or not, once answered. */
  readonly answers: Readonly<Record<string, boolean>>;
}

/** The state before launch. */
export const initialCadreOpinionState = (): CadreOpinionState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  requestingBodyId: '',
  reference: '',
  matter: '',
  personIds: [],
  answers: {},
});

/** Folds one event into the state; pure and total. */
export function evolveCadreOpinion(state: CadreOpinionState, event: CadreOpinionEvent): CadreOpinionState {
  if (isCoreOnlyEvent(event)) return { ...state, core: evolveCore(state.core, event) };
  switch (event.type) {
    case 'ProcedureLaunched':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event), status: 'ANSWERED' };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'OpinionRequested':
      return {
        ...state,
        status: 'ANSWERING',
        requestingBodyId: event.data.requestingBodyId,
        reference: event.data.reference,
        matter: event.data.matter,
        personIds: event.data.personIds,
      };
    case 'OpinionGiven':
      return { ...state, answers: { ...state.answers, [event.data.personId]: event.data.favourable } };
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
