import {
  bodyById,
  checkSurplus,
  DomainError,
  rulebookInForce,
  organisationOf,
  type OrganisationModel,
  type PersonnelPlanContent,
} from '@cadreflow/domain';
import { CongressStageLaunches } from '@cadreflow/workflows/congress-stage-launches';
import type {
  ActorRef,
  CongressDelegates,
  CongressPersonnelLaunch,
  ProcedureLaunch,
  WorkflowLaunch,
} from '@cadreflow/workflows/messages';
import { deciders, launchCommand } from '@cadreflow/workflows/procedure-kinds';
import { firstSessionLaunch } from '@cadreflow/workflows/first-session-launches';
import {
  appointmentLaunch,
  cadreOpinionLaunch,
  classificationLaunch,
  confidenceVoteLaunch,
} from '@cadreflow/workflows/personnel-review-launches';
import { ApiError } from '../errors/api-error';
import type { VersionedModel as RegistryModel } from '@cadreflow/registry';
import type { CompositionTargetsDto, CongressPersonnelLaunchDto, LaunchForm, PlanForm } from './launch.dto';

/** The composition targets as numbers (the plan's adoption and the congress's list are checked on them). */
export function targetsOf(targets: CompositionTargetsDto | undefined): Pick<PersonnelPlanContent, 'targets'> | null {
  if (!targets) return null;
  const given = Object.fromEntries(Object.entries(targets).filter(([, value]) => typeof value === 'number'));
  return Object.keys(given).length > 0 ? { targets: given } : null;
}

/** The plan content of a plan form. */
export function planOf(form: PlanForm): PersonnelPlanContent {
  return {
    executiveCommitteeSeats: form.executiveCommitteeSeats,
    standingCommitteeSeats: form.standingCommitteeSeats,
    deputySecretaries: form.deputySecretaries,
    candidateIds: form.candidateIds,
    standards: form.standards ?? [],
    ...(targetsOf(form.targets) ?? {}),
  };
}

/** The instant a launch counts from, as the workflows read it: the launch day at midnight UTC, else now. */
function launchInstant(launchDate: string | undefined): string {
  return launchDate ? `${launchDate}T00:00:00.000Z` : new Date().toISOString();
}

/**
 * A domain refusal met while building a launch (a body the organisation lacks, a person the registry does not know)
 * is a refused launch: 422 with the domain's code.
 */
function refusal(error: unknown): never {
  if (error instanceof DomainError) throw error;
  throw new ApiError(422, 'LAUNCH_REFUSED', error instanceof Error ? error.message : String(error));
}

/**
 * Builds the workflow input of a launch form from the registry snapshot, and checks it as the workflow will, so that
 * a launch the rules refuse is refused before anything starts.
 *
 * @example
 * const input = buildLaunch(form, snapshot, procedureId, launchedBy); // throws 4xx on a refused launch
 * await client.workflow.start(workflowTypes[input.kind], { workflowId: procedureId, args: [input], ... });
 */
