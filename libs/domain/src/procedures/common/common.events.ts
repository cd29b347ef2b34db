import { type ConcernedPerson, type StepAuthority } from '../../checks/decision-guards.check';
import { type IsoDate } from '../../calendar/civil-date.util';
import { type CompositionCheckedData } from '../../checks/composition.check';
import { type RelationKind } from '../../organisation/organisation.types';
import { type BallotCounts, type Tallies } from '../../voting/ballots.rule';
import { type ElectionAttendance } from '../../voting/election-base.rule';
import {
  type Actor,
  type Classification,
  type DomainEvent,
  type ProcedureKind,
  type RoleKind,
} from '../../shared/message.types';

export { type ProcedureKind };

/** How a step is decided: an approval (approve / reject / return), a recorded tally, or a conclusion. */
export type StepDecisionKind =
  | 'approval'
  | 'tally'
  | 'conclusion'
  | 'opinion'
  /** The count of a confidence vote: ballots by level per person. */
  | 'confidence-tally'
  /** A grade per person (annual classification). */
  | 'classification'
  /** The candidates proposed for an office (first session of a new executive committee). */
  | 'nomination';

/**
 * What a step is, as a code the web app translates (the English `name` of {@link StepOpened} is a developer
 * fallback only). Params per kind:
 * - `plan-adoption` `{ revision }`, `plan-review` `{ submission }`
 * - `introduction-step` `{ track, step, attempt }`, `introduction-verification` `{ personId }`, `higher-opinion` `{}`
 * - `vetting-check` `{ check, personId }`
 * - `appointment-policy` `{ attempt }`, `appointment-step` `{ step }`, `appointment-head-decision` `{ personId }`,
 *   `appointment-ratification` `{ personId }`
 * - `election-candidate-list` `{ seats }`, `election-round` `{ round, seats }`,
 *   `election-next-round` `{ round, seatsLeft }`, `election-ratification` `{}`
 * - `confidence-vote` `{ count }`, `confidence-follow-up` `{ personId, consequence }`
 * - `classification-grading` `{ revision, year }`, `classification-approval` `{ revision, year }`
 * - `cadre-opinion` `{ personId }`
 * - `first-session-list` `{ office, seats, sitting }`, `first-session-round` `{ office, round, seats }`,
 *   `first-session-next-round` `{ office, round, seatsLeft }`, `first-session-ratification` `{ sitting }`
 */
export type StepKindCode =
  | 'plan-adoption'
  | 'plan-review'
  | 'introduction-step'
  | 'introduction-verification'
  | 'higher-opinion'
  | 'vetting-check'
  | 'appointment-policy'
  | 'appointment-step'
  | 'appointment-head-decision'
  | 'appointment-ratification'
  | 'election-candidate-list'
  | 'election-round'
  | 'election-next-round'
  | 'election-ratification'
  | 'confidence-vote'
  | 'confidence-follow-up'
  | 'classification-grading'
  | 'classification-approval'
  | 'cadre-opinion'
  | 'first-session-list'
  | 'first-session-round'
  | 'first-session-next-round'
  | 'first-session-ratification';

/** The values a step kind's translation needs (numbers, codes and person ids, which the web app shows by name). */
export type StepParams = Readonly<Record<string, string | number>>;

/** The registry version a launch pinned, and the hash of the snapshot taken from it. */
export interface RegistryRef {
  readonly version: number;
  readonly hash: string;
}

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
    /** The organisation registry snapshot the launch pinned (absent on procedures launched without one). */
    readonly registry?: RegistryRef;
    /**
     * Which form of the procedure runs where one kind has several (an appointment: `appointment`,
     * `reappointment`, `transfer`, `rotation`, `ratification`); absent where the kind has one form, or on
     * procedures launched before variants were recorded.
     */
    readonly variant?: string;
  }
>;

