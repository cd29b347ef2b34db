/**
 * The message contract of the procedure workflows: workflow type names, launch inputs, Updates, Queries and
 * Signals. Import-safe in Node (types and `define*` calls only), so the HTTP API — a Temporal client — builds
 * against this file alone.
 *
 * Conventions:
 * - procedure id = workflow id = event stream id.
 * - Every decision is an Update; the Update returns the events it recorded (position, hash) once they are durable.
 * - Input that is no command of the procedure (malformed, or a command it never takes) is rejected by the Update's
 *   validator (nothing is recorded, nothing enters history). A move the decider refuses is accepted by the validator
 *   and refused by the handler after it has read whether the log holds events the workflow has not folded (after a
 *   lost Update: see `CATCH_UP_PATCH`); nothing is recorded in the log, the refused Update is in the history.
 *
 * How a rejection reaches the client: the validator or the handler throws
 * `ApplicationFailure.create({ type: <DomainErrorCode>, message, nonRetryable: true, details: [DomainErrorDetails] })`.
 * `handle.executeUpdate(decideUpdate, { args: [input] })` then rejects with a `WorkflowUpdateFailedError` whose
 * `cause` is an `ApplicationFailure` with `type` equal to the domain code (`VALIDATION`, `NOT_ALLOWED`, `RECUSED`,
 * `ILLEGAL_TRANSITION`, `CONFLICT`, `NOT_FOUND`), `message` the domain message, and `details[0]` a
 * {@link DomainErrorDetails}. Use {@link domainFailureOf} to read it. Malformed input (a missing field, a command the
 * procedure does not take) is rejected the same way with `VALIDATION`. An Update that arrives before the launch is
 * recorded is accepted, queued behind the launch and then decided: a refusal then fails the Update (same error
 * shape) after it entered history. A launch the domain refuses fails the workflow itself: `WorkflowFailedError`
 * whose `cause` is the same `ApplicationFailure`.
 *
 * @example
 * const handle = client.workflow.getHandle(procedureId);
 * try {
 *   const refs = await handle.executeUpdate(decideUpdate, {
 *     args: [{ stepId: 'adoption-1', actor, decision: { kind: 'approve' } }],
 *   });
 * } catch (error) {
 *   const failure = domainFailureOf(error); // { code: 'RECUSED', errorCode: 'RECUSED_RELATIVE', params, message, details } or null
 * }
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AddFloorCandidate,
  ConsumePlan,
  Classification,
  ConcernedPerson,
  DeclareConflict,
  DiscloseResult,
  DomainErrorCode,
  DraftPlan,
  ErrorParam,
  DropCandidate,
  ElectionAttendance,
  EscalateDisagreement,
  FileActionProgramme,
  FileAssetDeclaration,
  FileLateExplanation,
  IsoDate,
  LaunchAppointment,
  LaunchElection,
  LaunchIntroduction,
  MeetingTally,
  OrganisationModel,
  PersonnelPlanContent,
  RegistryRef,
  StepItemsDecided,
  StepKindCode,
  StepParams,
  RaiseNewIssue,
  ReceiveComplaint,
  RecordDossierAccess,
  RequestVetting,
  ResolveComplaint,
  RevisePlan,
  RoleKind,
  StepDecisionKind,
  SubmitPlan,
  BallotCounts,
  ClassificationGrade,
  ConfidenceRatings,
  LaunchClassification,
  LaunchConfidenceVote,
  LaunchFirstSession,
  ReceiveOpinionRequest,
  Tallies,
  VerifyAssetDeclaration,
  WithdrawCandidacy,
} from '@cadreflow/domain';
import type { RecordedEventRef } from './activities';

export type { RecordedEventRef };

/** Workflow type names, one per procedure (domain.md §3) plus the composite congress procedure. */
export const workflowTypes = {
  'personnel-plan': 'personnelPlanWorkflow',
  introduction: 'introductionWorkflow',
  appointment: 'appointmentWorkflow',
  vetting: 'vettingWorkflow',
  election: 'electionWorkflow',
  'confidence-vote': 'confidenceVoteWorkflow',
  classification: 'classificationWorkflow',
  'cadre-opinion': 'cadreOpinionWorkflow',
  'first-session': 'firstSessionWorkflow',
  'congress-personnel': 'congressPersonnelWorkflow',
} as const;

