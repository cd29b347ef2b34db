import type { WorkflowHandle } from '@temporalio/client';
import { noInvalidBallots, type MeetingTally } from '@cadreflow/domain';
import {
  commandUpdate,
  decideUpdate,
  stateQuery,
  type ActorRef,
  type OpenStepView,
  type ProcedureStateView,
  type RecordedEventRef,
} from '@cadreflow/workflows/messages';

/** Someone who sits in the deciding body, concerned by nothing on the list (no recusal, no four-eyes). */
export function clerkFor(step: Pick<OpenStepView, 'role' | 'bodyId'>): ActorRef {
  return { actorId: `person/clerk-of-${step.bodyId}`, role: step.role, bodyId: step.bodyId };
}

/** A meeting where everyone summoned came, every ballot was valid and every candidate got `votes`. */
export function unanimousMeeting(subjectIds: readonly string[], summoned = 100, votes = summoned): MeetingTally {
  return {
    summoned,
    present: summoned,
    ballots: { issued: summoned, returned: summoned, valid: summoned, invalid: noInvalidBallots() },
    tallies: Object.fromEntries(subjectIds.map((id) => [id, votes])),
  };
}

/** Polls until `check` holds (the client side of an asynchronous workflow); fails after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The state of a procedure once its launch is recorded. */
export async function launchedState(handle: WorkflowHandle): Promise<ProcedureStateView> {
  let state: ProcedureStateView | undefined;
  await waitFor(async () => {
    state = await handle.query(stateQuery).catch(() => undefined);
    return (state?.streamVersion ?? 0) > 0;
  });
  return state as ProcedureStateView;
}

/** Sends the updates in small concurrent batches: the workflow serialises them, the round trips overlap. */
export async function inBatches<T>(items: readonly T[], send: (item: T) => Promise<unknown>, size = 8): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map(send));
  }
}

/** The launching office records each candidate's action programme (domain.md §3G: filed before an election). */
export async function fileActionProgrammes(
  handle: WorkflowHandle,
  launcher: ActorRef,
  personIds: readonly string[],
): Promise<void> {
  await inBatches(personIds, (personId) =>
    handle.executeUpdate(commandUpdate, {
      args: [
        {
          actor: launcher,
          command: { type: 'FileActionProgramme', data: { personId, reference: `CTHĐ-${personId}` } },
        },
      ],
    }),
  );
}

/** Approves an open approval step as a clerk of its body. */
export function approve(handle: WorkflowHandle, step: OpenStepView, note?: string): Promise<RecordedEventRef[]> {
  return handle.executeUpdate(decideUpdate, {
    args: [
      { stepId: step.stepId, actor: clerkFor(step), decision: note ? { kind: 'approve', note } : { kind: 'approve' } },
    ],
  });
}

/** Adopts a personnel plan, submits it as its launcher and has the higher level approve it. */
export async function adoptSubmitApprove(handle: WorkflowHandle, launcher: ActorRef): Promise<void> {
  const draft = await launchedState(handle);
  await approve(handle, draft.openSteps[0]);
  await handle.executeUpdate(commandUpdate, { args: [{ actor: launcher, command: { type: 'SubmitPlan', data: {} } }] });
  const submitted = await handle.query(stateQuery);
  await approve(handle, submitted.openSteps[0], 'Agreed');
}

/** Runs both tracks of the five-step introduction, every candidate passing every step. */
export async function introduceAll(handle: WorkflowHandle): Promise<void> {
  let state = await launchedState(handle);
  while (state.run === 'running') {
    const step = state.openSteps[0];
    if (!step) throw new Error(`introduction stalled in ${state.status}`);
    if (step.decision === 'approval') {
      await approve(handle, step);
    } else {
      const subjects = step.concerned.map((c) => c.personId);
      await handle.executeUpdate(decideUpdate, {
        args: [
          {
            stepId: step.stepId,
            actor: clerkFor(step),
            decision: { kind: 'tally', tally: unanimousMeeting(subjects) },
          },
        ],
      });
    }
    state = await handle.query(stateQuery);
  }
}

/** Clears every check of every candidate: the asset declaration is filed and verified, the other checks approved. */
export async function clearAll(handle: WorkflowHandle, launcher: ActorRef): Promise<void> {
  const state = await launchedState(handle);
  const assetSteps = state.openSteps.filter((s) => s.stepId.endsWith('/asset-declaration'));
  const otherSteps = state.openSteps.filter((s) => !s.stepId.endsWith('/asset-declaration'));
  await inBatches(assetSteps, async (step) => {
    const personId = step.stepId.slice(0, step.stepId.lastIndexOf('/'));
    await handle.executeUpdate(commandUpdate, {
      args: [
        { actor: launcher, command: { type: 'FileAssetDeclaration', data: { personId, reference: `KK-${personId}` } } },
      ],
    });
    await handle.executeUpdate(commandUpdate, {
      args: [
        {
          actor: clerkFor(step),
          command: { type: 'VerifyAssetDeclaration', data: { personId, consistent: true, finding: 'Consistent' } },
        },
      ],
    });
  });
  await inBatches(otherSteps, (step) => approve(handle, step));
}
