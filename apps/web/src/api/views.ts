import type { components } from './schema';

type Schemas = components['schemas'];

/** Response bodies the app reads, by the OpenAPI document's types. */

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

/** Audit (`/procedures/:id/audit`, `/audit/verify`): the trail, the state at an event, the log's verification. */
export type TrailEvent = Schemas['AuditEventDto'];
export type VerificationProblem = Schemas['VerificationProblemDto'];
export type AuditTrail = Schemas['AuditTrailDto'];
export type DossierAccessPage = Schemas['DossierAccessPageDto'];
export type DossierAccessEntry = Schemas['DossierAccessEntryDto'];
export type AuditState = Schemas['AuditStateDto'];
export type LogVerification = Schemas['LogVerificationDto'];

/** Registry (`/registry/...`): the OpenAPI document's types. */
export type OrganisationView = Schemas['OrganisationViewDto'];
export type OrganisationDetail = Schemas['OrganisationDetailDto'];
export type PostHeld = Schemas['PersonPostDto'];
export type PersonSummary = Schemas['PersonSummaryDto'];
export type PersonDetail = Schemas['PersonDetailDto'];
export type ImportError = Schemas['ImportErrorDto'];
export type ImportPreview = Schemas['ImportPreviewDto'];