/** What a workflow runs: one of the five procedures, or the composite congress-personnel procedure. */
export type WorkflowKind = keyof typeof workflowTypes;

/** The single-procedure kinds (each backed by one domain decider). */
export type SingleProcedureKind = Exclude<WorkflowKind, 'congress-personnel'>;

/** Who acts, in which role and for which body at that moment (recorded on every event). */
export interface ActorRef {
  readonly actorId: string;
  readonly role: RoleKind;
  readonly bodyId: string;
}

/** Fields every launch carries. */
export interface LaunchCommon {
  /** = workflow id = event stream id. */
  readonly procedureId: string;
  /** The party organisation (or unit) the procedure is for. */
  readonly bodyId: string;
  readonly launchedBy: ActorRef;
  /**
   * The day the procedure counts as launched; the domain picks the rulebook in force on that day (and due dates
   * count from it). Defaults to the workflow clock at start.
   */
  readonly launchDate?: string;
  /**
   * Set by the composite congress procedure on its children: an approved personnel plan is then consumed by
   * this procedure at once, so the stage completes.
   */
  readonly parentProcedureId?: string;
  /**
   * Set by the composite congress procedure on its children: the rulebook the composite was launched under, so
   * every stage runs under it whenever the stage starts (else a stage picks the rulebook in force at its launch).
   */
  readonly rulebookId?: string;
  /**
   * The organisation snapshot the launch pinned from the registry (`RegistryStore.snapshot`). When given, the
   * people concerned get their relatives declared in it (added to those the launch data names), vetting computes
   * the QĐ 205/114 linked-post conflicts from it, and `ProcedureLaunched` records `registry: { version, hash }`.
   * Decisions then also ask the registry, through an activity, for relatives declared after the launch.
   * Required for `congress-personnel` and `vetting`.
   */
  readonly registry?: RegistrySnapshot;
}

/** What a launch pins from the organisation registry: its version, the snapshot's hash, and the snapshot. */
export interface RegistrySnapshot extends RegistryRef {
  readonly model: OrganisationModel;
}

type Without<T, K extends keyof T> = Omit<T, K>;

/**
 * Launch command fields the workflow sets itself: the procedure id (the workflow id), the rulebook (from
 * `rulebookId` on a composite's stage) and, for an election, the checks it enforces.
 */
type LaunchOnly = 'procedureId' | 'rulebookId';

/** Launch A: the first draft of the personnel plan. */
export interface PersonnelPlanLaunch extends LaunchCommon {
  readonly kind: 'personnel-plan';
  readonly data: Without<DraftPlan['data'], LaunchOnly>;
}
/** Launch B: both tracks of the five-step introduction. */
export interface IntroductionLaunch extends LaunchCommon {
  readonly kind: 'introduction';
  readonly data: Without<LaunchIntroduction['data'], LaunchOnly>;
}
/** Launch C: an appointment to one post; step 0 asks for the policy approval. */
export interface AppointmentLaunch extends LaunchCommon {
  readonly kind: 'appointment';
  readonly data: Without<LaunchAppointment['data'], LaunchOnly | 'recordsTies'>;
}
/** Launch D: every configured check per candidate, in parallel. */
export interface VettingLaunch extends LaunchCommon {
  readonly kind: 'vetting';
  readonly registry: RegistrySnapshot;
  readonly data: Without<RequestVetting['data'], LaunchOnly>;
}
/** Launch F: the congress election. */
export interface ElectionLaunch extends LaunchCommon {
  readonly kind: 'election';
  readonly data: Without<LaunchElection['data'], LaunchOnly | 'checks'>;
}

/** Launch a confidence vote (lấy phiếu tín nhiệm) on these people by the voting body. */
export interface ConfidenceVoteLaunch extends LaunchCommon {
  readonly kind: 'confidence-vote';
  readonly data: Without<LaunchConfidenceVote['data'], LaunchOnly>;
}
/** Launch the annual review and classification (đánh giá, xếp loại) of these people for a year. */
export interface ClassificationLaunch extends LaunchCommon {
  readonly kind: 'classification';
  readonly data: Without<LaunchClassification['data'], LaunchOnly>;
}

/** Record a higher or central agency's request for the organisation's opinion on cadres. */
export interface CadreOpinionLaunch extends LaunchCommon {
  readonly kind: 'cadre-opinion';
  readonly data: Without<ReceiveOpinionRequest['data'], LaunchOnly>;
}

