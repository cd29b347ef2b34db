import type {
  ActorRef,
  OpenStepSummary,
  OpenStepView,
  ProcedureStateView,
  StageView,
} from '@cadreflow/workflows/messages';
import type { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { Names } from '../organisation/names';
import type {
  CandidateViewDto,
  ElectionViewDto,
  OpenStepDto,
  StageStepDto,
  PlanViewDto,
  ProcedureStateDto,
} from './procedure-views.dto';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const numbers = (value: Json): Record<string, number> =>
  Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** What the decider's state says about the plan, the candidates and the election, read defensively. */
interface Content {
  plan?: {
    seats: [number, number, number];
    candidateIds: string[];
    standards: string[];
    targets?: Record<string, number>;
    revision?: number;
  };
  candidates?: { personId: string; track?: string; status: string }[];
  election?: { seats: number; round: number | null; elected: string[]; candidates: string[] };
}

function contentOf(detail: unknown): Content {
  if (!isObject(detail)) return {};
  const content: Content = {};
  const plan = detail.plan;
  if (isObject(plan)) {
    content.plan = {
      seats: [
        Number(plan.executiveCommitteeSeats),
        Number(plan.standingCommitteeSeats),
        Number(plan.deputySecretaries),
      ],
      candidateIds: strings(plan.candidateIds),
      standards: strings(plan.standards),
      ...(isObject(plan.targets) ? { targets: numbers(plan.targets) } : {}),
      ...(typeof detail.revision === 'number' ? { revision: detail.revision } : {}),
    };
  }
  const candidates = detail.candidates;
  if (Array.isArray(candidates) && typeof detail.seats === 'number') {
    const round = isObject(detail.round) && typeof detail.round.round === 'number' ? detail.round.round : null;
    content.election = {
      seats: detail.seats,
      round,
      elected: strings(detail.elected),
      candidates: strings(candidates),
    };
    const elected = new Set(content.election.elected);
    content.candidates = content.election.candidates.map((personId) => ({
      personId,
      status: elected.has(personId) ? 'elected' : 'candidate',
    }));
  } else if (isObject(candidates)) {
    const order = strings(detail.order);
    content.candidates = (order.length > 0 ? order : Object.keys(candidates)).map((personId) => {
      const entry = isObject(candidates[personId]) ? candidates[personId] : {};
      if (typeof entry.track === 'string') {
        return { personId, track: entry.track, status: entry.active === false ? 'dropped' : 'active' };
      }
      return { personId, status: typeof entry.status === 'string' ? entry.status.toLowerCase() : 'pending' };
    });
  }
  return content;
}

/** Every id a state names, so that one lookup finds all the names. */
function idsOf(state: ProcedureStateView, content: Content): string[] {
  const ids = [state.bodyId];
  if (state.launchedBy) ids.push(state.launchedBy.actorId, state.launchedBy.bodyId);
  for (const step of state.openSteps) {
    ids.push(step.bodyId, ...step.proposedBy, ...(step.launchedBy ? [step.launchedBy] : []));
    for (const c of step.concerned) ids.push(c.personId, ...c.relativeIds);
    for (const d of step.decidedItems) ids.push(d.personId, d.by);
    ids.push(...stepPersonParams(step.params));
  }
  for (const step of state.stageOpenSteps ?? []) ids.push(step.bodyId, ...stepPersonParams(step.params));
  ids.push(...(state.elected ?? []).map((e) => e.personId));
  if (state.delegates) ids.push(...[...state.delegates.official, ...state.delegates.alternates].map((e) => e.personId));
  ids.push(...(content.plan?.candidateIds ?? []), ...(content.candidates ?? []).map((c) => c.personId));
  return ids;
}

/** Person ids among a step's params (the web shows them by name). */
export function stepPersonParams(params: Readonly<Record<string, unknown>> | null | undefined): string[] {
  return Object.values(params ?? {}).filter((v): v is string => typeof v === 'string' && v.startsWith('person/'));
}

function stageStep(names: Names, step: OpenStepSummary): StageStepDto {
  return {
    procedureId: step.procedureId,
    stepId: step.stepId,
    stepKind: step.stepKind,
    stepParams: { ...step.params },
    stepPeople: stepPersonParams(step.params).map((personId) => ({ personId, personName: names.of(personId) })),
    title: step.title,
    bodyId: step.bodyId,
    bodyName: names.of(step.bodyId),
    role: step.role,
    dueDate: step.dueDate,
    decision: step.decision,
  };
}

function actor(names: Names, ref: ActorRef): ProcedureStateDto['launchedBy'] {
  return {
    actorId: ref.actorId,
    actorName: names.of(ref.actorId),
    role: ref.role,
    bodyId: ref.bodyId,
    bodyName: names.of(ref.bodyId),
  };
}

function openStep(names: Names, step: OpenStepView): OpenStepDto {
  return {
    procedureId: step.procedureId,
    stepId: step.stepId,
    stepKind: step.stepKind,
    stepParams: { ...step.params },
    stepPeople: stepPersonParams(step.params).map((personId) => ({ personId, personName: names.of(personId) })),
    decidedItems: step.decidedItems.map((d) => ({
      personId: d.personId,
      personName: names.of(d.personId),
      by: d.by,
      byName: names.of(d.by),
      outcome: d.outcome,
      ...(d.votes === undefined ? {} : { votes: d.votes }),
    })),
    title: step.title,
    bodyId: step.bodyId,
    bodyName: names.of(step.bodyId),
    role: step.role,
    dueDate: step.dueDate,
    decision: step.decision,
    concerned: step.concerned.map((c) => ({
      personId: c.personId,
      personName: names.of(c.personId),
      relatives: c.relativeIds.map((id) => ({ id, name: names.of(id) })),
    })),
    launchedBy: step.launchedBy ? { personId: step.launchedBy, personName: names.of(step.launchedBy) } : null,
    proposedBy: step.proposedBy.map((personId) => ({ personId, personName: names.of(personId) })),
    reminded: step.reminded,
    escalated: step.escalated,
  };
}

/** A workflow's state as the API answers it: typed, with names, without the decider's raw state. */
export async function procedureStateView(
  directory: OrganisationDirectory,
  state: ProcedureStateView,
): Promise<ProcedureStateDto> {
  const content = contentOf(state.detail);
  const names = new Names(await directory.names(idsOf(state, content)));
  const person = (personId: string): { personId: string; personName: string } => ({
    personId,
    personName: names.of(personId),
  });
  const plan: PlanViewDto | undefined = content.plan && {
    executiveCommitteeSeats: content.plan.seats[0],
    standingCommitteeSeats: content.plan.seats[1],
    deputySecretaries: content.plan.seats[2],
    candidates: content.plan.candidateIds.map(person),
    standards: content.plan.standards,
    ...(content.plan.targets ? { targets: content.plan.targets } : {}),
    ...(content.plan.revision === undefined ? {} : { revision: content.plan.revision }),
  };
  const candidates: CandidateViewDto[] | undefined = content.candidates?.map((c) => ({ ...person(c.personId), ...c }));
  const election: ElectionViewDto | undefined = content.election && {
    seats: content.election.seats,
    round: content.election.round,
    elected: content.election.elected.map(person),
  };
  return {
    procedureId: state.procedureId,
    kind: state.kind,
    bodyId: state.bodyId,
    bodyName: names.of(state.bodyId),
    rulebookId: state.rulebookId,
    launchedBy: state.launchedBy ? actor(names, state.launchedBy) : null,
    run: state.run,
    status: state.status,
    streamVersion: state.streamVersion,
    openSteps: state.openSteps.map((s) => openStep(names, s)),
    withdrawnReason: state.withdrawnReason,
    lastEvent: state.lastEvent,
    ...(state.stages ? { stages: state.stages.map((s: StageView) => ({ ...s })) } : {}),
    ...(plan ? { plan } : {}),
    ...(candidates ? { candidates } : {}),
    ...(election ? { election } : {}),
    ...(state.elected ? { elected: state.elected.map((e) => ({ ...e, personName: names.of(e.personId) })) } : {}),
    ...(state.delegates
      ? {
          delegates: {
            official: state.delegates.official.map((e) => ({ ...e, personName: names.of(e.personId) })),
            alternates: state.delegates.alternates.map((e) => ({ ...e, personName: names.of(e.personId) })),
          },
        }
      : {}),
    ...(state.stageOpenSteps ? { stageOpenSteps: state.stageOpenSteps.map((s) => stageStep(names, s)) } : {}),
    ...(state.stageOpenStepCount === undefined ? {} : { stageOpenStepCount: state.stageOpenStepCount }),
  };
}
