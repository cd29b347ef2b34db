import { evolveCore, initialCore, isCoreOnlyEvent, type ProcedureCore } from '../common/procedure-core.kernel';
import { type ClassificationGrade } from './classification.commands';
import { type ClassificationEvent } from './classification.events';

/** `GRADING` (the committee), `REVIEW` (the higher committee), `APPROVED`. */
export type ClassificationStatus = 'NOT_STARTED' | 'GRADING' | 'REVIEW' | 'APPROVED' | 'WITHDRAWN';

/** State of the annual classification. */
export interface ClassificationState {
  readonly core: ProcedureCore;
  readonly status: ClassificationStatus;
  readonly year: number;
  readonly personIds: readonly string[];
  readonly revision: number;
  readonly grades: Readonly<Record<string, ClassificationGrade>>;
  /** Who recorded the current grading (four-eyes: they may not approve it; the task view shows them as proposers). */
  readonly draftedBy: readonly string[];
}

/** The state before launch. */
export const initialClassificationState = (): ClassificationState => ({
  core: initialCore,
  status: 'NOT_STARTED',
  year: 0,
  personIds: [],
  revision: 0,
  grades: {},
  draftedBy: [],
});

/** Folds one event into the state; pure and total. */
export function evolveClassification(state: ClassificationState, event: ClassificationEvent): ClassificationState {
  if (isCoreOnlyEvent(event)) return { ...state, core: evolveCore(state.core, event) };
  switch (event.type) {
    case 'ProcedureLaunched':
    case 'ProcedureCompleted':
      return { ...state, core: evolveCore(state.core, event) };
    case 'ProcedureWithdrawn':
      return { ...state, core: evolveCore(state.core, event), status: 'WITHDRAWN' };
    case 'ClassificationScheduled':
      return { ...state, status: 'GRADING', year: event.data.year, personIds: event.data.personIds };
    case 'ClassificationProposed':
      return {
        ...state,
        status: 'REVIEW',
        revision: event.data.revision,
        grades: event.data.grades,
        draftedBy: [event.data.gradedBy],
      };
    case 'ClassificationReturned':
      return { ...state, status: 'GRADING' };
    case 'ClassificationApproved':
      return { ...state, status: 'APPROVED' };
    default: {
      const _never: never = event;
      return _never;
    }
  }
}