/**
 * Launch the first session of a newly elected executive committee (phiên họp thứ nhất của Ban Chấp hành khóa mới):
 * it elects its standing committee, secretary, deputy secretaries, inspection committee and its chair from among
 * `members`; the higher committee ratifies. `firstSessionLaunch` builds it from the congress's elected members.
 */
export interface FirstSessionLaunch extends LaunchCommon {
  readonly kind: 'first-session';
  readonly data: Without<LaunchFirstSession['data'], LaunchOnly>;
}

/** Input of a single-procedure workflow (`args: [input]`). */
export type ProcedureLaunch =
  | PersonnelPlanLaunch
  | IntroductionLaunch
  | AppointmentLaunch
  | VettingLaunch
  | ElectionLaunch
  | ConfidenceVoteLaunch
  | ClassificationLaunch
  | CadreOpinionLaunch
  | FirstSessionLaunch;

/**
 * Input of `congressPersonnelWorkflow`: plan → introduction → vetting → consultation with the higher level
 * (the Politburo for a provincial body) → election, for one party organisation (`bodyId`). Each stage runs as a
 * child workflow with id `<procedureId>/<stage>` on its own stream: the consultation is a personnel-plan procedure
 * (`<procedureId>/consultation`) putting the vetted list to the consulted body (adopt, submit, approve or return).
 * The composite records nothing on a stream of its own; `stateQuery` lists the stages and their child ids.
 */
export interface CongressPersonnelLaunch extends LaunchCommon {
  readonly kind: 'congress-personnel';
  /** The personnel plan to draft (seats, candidate list with its surplus, standards). */
  readonly plan: PersonnelPlanContent;
  readonly congressDate: IsoDate;
  /** The registry snapshot the stages read bodies, people and relatives from; each stage records its ref. */
  readonly registry: RegistrySnapshot;
  /**
   * Delegates to the higher congress, elected at this congress after its executive committee (stage `delegates`).
   * Absent (or with no official seats) for a congress that elects none: the stage is then left out.
   */
  readonly delegates?: CongressDelegates;
  /**
   * The first session of the newly elected executive committee, held as the last stage (`first-session`): its
   * standing committee and deputy secretaries take the (approved) plan's seats, its inspection committee these.
   * Absent: the congress ends with its elections.
   */
  readonly firstSession?: CongressFirstSession;
}

/** The first session of the new committee within the congress procedure: what the plan does not say. */
export interface CongressFirstSession {
  /** Members of the inspection committee (Ủy ban Kiểm tra) the new committee elects. */
  readonly inspectionCommitteeSeats: number;
  /** The day the committee sits; the congress day when absent. */
  readonly sessionDate?: IsoDate;
}

/**
 * The election of delegates to the higher congress at the congress: `seats` official and `alternateSeats` alternate
 * delegates on one list (`candidateIds`, counted against both with the surplus rule), one ballot.
 */
export interface CongressDelegates {
  readonly seats: number;
  readonly alternateSeats: number;
  readonly candidateIds: readonly string[];
}

/** Any workflow input. */
export type WorkflowLaunch = ProcedureLaunch | CongressPersonnelLaunch;

/** A step decision: the domain's approval decisions plus the recorded results of secret-ballot meetings. */
export type StepDecisionInput =
  | { readonly kind: 'approve'; readonly note?: string }
  | { readonly kind: 'reject'; readonly reason: string }
  | { readonly kind: 'return'; readonly reason: string }
  /** B and C, steps 2–5: a meeting's result; in C give each nominee's declared relatives at step 2. */
  | {
      readonly kind: 'tally';
      readonly tally: MeetingTally;
      readonly relatives?: Readonly<Record<string, readonly string[]>>;
    }
  /** F, step `round-<n>`: a round's count by the counting board. */
  | {
      readonly kind: 'round-tally';
      readonly attendance: ElectionAttendance;
      readonly ballots: BallotCounts;
      readonly tallies: Tallies;
    }
  /** F, step `decision-<n>`: seats remain; the congress decides whether to vote again, and on whom. */
  | { readonly kind: 'next-round'; readonly proceed: boolean; readonly candidateIds: readonly string[] }
  /** Confidence vote, step `vote`: attendance and the ballots by level on each person. */
  | {
      readonly kind: 'confidence-tally';
      readonly summoned: number;
      readonly present: number;
      readonly ratings: Readonly<Record<string, ConfidenceRatings>>;
    }
  /** Classification, step `grading-<n>`: a grade for every person. */
  | { readonly kind: 'classification'; readonly grades: Readonly<Record<string, ClassificationGrade>> }
  /** First session of a new executive committee, step `list-<n>`: the candidates proposed for the office. */
  | { readonly kind: 'nomination'; readonly candidateIds: readonly string[] };

