import type { PlanContent } from '../tasks/PlanView';

/**
 * A procedure's state as the audit's time travel folds it (libs/domain `*.state.ts`): the fields the state page
 * reads, each optional because the page reads every kind's state through the one shape.
 */
export interface FoldedOpenStep {
  stepId: string;
  role: string;
  bodyId: string;
  dueDate: string;
  subjectIds?: string[];
  escalated?: boolean;
  /** The step's kind and parameters as it was opened (absent on steps opened before step kinds). */
  kind?: string;
  params?: Record<string, unknown>;
}

export interface FoldedCore {
  kind?: string | null;
  bodyId?: string;
  launchedBy?: { personId: string; role: string } | null;
  openSteps?: Record<string, FoldedOpenStep>;
  concerned?: { personId: string; relativeIds: string[] }[];
  conflicts?: { personId: string; subjectId: string }[];
  actionProgrammes?: string[];
  withdrawnReason?: string | null;
}

export interface FoldedState {
  core?: FoldedCore;
  status?: string;
  // personnel plan
  revision?: number;
  submissions?: number;
  plan?: PlanContent | null;
  draftedBy?: string[];
  // election
  seats?: number;
  elected?: string[];
  round?: { round: number; seats: number; candidateIds: string[] } | null;
  // election, appointment (a list); introduction, vetting (a record by person)
  candidates?: string[] | Record<string, unknown>;
  // introduction
  order?: string[];
  current?: { track: string; step: number; attempt: number } | null;
  hold?: { kind: 'verification' | 'higher-opinion'; stepId: string; personId: string | null } | null;
  holds?: number;
  // vetting
  kinds?: string[];
  complaints?: Record<string, { personId: string; resolved: boolean; substantiated: boolean }>;
  // appointment
  /** Its form (`appointment`, `reappointment`, `transfer`, `rotation`, `ratification`); absent before forms. */
  variant?: string;
  step?: number;
  policyAttempts?: number;
  centralManagement?: boolean;
  completionDueDate?: string | null;
  sealed?: string[];
  deadlineBreached?: boolean;
  explanationFiled?: boolean;
  finalResults?: Record<string, { votes: number; base: number }>;
  headReferral?: { personId: string; votes: number; base: number } | null;
}

export interface IntroductionCandidate {
  track: string;
  active: boolean;
}

export interface VettingCandidate {
  status: string;
  concluded: Record<string, string>;
  declarationFiled: boolean;
}

/** Every person and organisation id the state names, for the names to look up. */
export function idsIn(s: FoldedState): string[] {
  const core = s.core ?? {};
  const list = Array.isArray(s.candidates) ? s.candidates : Object.keys(s.candidates ?? {});
  return [
    core.bodyId,
    core.launchedBy?.personId,
    ...Object.values(core.openSteps ?? {}).flatMap((o) => o.subjectIds ?? []),
    ...(core.concerned ?? []).flatMap((c) => [c.personId, ...c.relativeIds]),
    ...(core.conflicts ?? []).flatMap((c) => [c.personId, c.subjectId]),
    ...(core.actionProgrammes ?? []),
    ...(s.plan?.candidateIds ?? []),
    ...(s.draftedBy ?? []),
    ...list,
    ...(s.elected ?? []),
    ...(s.round?.candidateIds ?? []),
    s.hold?.personId,
    ...Object.values(s.complaints ?? {}).map((c) => c.personId),
    ...Object.keys(s.finalResults ?? {}),
    s.headReferral?.personId,
  ].filter((id): id is string => !!id);
}
