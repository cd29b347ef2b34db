import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * Response bodies the app reads. Requests are typed from the OpenAPI document (`schema.d.ts`); the bodies below are
 * those whose responses the document does not declare yet, written to the API's services as they answer today.
 */

export interface Grant {
  role: string;
  bodyId: string;
}

export interface Me {
  userId: string;
  username: string;
  displayName: string;
  personId: string;
  grants: Grant[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TaskView {
  taskId: string;
  procedureId: string;
  rootId: string;
  procedureKind: string | null;
  stepId: string;
  title: string;
  bodyId: string;
  role: string;
  decision: string;
  dueDate: string;
  overdue: boolean;
  escalated: boolean;
  status: string;
  outcome: string | null;
  openedAt: string;
  claimedBy: string | null;
  /** The holder's display name (the API names the holder; absent from older answers). */
  claimedByName?: string | null;
  claimedAt: string | null;
}

export interface ProcedureSummary {
  procedureId: string;
  rootId: string;
  kind: string;
  bodyId: string;
  levelKind: string | null;
  status: string;
  rulebookId: string;
  launchedBy: string;
  launchedAt: string;
  endedAt: string | null;
  outcome: string | null;
}

export interface ActorRef {
  actorId: string;
  role: string;
  bodyId: string;
}

export interface ConcernedPerson {
  personId: string;
  relativeIds: string[];
}

export interface OpenStep {
  procedureId: string;
  stepId: string;
  title: string;
  bodyId: string;
  role: string;
  dueDate: string;
  decision: string;
  concerned: ConcernedPerson[];
  launchedBy: string | null;
  proposedBy: string[];
  reminded: boolean;
  escalated: boolean;
}

export interface StageView {
  stage: string;
  procedureId: string;
  state: string;
}

export interface RecordedEventRef {
  streamId?: string;
  position: number;
  hash: string;
  type?: string;
}

export interface ProcedureState {
  procedureId: string;
  kind: string;
  bodyId: string;
  rulebookId: string;
  launchedBy: ActorRef | null;
  run: string;
  status: string;
  streamVersion: number;
  openSteps: OpenStep[];
  withdrawnReason: string | null;
  lastEvent: RecordedEventRef | null;
  detail: unknown;
  stages?: StageView[];
}

export interface ProcedureView {
  summary: ProcedureSummary;
  state: ProcedureState | null;
}

export interface LaunchResult {
  procedureId: string;
  created: boolean;
  state: ProcedureState;
}

export interface LevelProgress {
  levelKind: string;
  organisations: number;
  done: number;
  running: number;
  percentDone: string;
}

export interface TrailEvent {
  position: number;
  streamId: string;
  streamVersion: number;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
  prevHash: string;
}

export interface VerificationProblem {
  kind: string;
  message: string;
  streamId?: string;
  streamVersion?: number;
  position?: number;
}

export interface AuditTrail {
  procedureId: string;
  streamIds: string[];
  verification: { ok: boolean; eventsChecked: number; problems: VerificationProblem[] };
  events: TrailEvent[];
}

export interface LogVerification {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  checkpointsChecked: number;
  lastCheckpointPosition: number;
  problems: VerificationProblem[];
}

export interface Dossier {
  classification: string;
  person: { id: string; fullName: string; birthDate?: string; gender?: string };
  memberships: { bodyId: string; from?: string; to?: string | null; postId?: string }[];
  currentBodies: string[];
  declaredRelatives: { personId: string; kind: string }[];
}

/** Registry (`/registry/...`): the OpenAPI document's types. */
export type OrganisationView = Schemas['OrganisationViewDto'];
export type OrganisationDetail = Schemas['OrganisationDetailDto'];
export type PostHeld = Schemas['PersonPostDto'];
export type PersonSummary = Schemas['PersonSummaryDto'];
export type PersonDetail = Schemas['PersonDetailDto'];
export type ImportError = Schemas['ImportErrorDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
