import {
  allHandlersFinished,
  type ApplicationFailure,
  condition,
  log,
  patched,
  setHandler,
  startChild,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import {
  decideCommon,
  defaultRulebooks,
  evolveCore,
  IllegalTransitionError,
  initialCore,
  ValidationError,
  rulebookInForce,
  cycleRulebookInForce,
  FIRST_SESSION_WITHOUT_ELECTION,
  type CompositeCongressEvent,
  type EventMetadata,
  type PersonnelPlanContent,
  type ProcedureCore,
  type StageReason,
} from '@cadreflow/domain';
import type { JsonObject } from './activities';
import { asUpdateFailure } from './domain-failure';
import { CongressStageLaunches, stageProcedureId, type CongressStageName } from './congress-stage-launches';
import {
  domainFailureOf,
  stageStepsSignal,
  stateQuery,
  withdrawRequestSignal,
  withdrawUpdate,
  type CongressDelegates,
  type CongressFirstSession,
  type CongressPersonnelLaunch,
  type DelegatesView,
  type ProcedureLaunch,
  type ProcedureResult,
  type ProcedureStateView,
  type RecordedEventRef,
  type RegistrySnapshot,
  type StageStepsInput,
  type StageView,
  type WithdrawInput,
} from './messages';
import {
  DATED_RULE_SETS_PATCH,
  electionWorkflow,
  firstSessionWorkflow,
  introductionWorkflow,
  personnelPlanWorkflow,
  vettingWorkflow,
} from './procedure.workflow';
import { domainActor, electedOf, launchInstant, recordOnStream, workflowNow } from './procedure-runner';

/**
 * Patch: every stage is launched under the composite's rulebook (before, each stage took the one in force when it
 * started, so a congress could run its election under another cycle's rules than its plan).
 */
const pinStageRulebook = 'composite-stage-rulebook';

/**
 * Patch: a congress launched with delegates to the higher congress elects them after its executive committee, as the
 * stage `delegates` (composites launched before had no such stage).
 */
export const DELEGATES_STAGE_PATCH = 'composite-delegates-stage';

/**
 * Patch: a congress launched with a first session holds it as its last stage, the new committee electing its
 * standing committee, secretary, deputies and inspection committee (composites launched before had none).
 */
export const FIRST_SESSION_STAGE_PATCH = 'composite-first-session-stage';

/**
 * Patch: a failed stage is recorded as `StageFailed` on the composite's own stream, and a first session not held as
 * `StageSkipped` (before, only the state query showed them, so the read models kept such a congress running).
 */
export const STAGE_EVENTS_PATCH = 'composite-stage-failed-event';

const committeeStages: readonly CongressStageName[] = ['plan', 'introduction', 'vetting', 'consultation', 'election'];

const workflowOf = {
  'personnel-plan': personnelPlanWorkflow,
  introduction: introductionWorkflow,
  vetting: vettingWorkflow,
  election: electionWorkflow,
  'first-session': firstSessionWorkflow,
} as const;

/** A stage ended without what the next stage needs (a rejected plan, nobody left, a refused ratification). */
function stopsHere(stage: CongressStageName, result: ProcedureResult): boolean {
  if (result.run === 'withdrawn') return true;
  if (stage === 'plan' || stage === 'consultation') return result.outcome !== 'consumed';
  // The delegates are elected at the congress whether or not the committee's election is ratified later.
  if (stage === 'election' || stage === 'delegates' || stage === 'first-session') return false;
  return result.personIds.length === 0;
}

/** The official and alternate delegates of a delegates stage's result, in precedence order, with their votes. */
function delegatesOf(result: ProcedureResult, officialSeats: number): DelegatesView | null {
  const elected = electedOf(result.detail);
  if (!elected || result.run !== 'completed') return null;
  const votes = new Map(elected.map((e) => [e.personId, e]));
  const ordered = result.personIds.flatMap((id) => {
    const view = votes.get(id);
    return view ? [view] : [];
  });
  return { official: ordered.slice(0, officialSeats), alternates: ordered.slice(officialSeats) };
}

/**
 * The composite congress-personnel procedure for one party organisation: plan → introduction → vetting →
 * consultation with the higher level (the Politburo for a provincial body) → election → (when the launch names
 * delegate seats) the delegates to the higher congress. Each stage is a child
 * workflow `<procedureId>/<stage>` running that procedure's decider on its own stream; decisions go to the child
 * named in `stateQuery().stages`. Withdrawing the composite withdraws the running stage (recorded on its stream).
 *
 * @example
 * await client.workflow.start(congressPersonnelWorkflow, { workflowId: id, taskQueue, args: [{ kind: 'congress-personnel', procedureId: id, ... }] });
 */
export async function congressPersonnelWorkflow(input: CongressPersonnelLaunch): Promise<ProcedureResult> {
  const launchedAt = launchInstant(input.launchDate);
  // Runs launched before registry snapshots carried their model as `organisation`; they replay on it.
  const legacy = (input as { organisation?: RegistrySnapshot['model'] }).organisation;
  const model = input.registry?.model ?? legacy;
  if (!model) {
    throw asUpdateFailure(
      new ValidationError(
        'The congress procedure is launched on a registry snapshot (registry: { version, hash, model })',
        { field: 'registry' },
        { code: 'REGISTRY_SNAPSHOT_MISSING', params: { field: 'registry' } },
      ),
    );
  }
  // Launched before rules were dated: the cycle rulebook in force, as recorded.
  const rulebookId = patched(DATED_RULE_SETS_PATCH)
    ? rulebookInForce(launchedAt).id
    : cycleRulebookInForce(launchedAt).id;
  // A congress that elects no delegates (none given, or no official seat) has no delegates stage.
  const delegatesInput = input.delegates && input.delegates.seats > 0 ? input.delegates : null;
  const withDelegates = delegatesInput !== null && patched(DELEGATES_STAGE_PATCH);
  const withFirstSession = input.firstSession !== undefined && patched(FIRST_SESSION_STAGE_PATCH);
  const stageOrder: readonly CongressStageName[] = [
    ...committeeStages,
    ...(withDelegates ? ['delegates' as const] : []),
    ...(withFirstSession ? ['first-session' as const] : []),
  ];
  const stages = new Map<CongressStageName, StageView>(
    stageOrder.map((stage) => [
      stage,
      { stage, procedureId: stageProcedureId(input.procedureId, stage), state: 'pending' },
    ]),
  );
  const results: ProcedureResult[] = [];
  let current: {
    stage: CongressStageName;
    kind: ProcedureLaunch['kind'];
    handle: ChildWorkflowHandle<typeof personnelPlanWorkflow>;
  } | null = null;
  let withdrawal: RecordedEventRef[] | null = null;
  let finished = false;
  /** The running stage's open steps, as its child last reported them. */
  let stageSteps: StageStepsInput | null = null;

  const view = (): ProcedureStateView => ({
    procedureId: input.procedureId,
    kind: 'congress-personnel',
    bodyId: input.bodyId,
    rulebookId,
    launchedBy: input.launchedBy,
    run: withdrawal ? 'withdrawn' : results.length === stageOrder.length || finished ? 'completed' : 'running',
    status: current?.stage ?? (finished ? 'done' : 'plan'),
    streamVersion: 0,
    openSteps: [],
    withdrawnReason: null,
    lastEvent: null,
    detail: { results },
    stages: [...stages.values()],
    stageOpenSteps: stageSteps?.openSteps ?? [],
    stageOpenStepCount: stageSteps?.openStepCount ?? 0,
    ...electionResults(),
    ...delegatesResults(),
  });
  /** Who the election stage elected, once it has a result. */
  const electionResults = (): { elected?: ReturnType<typeof electedOf> & object } => {
    const election = results.find((r) => r.procedureId === stageProcedureId(input.procedureId, 'election'));
    const elected = election ? electedOf(election.detail) : null;
    return elected ? { elected } : {};
  };
  /** The delegates the delegates stage declared, once it has ended. */
  const delegatesResults = (): { delegates?: DelegatesView } => {
    const stage = results.find((r) => r.procedureId === stageProcedureId(input.procedureId, 'delegates'));
    const delegates = stage && delegatesInput ? delegatesOf(stage, delegatesInput.seats) : null;
    return delegates ? { delegates } : {};
  };
  /** The launcher's rule for withdrawing, as the domain states it, on a core built from this launch. */
  const validateWithdrawal = (w: WithdrawInput): void => {
    try {
      if (!current) {
        throw new IllegalTransitionError(
          'No stage is running: nothing to withdraw',
          'NOT_RUNNING',
          'WithdrawProcedure',
          { code: 'NO_STAGE_RUNNING' },
        );
      }
      const core: ProcedureCore = evolveCore(initialCore, {
        type: 'ProcedureLaunched',
        data: {
          procedureId: input.procedureId,
          kind: current.kind,
          bodyId: input.bodyId,
          rulebookId,
          launchedBy: domainActor(input.launchedBy),
          launchedAt,
          higherBodyId: null,
          concerned: [],
          authorities: {},
        },
      });
      decideCommon(
        { type: 'WithdrawProcedure', data: { reason: w.reason }, actor: domainActor(w.actor), now: workflowNow() },
        core,
        defaultRulebooks,
      );
    } catch (error) {
      throw asUpdateFailure(error);
    }
  };

  setHandler(stateQuery, view);
  setHandler(stageStepsSignal, (steps) => {
    // A late report of a stage that already ended is dropped.
    if (current && steps.procedureId === stageProcedureId(input.procedureId, current.stage)) stageSteps = steps;
  });
  setHandler(
    withdrawUpdate,
    async (w) => {
      const running = current;
      const ended = (): ApplicationFailure =>
        asUpdateFailure(
          new IllegalTransitionError(
            'The running stage ended before the withdrawal reached it; query the procedure and try again',
            'STAGE_ENDED',
            'WithdrawProcedure',
            { code: 'STAGE_ENDED' },
          ),
        );
      if (!running) throw ended();
      try {
        await running.handle.signal(withdrawRequestSignal, w);
      } catch {
        throw ended();
      }
      await condition(() => withdrawal !== null || current !== running);
      if (!withdrawal) throw ended();
      return withdrawal;
    },
    { validator: validateWithdrawal },
  );

  let launches: CongressStageLaunches;
  try {
    launches = new CongressStageLaunches(input, model, launchedAt, {
      rulebookId,
      now: () => patched(pinStageRulebook),
    });
  } catch (error) {
    throw asUpdateFailure(error);
  }

  const runStage = async (stage: CongressStageName, launch: ProcedureLaunch): Promise<ProcedureResult | null> => {
    const workflow = workflowOf[launch.kind as keyof typeof workflowOf];
    stages.set(stage, { ...(stages.get(stage) as StageView), state: 'running' });
    try {
      const handle = await startChild(workflow, { workflowId: launch.procedureId, args: [launch] });
      current = { stage, kind: launch.kind, handle };
      const result = await handle.result();
      results.push(result);
      stages.set(stage, { ...(stages.get(stage) as StageView), state: 'done' });
      if (result.run === 'withdrawn') withdrawal = [...result.closingEvents];
      return result;
    } catch (error) {
      log.warn('A stage of the congress procedure failed', {
        stage,
        error: error instanceof Error ? error.message : String(error),
      });
      // Recorded as `StageFailed` by the loop below (under its patch); runs recorded before replay unchanged.
      const domain = domainFailureOf(error);
      const failure = domain ? { code: domain.errorCode, params: domain.params } : { code: 'STAGE_FAILED', params: {} };
      stages.set(stage, { ...(stages.get(stage) as StageView), state: 'failed', failure });
      return null;
    } finally {
      current = null;
      stageSteps = null;
    }
  };

  /** How many events the composite has recorded on its own stream (it records only stage failures and skips). */
  let ownVersion = 0;
  const recordStageEvent = async (
    type: CompositeCongressEvent['type'],
    stage: CongressStageName,
    reason: StageReason,
  ): Promise<void> => {
    const stageId = stageProcedureId(input.procedureId, stage);
    const event: CompositeCongressEvent = {
      type,
      data: {
        stage,
        stageProcedureId: stageId,
        reason,
        launchedBy: input.launchedBy.actorId,
        launchedAt,
      },
    };
    const metadata: EventMetadata = {
      actorId: 'system',
      actorRole: 'system',
      bodyId: input.bodyId,
      rulebookId,
      occurredAt: workflowNow(),
      correlationId: workflowInfo().workflowId,
      causationId: stageId,
    };
    await recordOnStream(input.procedureId, ownVersion, [
      { type: event.type, data: event.data as unknown as JsonObject, metadata: metadata as unknown as JsonObject },
    ]);
    ownVersion += 1;
  };

  let outcome: string | null = null;
  let personIds: readonly string[] = [];
  let approvedPlan: PersonnelPlanContent | null = null;
  let candidates: readonly string[] = input.plan.candidateIds;
  for (const stage of stageOrder) {
    let launch: ProcedureLaunch;
    switch (stage) {
      case 'plan':
        launch = launches.plan('plan', input.plan);
        break;
      case 'introduction':
        launch = launches.introduction(candidates);
        break;
      case 'vetting':
        launch = launches.vetting(candidates);
        break;
      case 'consultation':
        launch = launches.plan('consultation', { ...(approvedPlan ?? input.plan), candidateIds: candidates });
        break;
      case 'election':
        launch = launches.election((approvedPlan ?? input.plan).executiveCommitteeSeats, candidates);
        break;
      case 'delegates':
        launch = launches.delegates(delegatesInput as CongressDelegates);
        break;
      case 'first-session':
        // The new committee sits only once its election stands: a refused ratification leaves nobody to sit.
        if (outcome !== 'elected') {
          if (patched(STAGE_EVENTS_PATCH)) {
            await recordStageEvent('StageSkipped', stage, {
              code: FIRST_SESSION_WITHOUT_ELECTION,
              params: { electionOutcome: outcome },
            });
          }
          continue;
        }
        launch = launches.firstSession(
          approvedPlan ?? input.plan,
          personIds,
          input.firstSession as CongressFirstSession,
        );
        break;
    }
    const result = await runStage(stage, launch);
    if (!result) {
      outcome = `${stage}-failed`;
      if (patched(STAGE_EVENTS_PATCH)) {
        await recordStageEvent(
          'StageFailed',
          stage,
          stages.get(stage)?.failure ?? { code: 'STAGE_FAILED', params: {} },
        );
      }
      break;
    }
    if (stage === 'plan') {
      approvedPlan = (result.detail as { plan: PersonnelPlanContent | null }).plan;
    }
    if (stopsHere(stage, result)) {
      outcome = result.run === 'withdrawn' ? null : `${stage}-${result.outcome ?? 'ended'}`;
      break;
    }
    // The composite's outcome is its committee's election; the delegates and the first session are in its detail.
    if (stage === 'delegates' || stage === 'first-session') continue;
    candidates = result.personIds;
    outcome = result.outcome;
    personIds = result.personIds;
  }
  finished = true;
  await condition(allHandlersFinished);
  const last = results[results.length - 1];
  return {
    procedureId: input.procedureId,
    kind: 'congress-personnel',
    run: withdrawal ? 'withdrawn' : 'completed',
    outcome,
    personIds,
    streamVersion: 0,
    closingEvents: last?.closingEvents ?? [],
    detail: { approvedPlan, ...delegatesResults() },
    stages: results,
  };
}