/** Input of {@link decideUpdate}. */
export interface DecideInput {
  readonly stepId: string;
  readonly actor: ActorRef;
  readonly decision: StepDecisionInput;
}

type CommandShape<C extends { type: string; data: unknown }> = C extends unknown
  ? { readonly type: C['type']; readonly data: C['data'] }
  : never;

/**
 * The other commands a procedure accepts (not a step decision): revise/submit a plan, drop a candidate, raise a
 * new issue, file and verify declarations, complaints, floor candidates, action programmes, conflicts, dossier
 * reads… The decider of the procedure's kind validates them; one it does not know is rejected with `VALIDATION`.
 */
export type ProcedureCommandInput = CommandShape<
  | RevisePlan
  | SubmitPlan
  | DropCandidate
  | RaiseNewIssue
  | EscalateDisagreement
  | WithdrawCandidacy
  | DiscloseResult
  | FileLateExplanation
  | FileAssetDeclaration
  | VerifyAssetDeclaration
  | ReceiveComplaint
  | ResolveComplaint
  | AddFloorCandidate
  | DeclareConflict
  | RecordDossierAccess
  | FileActionProgramme
  | ConsumePlan
>;

/** The command types {@link commandUpdate} takes; any other is rejected with `VALIDATION`. */
export const procedureCommandTypes: ReadonlyArray<ProcedureCommandInput['type']> = [
  'RevisePlan',
  'SubmitPlan',
  'ConsumePlan',
  'DropCandidate',
  'RaiseNewIssue',
  'EscalateDisagreement',
  'WithdrawCandidacy',
  'DiscloseResult',
  'FileLateExplanation',
  'FileAssetDeclaration',
  'VerifyAssetDeclaration',
  'ReceiveComplaint',
  'ResolveComplaint',
  'AddFloorCandidate',
  'DeclareConflict',
  'RecordDossierAccess',
  'FileActionProgramme',
];

/** Input of {@link commandUpdate}. */
export interface CommandInput {
  readonly actor: ActorRef;
  readonly command: ProcedureCommandInput;
}

/** Input of {@link withdrawUpdate}: only the role and body that launched the procedure may withdraw it. */
export interface WithdrawInput {
  readonly actor: ActorRef;
  readonly reason: string;
}

/** Input of {@link higherOpinionSignal}: the higher level's opinion on an open opinion/approval step. */
export interface HigherOpinionInput {
  readonly stepId: string;
  readonly actor: ActorRef;
  /** `true`: favourable (the step is approved with the opinion as note); `false`: returned with it as reason. */
  readonly favourable: boolean;
  readonly opinion: string;
}

/** An open step, as a task queue shows it. */
export interface OpenStepView {
  /** The workflow (= procedure, = stream) to send the decision to; a child's id inside a composite. */
  readonly procedureId: string;
  readonly stepId: string;
  /** What the step is, as a code; translate it with {@link params}. Absent on steps opened before codes. */
  readonly stepKind: StepKindCode | null;
  readonly params: StepParams;
  /** English description; a developer fallback only. */
  readonly title: string;
  readonly bodyId: string;
  /** The role allowed to decide. */
  readonly role: RoleKind;
  readonly dueDate: IsoDate;
  readonly decision: StepDecisionKind;
  /** People the step concerns, with their declared relatives (for recusal). */
  readonly concerned: readonly ConcernedPerson[];
  /** Who launched the procedure and who proposed what is decided (four-eyes: they may not decide). */
  readonly launchedBy: string | null;
  readonly proposedBy: readonly string[];
  /** The deciding body was reminded (from the start of the due day, in the rulebook's zone). */
  readonly reminded: boolean;
  /** The step went past its due date: `DeadlineBreached` and `Escalated` were recorded. */
  readonly escalated: boolean;
  /**
   * A list step decided item by item (per-item recusal): the people already decided, by whom and how (with the
   * votes for a tally). The people not in it are still to be decided, by a member not concerned by them.
   */
  readonly decidedItems: ReadonlyArray<{
    readonly personId: string;
    readonly by: string;
    readonly outcome: StepItemsDecided['data']['outcome'];
    readonly votes?: number;
  }>;
}

