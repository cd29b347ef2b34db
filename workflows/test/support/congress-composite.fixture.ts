import {
  demoIds,
  noInvalidBallots,
  type ElectionAttendance,
  type OrganisationModel,
  type PersonnelPlanContent,
} from '@cadreflow/domain';
import {
  decideUpdate,
  stateQuery,
  type CongressPersonnelLaunch,
  type DecideInput,
} from '@cadreflow/workflows/messages';
import type { WorkflowHandle } from '@temporalio/client';
import { demoActors, organisationWithNewcomers, registrySnapshot } from './demo-launch.fixture';
import {
  adoptSubmitApprove,
  clearAll,
  clerkFor,
  fileActionProgrammes,
  introduceAll,
  launchedState,
} from './procedure-driver';

/** The congress day of the composite congress-personnel runs. */
export const CONGRESS_DATE = '2027-06-15';
/** The demo province with ten young first-time candidates from the succession pool. */
export const congressModel = organisationWithNewcomers(10);
const pool = congressModel.people.filter((p) => p.id.startsWith('person/bn-pool-')).map((p) => p.id);
/** Five seats of the committee, six on its list (a committee of 3–5: one over). */
export const committee = pool.slice(0, 6);
/** Two official and one alternate delegate, four on their list (one over). */
export const delegateList = [pool[6], pool[7], pool[8], pool[0]] as string[];
/** A congress of 200 delegates, 190 present. */
export const delegatesAttendance: ElectionAttendance = {
  kind: 'delegates',
  delegatesConvened: 200,
  conveningCommitteeAbsentThroughout: 0,
  delegatesAbsentWithoutAlternate: 0,
  present: 190,
};

/**
 * A congress-personnel launch for the demo province by its Organization Committee, on {@link CONGRESS_DATE}, with
 * `plan` over the people of `model`: the stages up to the committee's election.
 */
export function demoCongressLaunch(
  procedureId: string,
  model: OrganisationModel,
  plan: PersonnelPlanContent,
): CongressPersonnelLaunch {
  return {
    kind: 'congress-personnel',
    procedureId,
    bodyId: demoIds.province,
    launchedBy: demoActors.organizationOfficer,
    plan,
    congressDate: CONGRESS_DATE,
    registry: registrySnapshot(model),
  };
}

/**
 * A congress-personnel launch for the demo province: five seats of the committee from `committee`, two official
 * and one alternate delegate from `delegateList`; `extra` adds the stages a test needs beyond them.
 */
export function congressLaunch(
  procedureId: string,
  extra: Partial<CongressPersonnelLaunch> = {},
): CongressPersonnelLaunch {
  return {
    ...demoCongressLaunch(procedureId, congressModel, {
      executiveCommitteeSeats: 5,
      standingCommitteeSeats: 3,
      deputySecretaries: 1,
      candidateIds: committee,
      standards: ['Standards of QĐ 214'],
    }),
    delegates: { seats: 2, alternateSeats: 1, candidateIds: delegateList },
    ...extra,
  };
}

/** Runs the stages before the election: the plan, the introduction, the vetting and the consultation all pass. */
export async function passStagesBeforeElection(child: (stage: string) => WorkflowHandle): Promise<void> {
  await adoptSubmitApprove(child('plan'), demoActors.organizationOfficer);
  await introduceAll(child('introduction'));
  await clearAll(child('vetting'), demoActors.organizationOfficer);
  await adoptSubmitApprove(child('consultation'), demoActors.organizationOfficer);
}

/** Files the list's action programmes, approves the list and records round 1 with these votes. */
export async function listAndRound(handle: WorkflowHandle, tallies: Record<string, number>): Promise<void> {
  const listStep = (await launchedState(handle)).openSteps[0];
  const candidates = ((await handle.query(stateQuery)).detail as { candidates: string[] }).candidates;
  await fileActionProgrammes(handle, demoActors.organizationOfficer, candidates);
  await handle.executeUpdate(decideUpdate, {
    args: [{ stepId: listStep.stepId, actor: clerkFor(listStep), decision: { kind: 'approve' } }],
  });
  const round = (await handle.query(stateQuery)).openSteps[0];
  const decision: DecideInput = {
    stepId: round.stepId,
    actor: clerkFor(round),
    decision: {
      kind: 'round-tally',
      attendance: delegatesAttendance,
      ballots: { issued: 190, returned: 190, valid: 190, invalid: noInvalidBallots() },
      tallies,
    },
  };
  await handle.executeUpdate(decideUpdate, { args: [decision] });
}
