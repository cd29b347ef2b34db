import { type RelationKind } from '../../organisation/organisation.types';
import { type Classification, type DomainCommand } from '../../shared/message.types';

/** Withdraw the procedure, saying why (by the role and body that launched it). */
export type WithdrawProcedure = DomainCommand<'WithdrawProcedure', { readonly reason: string }>;

/** Check open steps against `now`; overdue ones raise `DeadlineBreached` and `Escalated` once. */
export type CheckDeadlines = DomainCommand<'CheckDeadlines', Record<string, never>>;

/** The actor declares a conflict of interest regarding a person concerned; they are then recused. */
export type DeclareConflict = DomainCommand<
  'DeclareConflict',
  { readonly subjectId: string; readonly description: string }
>;

/** Log a read of a classified dossier of a person concerned; accepted even after the procedure ended. */
export type RecordDossierAccess = DomainCommand<
  'RecordDossierAccess',
  {
    readonly dossierId: string;
    readonly subjectId: string;
    readonly classification: Classification;
    readonly purpose: string;
  }
>;

/** A person concerned files their action programme (by themselves, or recorded by the launching office). */
export type FileActionProgramme = DomainCommand<
  'FileActionProgramme',
  { readonly personId: string; readonly reference: string }
>;

/**
 * The registry declares the acting person a relative of a subject of the open step, which the procedure did not
 * know: sent by the workflow (after asking the registry at decision time) before the actor's decision, so the
 * actor is recused on that subject from then on.
 */
export type DetectConflict = DomainCommand<
  'DetectConflict',
  {
    readonly stepId: string;
    readonly subjectId: string;
    readonly relation: RelationKind;
    readonly declaredOn: string;
  }
>;

/** Commands every procedure accepts. */
export type CommonCommand =
  WithdrawProcedure | CheckDeadlines | DeclareConflict | RecordDossierAccess | FileActionProgramme | DetectConflict;

/** A decision on an approval step: approve, reject, or return with a reason. */
export type StepDecision =
  | { readonly kind: 'approve'; readonly note?: string }
  | { readonly kind: 'reject'; readonly reason: string }
  | { readonly kind: 'return'; readonly reason: string };

/** Decide an open approval step. Every procedure accepts it for its approval steps. */
export type DecideStep = DomainCommand<'DecideStep', { readonly stepId: string; readonly decision: StepDecision }>;