/** A person elected, with the votes and the base of the round that elected them. */
export interface ElectedView {
  readonly personId: string;
  readonly round: number;
  readonly votes: number;
  readonly base: number;
  /** votes / base, in percent, two decimals (e.g. 85.71). */
  readonly sharePercent: number;
}

/** Where a procedure is. */
export type ProcedureRunStatus = 'running' | 'completed' | 'withdrawn';

/** Current state, as {@link stateQuery} returns it. */
export interface ProcedureStateView {
  readonly procedureId: string;
  readonly kind: WorkflowKind;
  readonly bodyId: string;
  readonly rulebookId: string;
  readonly launchedBy: ActorRef | null;
  readonly run: ProcedureRunStatus;
  /** The decider's own status (e.g. `SUBMITTED`, `ROUND`), or the composite's current stage. */
  readonly status: string;
  /** Events recorded on this workflow's own stream so far. */
  readonly streamVersion: number;
  readonly openSteps: readonly OpenStepView[];
  readonly withdrawnReason: string | null;
  /** The last recorded event of this stream, if any. */
  readonly lastEvent: RecordedEventRef | null;
  /** The decider's full state (JSON), for detail views. */
  readonly detail: unknown;
  /** Composite only: its stages and their child procedures. */
  readonly stages?: readonly StageView[];
  /** Composite only: the running stage's open steps (at most {@link STAGE_STEPS_SHOWN}), as its child reported them. */
  readonly stageOpenSteps?: readonly OpenStepSummary[];
  /** Composite only: how many steps the running stage has open. */
  readonly stageOpenStepCount?: number;
  /** Election (and a composite once its election stage has results): who was elected, with votes and share. */
  readonly elected?: readonly ElectedView[];
  /** Composite, once its delegates stage has ended: the official and alternate delegates, with their votes. */
  readonly delegates?: DelegatesView;
}

/** The delegates to the higher congress a congress elected: official first, then alternates, each with votes. */
export interface DelegatesView {
  readonly official: readonly ElectedView[];
  readonly alternates: readonly ElectedView[];
}

/** How many of a stage's open steps the composite keeps in its view. */
export const STAGE_STEPS_SHOWN = 10;

/** An open step of a composite's running stage: what it is and who must act. */
export type OpenStepSummary = Pick<
  OpenStepView,
  'procedureId' | 'stepId' | 'stepKind' | 'params' | 'title' | 'bodyId' | 'role' | 'dueDate' | 'decision'
>;

/** Input of {@link stageStepsSignal}: a child's open steps, sent to its composite when they change. */
export interface StageStepsInput {
  readonly procedureId: string;
  readonly openStepCount: number;
  readonly openSteps: readonly OpenStepSummary[];
  readonly elected?: readonly ElectedView[];
}

/** A stage of the composite congress-personnel procedure. */
export interface StageView {
  readonly stage: 'plan' | 'introduction' | 'vetting' | 'consultation' | 'election' | 'delegates' | 'first-session';
  /** The child workflow id (or the composite's own id for the consultation). */
  readonly procedureId: string;
  readonly state: 'pending' | 'running' | 'done' | 'failed';
  /** A failed stage: why, as a stable code the web app translates with its parameters. */
  readonly failure?: StageFailure;
}

/**
 * Why a stage failed: a domain refusal of its launch carries its own code (e.g. a list without a surplus); any other
 * failure of the stage's workflow is `STAGE_FAILED`.
 */
export interface StageFailure {
  readonly code: string;
  readonly params: Readonly<Record<string, ErrorParam>>;
}

/** Structured details of a domain rejection, in `ApplicationFailure.details[0]`. */
export interface DomainErrorDetails {
  readonly code: DomainErrorCode;
  /** The stable code of this refusal (e.g. `RECUSED_RELATIVE`); see the engine's contract for the full list. */
  readonly errorCode: string;
  /** The values the translation of `errorCode` needs. */
  readonly params: Readonly<Record<string, ErrorParam>>;
  /** The domain error class name, e.g. `RecusedError`. */
  readonly name: string;
  /** The error's readonly context (actor, status, subject…). */
  readonly context: Readonly<Record<string, unknown>>;
}