/** A human step opened a task: who may decide it and by when. */
export type StepOpened = DomainEvent<
  'StepOpened',
  {
    readonly stepId: string;
    /** What the step is, as a code (absent on steps opened before step kinds were recorded). */
    readonly kind?: StepKindCode;
    readonly params?: StepParams;
    /** English description, a developer fallback; clients translate `kind` and `params`. */
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

/**
 * Outcomes with which a procedure ends without its result: a rejected plan, policy or proposal, nobody left, a
 * refused ratification. A composite's stage outcomes are prefixed (`plan-rejected`, `election-ratification-refused`)
 * and its failed stages end `-failed`.
 */
const UNSUCCESSFUL_OUTCOMES = ['rejected', 'ratification-refused', 'no-candidate', 'failed'] as const;

/**
 * Whether a completed procedure reached its result (a congress elected and ratified, a plan consumed, a candidate
 * proposed): progress counts these as done, not every completed procedure.
 *
 * @example procedureSucceeded('elected') // true
 * @example procedureSucceeded('ratification-refused') // false
 */
export function procedureSucceeded(outcome: string | null): boolean {
  if (outcome === null || outcome === '') return false;
  return !UNSUCCESSFUL_OUTCOMES.some((end) => outcome === end || outcome.endsWith(`-${end}`));
}

/** Why a member stands aside on an item: it is about them, about a declared relative, or they declared a conflict. */
export type RecusalGround = 'SELF' | 'RELATIVE' | 'DECLARED_CONFLICT';

/**
 * A member deciding a list step stood aside on the items about themselves, a declared relative or someone they
 * declared a conflict for (rulebook `recusal.listSteps: 'per-item'`); another member decides those items.
 */
export type RecusalRecorded = DomainEvent<
  'RecusalRecorded',
  {
    readonly stepId: string;
    readonly personId: string;
    readonly items: ReadonlyArray<{ readonly subjectId: string; readonly ground: RecusalGround }>;
  }
>;

/** The figures of a secret-ballot meeting (introduction, appointment) or of an election round, without the votes. */
export type MeetingFigures =
  | { readonly summoned: number; readonly present: number; readonly ballots: BallotCounts }
  | { readonly attendance: ElectionAttendance; readonly ballots: BallotCounts };

/**
 * Part of a list step was decided by one member: the items (people) they decided; the step stays open until every
 * item is decided by a member not concerned by it. A tally records the meeting's figures and these items' votes.
 */
export type StepItemsDecided = DomainEvent<
  'StepItemsDecided',
  {
    readonly stepId: string;
    readonly deciderId: string;
    readonly personIds: readonly string[];
    readonly outcome: 'approved' | 'rejected' | 'recorded';
    readonly reason?: string;
    readonly figures?: MeetingFigures;
    readonly votes?: Tallies;
  }
>;

/**
 * At decision time the registry showed a declared relation between the actor and a person the step concerns
 * that the procedure did not know (declared after the launch, or missing from it); the actor was refused.
 */
export type ConflictDetected = DomainEvent<
  'ConflictDetected',
  {
    readonly stepId: string;
    readonly personId: string;
    readonly subjectId: string;
    readonly relation: RelationKind;
    readonly declaredOn: string;
  }
>;

/**
 * The composition of a list was checked against the rulebook's minimums and the plan's targets (`checkpoint`: the
 * plan's adoption or the congress's list approval). `enforcement: 'warn'` records a miss and goes on; `'block'`
 * refuses the step, so a recorded check under `block` has always `ok: true`.
 */
export type CompositionChecked = DomainEvent<'CompositionChecked', CompositionCheckedData>;

/** Events every procedure shares. */
export type CommonEvent =
  | CompositionChecked
  | ProcedureLaunched
  | StepOpened
  | StepClosed
  | DeadlineBreached
  | Escalated
  | ConflictDeclared
  | DossierAccessed
  | ActionProgrammeFiled
  | ProcedureWithdrawn
  | ProcedureCompleted
  | RecusalRecorded
  | StepItemsDecided
  | ConflictDetected;
