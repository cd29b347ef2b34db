import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * Response bodies the app reads: the OpenAPI document's types, and the audit routes' bodies (not described by the
 * document yet) written to the API's services as they answer today.
 */

export type Grant = Schemas['GrantViewDto'];
export type Me = Schemas['MeDto'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type TaskView = Schemas['TaskDto'];
export type ProcedureSummary = Schemas['ProcedureSummaryDto'];
export type ActorRef = Schemas['ActorViewDto'];
export type ConcernedPerson = Schemas['ConcernedPersonDto'];
export type OpenStep = Schemas['OpenStepDto'];
export type StageStep = Schemas['StageStepDto'];
export type StageView = Schemas['StageDto'];
export type RecordedEventRef = Schemas['RecordedEventRefDto'];
export type ProcedureState = Schemas['ProcedureStateDto'];
export type ProcedureView = Schemas['ProcedureDetailDto'];
export type LaunchResult = Schemas['LaunchResultDto'];
export type LevelProgress = Schemas['LevelProgressDto'];
export type Dossier = Schemas['DossierDto'];

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

/** Registry (`/registry/...`): the OpenAPI document's types. */
export type OrganisationView = Schemas['OrganisationViewDto'];
export type OrganisationDetail = Schemas['OrganisationDetailDto'];
export type PostHeld = Schemas['PersonPostDto'];
export type PersonSummary = Schemas['PersonSummaryDto'];
export type PersonDetail = Schemas['PersonDetailDto'];
export type ImportError = Schemas['ImportErrorDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