/** Decide an open step. Returns the recorded events once durable. */
export const decideUpdate = defineUpdate<RecordedEventRef[], [DecideInput]>('decide');

/** Any other command of the procedure (see {@link ProcedureCommandInput}). Returns the recorded events. */
export const commandUpdate = defineUpdate<RecordedEventRef[], [CommandInput]>('command');

/** Withdraw the procedure, recording why. The workflow then completes. Returns the recorded events. */
export const withdrawUpdate = defineUpdate<RecordedEventRef[], [WithdrawInput]>('withdraw');

/** The current state, including open steps. */
export const stateQuery = defineQuery<ProcedureStateView>('state');

/**
 * An outside input: the higher level's opinion (e.g. the Politburo on a provincial consultation, or a higher
 * committee asked after a disagreement). Signals cannot answer: an opinion the domain refuses is logged and
 * dropped; prefer {@link decideUpdate} when the caller needs the result.
 */
export const higherOpinionSignal = defineSignal<[HigherOpinionInput]>('higherOpinion');

/**
 * Sent by the composite congress procedure to its running child when the composite is withdrawn (its own
 * `withdrawUpdate` validated the request first). Not for API use.
 */
export const withdrawRequestSignal = defineSignal<[WithdrawInput]>('withdrawRequest');

/**
 * Asks a procedure to read whether its stream holds events it has not folded, and fold them: the API sends it when
 * it answers a retried request from the log (the Update that recorded those events may have been lost by the
 * Temporal server), so the workflow is in step at once rather than at its next command. Costs one read of the log.
 */
export const catchUpSignal = defineSignal('catchUp');

/** Sent by a child stage to its composite when its open steps change (so the composite can show them). Not for API use. */
export const stageStepsSignal = defineSignal<[StageStepsInput]>('stageSteps');

/** What a workflow returns when it ends. */
export interface ProcedureResult {
  readonly procedureId: string;
  readonly kind: WorkflowKind;
  readonly run: Exclude<ProcedureRunStatus, 'running'>;
  /** The domain's outcome (`ProcedureCompleted.outcome`, e.g. `elected`, `consumed`), or null when withdrawn. */
  readonly outcome: string | null;
  /** The people the outcome names (introduced, cleared, elected…). */
  readonly personIds: readonly string[];
  readonly streamVersion: number;
  /** The events recorded by the last append (the completion or the withdrawal). */
  readonly closingEvents: readonly RecordedEventRef[];
  /** The decider's final state (JSON). */
  readonly detail: unknown;
  /** Composite only: the results of its stages, in order. */
  readonly stages?: readonly ProcedureResult[];
}

/** A domain rejection as read from a client-side error, or null if the error is something else. */
export interface DomainFailure {
  readonly code: DomainErrorCode;
  /** The stable code of this refusal, `code` when the failure carries none. */
  readonly errorCode: string;
  readonly params: Readonly<Record<string, ErrorParam>>;
  readonly message: string;
  readonly details: DomainErrorDetails | null;
}

const DOMAIN_CODES: ReadonlySet<string> = new Set([
  'VALIDATION',
  'NOT_ALLOWED',
  'RECUSED',
  'ILLEGAL_TRANSITION',
  'CONFLICT',
  'NOT_FOUND',
]);

/**
 * Reads the domain rejection carried by an Update failure (`WorkflowUpdateFailedError` → `cause`:
 * `ApplicationFailure{ type: code }`), without importing the client: walks `cause` links.
 *
 * @example
 * catch (e) { const f = domainFailureOf(e); if (f?.code === 'RECUSED') return reply(403, f.message); throw e; }
 */
export function domainFailureOf(error: unknown): DomainFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const candidate = current as Error & { type?: unknown; details?: unknown; cause?: unknown };
    if (typeof candidate.type === 'string' && DOMAIN_CODES.has(candidate.type)) {
      const details = Array.isArray(candidate.details)
        ? (candidate.details[0] as DomainErrorDetails | undefined)
        : null;
      return {
        code: candidate.type as DomainErrorCode,
        errorCode: details?.errorCode ?? candidate.type,
        params: details?.params ?? {},
        message: candidate.message,
        details: details ?? null,
      };
    }
    current = candidate.cause;
  }
  return null;
}

/** A dossier classification, re-exported for callers of `RecordDossierAccess`. */
export type { Classification };