export function buildLaunch(
  form: LaunchForm,
  snapshot: RegistryModel,
  procedureId: string,
  launchedBy: ActorRef,
): WorkflowLaunch {
  const model = snapshot.model;
  checkPeople(model, form.candidateIds);
  const registry = { version: snapshot.version, hash: snapshot.hash, model };
  const launchedAt = launchInstant(form.launchDate);
  const common = {
    procedureId,
    bodyId: form.organisationId,
    launchedBy,
    ...(form.launchDate ? { launchDate: form.launchDate } : {}),
  };
  if (
    form.kind === 'confidence-vote' ||
    form.kind === 'classification' ||
    form.kind === 'cadre-opinion' ||
    form.kind === 'appointment' ||
    form.kind === 'first-session'
  ) {
    // Not a congress stage: the bodies come from the organisation and the level above it.
    try {
      const alone = { ...common, registry };
      const launch =
        form.kind === 'confidence-vote'
          ? confidenceVoteLaunch(model, alone, form.candidateIds)
          : form.kind === 'classification'
            ? classificationLaunch(model, alone, form.candidateIds, form.year)
            : form.kind === 'appointment'
              ? appointmentLaunch(model, alone, form.candidateIds, form)
              : form.kind === 'first-session'
                ? firstSessionLaunch(model, alone, {
                    elected: form.candidateIds,
                    sessionDate: form.sessionDate,
                    seats: {
                      standingCommittee: form.standingCommitteeSeats,
                      deputySecretaries: form.deputySecretaries,
                      inspectionCommittee: form.inspectionCommitteeSeats,
                    },
                  })
                : cadreOpinionLaunch(model, alone, form.candidateIds, form);
      check(launch, launchedAt);
      return launch;
    } catch (error) {
      return refusal(error);
    }
  }
  const congressDate = form.kind === 'personnel-plan' ? launchedAt.slice(0, 10) : form.congressDate;
  const plan: PersonnelPlanContent =
    form.kind === 'congress-personnel' || form.kind === 'personnel-plan'
      ? planOf(form)
      : {
          executiveCommitteeSeats: 0,
          standingCommitteeSeats: 0,
          deputySecretaries: 0,
          candidateIds: form.candidateIds,
          standards: [],
        };
  const delegates = form.kind === 'congress-personnel' ? delegatesOf(form, model, launchedAt) : null;
  const composite: CongressPersonnelLaunch = {
    kind: 'congress-personnel',
    ...common,
    plan,
    congressDate,
    registry,
    ...(delegates ? { delegates } : {}),
  };
  let stages: CongressStageLaunches;
  try {
    stages = new CongressStageLaunches(composite, model, launchedAt);
  } catch (error) {
    return refusal(error);
  }
  /** A stage launch as a procedure of its own: no parent, this procedure's id (the pinned registry stays). */
  const alone = <L extends ProcedureLaunch>(launch: L): L => {
    const { parentProcedureId: _parent, ...rest } = launch;
    return { ...rest, ...common } as L;
  };
  let launch: WorkflowLaunch;
  try {
    switch (form.kind) {
      case 'congress-personnel':
        // The first stage is checked now as the composite will launch it; every later stage is built once, so a
        // missing body or an unknown person is refused now rather than months into the procedure.
        check(stages.plan('plan', plan), launchedAt);
        stages.introduction(form.candidateIds);
        stages.vetting(form.candidateIds);
        stages.election(plan.executiveCommitteeSeats, form.candidateIds);
        if (delegates) check(alone(stages.delegates(delegates)), launchedAt);
        launch = composite;
        break;
      case 'personnel-plan':
        launch = alone(stages.plan('plan', plan));
        break;
      case 'introduction':
        launch = alone(stages.introduction(form.candidateIds));
        break;
      case 'vetting':
        launch = alone(stages.vetting(form.candidateIds));
        break;
      case 'election': {
        const election = alone(stages.election(form.seats, form.candidateIds));
        // Delegates to the higher congress: the same election with alternate seats after the official ones.
        launch =
          form.alternateSeats === undefined
            ? election
            : { ...election, data: { ...election.data, alternateSeats: form.alternateSeats } };
        break;
      }
      default: {
        const _never: never = form;
        throw new Error(`unknown launch ${String(_never)}`);
      }
    }
    if (launch.kind !== 'congress-personnel') check(launch, launchedAt);
  } catch (error) {
    return refusal(error);
  }
  return launch;
}

/**
 * The delegates to the higher congress a congress form names, or null when it elects none (no official seat). The
 * list is held to the surplus rule now, against the official and alternate seats together, as the congress will hold
 * it when it approves the list.
 */
function delegatesOf(
  form: CongressPersonnelLaunchDto,
  model: OrganisationModel,
  launchedAt: string,
): CongressDelegates | null {
  const seats = form.delegateSeats ?? 0;
  const candidateIds = form.delegateCandidateIds ?? [];
  if (seats === 0) {
    if ((form.alternateDelegateSeats ?? 0) > 0 || candidateIds.length > 0) {
      throw new ApiError(422, 'LAUNCH_DELEGATE_SEATS_MISSING', 'Delegates named without official delegate seats.', {
        field: 'delegateSeats',
      });
    }
    return null;
  }
  checkPeople(model, candidateIds, 'delegateCandidateIds');
  const alternateSeats = form.alternateDelegateSeats ?? 0;
  const surplus = checkSurplus(seats + alternateSeats, candidateIds.length, rulebookInForce(launchedAt).surplus);
  if (!surplus.ok) {
    throw new ApiError(422, 'SURPLUS_RULE_BROKEN', surplus.problems.join('; '), {
      field: 'delegateCandidateIds',
      params: { problems: surplus.problems },
    });
  }
  return { seats, alternateSeats, candidateIds };
}

/** Runs the launch command through the procedure's decider, as the workflow's first step will. */
function check(launch: ProcedureLaunch, launchedAt: string): void {
  const decider = deciders[launch.kind];
  const actor = { personId: launch.launchedBy.actorId, role: launch.launchedBy.role, bodyId: launch.launchedBy.bodyId };
  decider.decide(launchCommand(launch, actor, launchedAt), decider.initialState());
}

/** Every candidate must be a person of the registry snapshot; the 422 names the list item. */
function checkPeople(model: OrganisationModel, personIds: readonly string[], field = 'candidateIds'): void {
  const known = new Set(model.people.map((p) => p.id));
  const index = personIds.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw new ApiError(422, 'LAUNCH_UNKNOWN_PERSON', `The registry has no person "${personIds[index]}".`, {
      field: `${field}.${index}`,
      params: { personId: personIds[index] },
    });
  }
}

/** The organisation a launch names, if the snapshot has it as a party organisation. */
export function launchedOrganisation(model: OrganisationModel, organisationId: string): string | undefined {
  try {
    const body = bodyById(model, organisationId);
    return body.kind === 'party-organisation' ? organisationOf(model, body.id).id : undefined;
  } catch {
    return undefined;
  }
}
