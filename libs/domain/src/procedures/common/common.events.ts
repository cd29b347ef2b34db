import { type ConcernedPerson, type StepAuthority } from '../../checks/decision-guards.check';
import { type IsoDate } from '../../calendar/civil-date.util';
import {
  type Actor,
  type Classification,
  type DomainEvent,
  type ProcedureKind,
  type RoleKind,
} from '../../shared/message.types';

export { type ProcedureKind };

/** How a step is decided: an approval (approve / reject / return), a recorded tally, or a conclusion. */
export type StepDecisionKind = 'approval' | 'tally' | 'conclusion' | 'opinion';

/** A procedure started; it is governed by `rulebookId` to the end. */
export type ProcedureLaunched = DomainEvent<
  'ProcedureLaunched',
  {
    readonly procedureId: string;
    readonly kind: ProcedureKind;
    readonly bodyId: string;
    readonly rulebookId: string;
    readonly launchedBy: Actor;
    readonly launchedAt: string;
    /** Where escalations and higher opinions go (e.g. the Politburo for a province). */
    readonly higherBodyId: string | null;
    /** People the procedure concerns, with their declared relatives (for recusal). */
    readonly concerned: readonly ConcernedPerson[];
    /** Who plays each part of the procedure, e.g. `{ standingCommittee: { role, bodyId } }`. */
    readonly authorities: Readonly<Record<string, StepAuthority>>;
  }
>;

/** A human step opened a task: who may decide it and by when. */
export type StepOpened = DomainEvent<
  'StepOpened',
  {
    readonly stepId: string;
    readonly name: string;
    readonly bodyId: string;
    readonly role: RoleKind;
    readonly dueDate: IsoDate;
    readonly decision: StepDecisionKind;
    readonly subjectIds: readonly string[];
  }
>;

/** A step's task closed. */
export type StepClosed = DomainEvent<
  'StepClosed',
  {
    readonly stepId: string;
    readonly outcome: 'approved' | 'rejected' | 'returned' | 'recorded' | 'concluded' | 'cancelled' | 'on-hold';
  }
>;

/** A step was still open after its due date. */
export type DeadlineBreached = DomainEvent<
  'DeadlineBreached',
  { readonly stepId: string; readonly dueDate: IsoDate; readonly detectedAt: string }
>;

/** An overdue step was escalated. */
export type Escalated = DomainEvent<
  'Escalated',
  { readonly stepId: string; readonly dueDate: IsoDate; readonly toBodyId: string | null }
>;

/** Someone declared a conflict of interest regarding a person concerned. */
export type ConflictDeclared = DomainEvent<
  'ConflictDeclared',
  { readonly personId: string; readonly subjectId: string; readonly description: string }
>;

/** Someone read a classified dossier during the procedure (every read is logged, QĐ 205/114). */
export type DossierAccessed = DomainEvent<
  'DossierAccessed',
  {
    readonly dossierId: string;
    readonly subjectId: string;
    readonly classification: Classification;
    readonly readerId: string;
    readonly purpose: string;
  }
>;

/** A candidate filed the action programme owed before a new post, election or appointment. */
export type ActionProgrammeFiled = DomainEvent<
  'ActionProgrammeFiled',
  { readonly personId: string; readonly reference: string; readonly filedOn: string }
>;

/** The procedure was withdrawn, and why. */
export type ProcedureWithdrawn = DomainEvent<
  'ProcedureWithdrawn',
  { readonly reason: string; readonly openStepIds: readonly string[] }
>;

/** The procedure reached its end. */
export type ProcedureCompleted = DomainEvent<
  'ProcedureCompleted',
  { readonly outcome: string; readonly personIds: readonly string[] }
>;

/** Events every procedure shares. */
export type CommonEvent =
  | ProcedureLaunched
  | StepOpened
  | StepClosed
  | DeadlineBreached
  | Escalated
  | ConflictDeclared
  | DossierAccessed
  | ActionProgrammeFiled
  | ProcedureWithdrawn
  | ProcedureCompleted;
