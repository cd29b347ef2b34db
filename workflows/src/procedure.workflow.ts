import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  calendarDate,
  relativesOf,
  rulebookById,
  type CompositionMember,
  type DomainCommand,
  type ProcedureCore,
} from '@cadreflow/domain';
import type { ProcedureActivities } from './activities';
import {
  catchUpSignal,
  commandUpdate,
  decideUpdate,
  higherOpinionSignal,
  procedureCommandTypes,
  stageStepsSignal,
  stateQuery,
  STAGE_STEPS_SHOWN,
  withdrawRequestSignal,
  withdrawUpdate,
  type ActorRef,
  type OpenStepSummary,
  type CommandInput,
  type DecideInput,
  type ProcedureLaunch,
  type ProcedureResult,
  type RegistrySnapshot,
  type WithdrawInput,
} from './messages';
import { invalidInput } from './domain-failure';
import {
  decisionCommand,
  deciders,
  firstSessionDecidersBeforeLinkedRelatives,
  launchCommand,
  noticedDaysDeciders,
  withRegistryRelatives,
} from './procedure-kinds';
import { domainActor, launchInstant, ProcedureRunner, recorderOf, workflowNow } from './procedure-runner';

/**
 * The `patched()` id of asking the registry, at each decision on a step about people, for relatives of the
 * deciding person declared after the launch (or missing from it). Runs that started before keep deciding without.
 */
export const REGISTRY_RELATIONS_PATCH = 'registry-relations-at-decision';

/** The `patched()` id of a composite's stage reporting its open steps to the composite (`stageStepsSignal`). */
export const STAGE_STEPS_PATCH = 'report-stage-steps';

/**
 * Patch: the first session refuses a list that would seat relatives in linked posts at once (QĐ 205/114); sessions
 * started before replay the lists they accepted.
 */
export const FIRST_SESSION_LINKED_RELATIVES_PATCH = 'first-session-linked-relatives';

/** Patch: working days past the last known holiday notice count the statutory days off (2027 on). */
export const STATUTORY_DAYS_PATCH = 'statutory-days-off';

/**
 * Patch: an election enforces the checks of `ElectionScheduled.checks`, an appointment records nomination ties
 * (`PolicyRequested.recordsTies`); neither on histories from before.
 */
export const LAUNCH_CHECKS_PATCH = 'election-checks-and-nomination-ties';

/**
 * Patch: a launch pins the set of dated rules in force (`rulebook/<cycle>@<day>`); runs that started before pinned
 * the cycle rulebook (`rulebook/<cycle>`) and replay with it.
 */
export const DATED_RULE_SETS_PATCH = 'dated-rule-sets';

const { declaredRelations } = proxyActivities<ProcedureActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds', maximumAttempts: 5 },
});

/**
 * The subjects of the open step `stepId` that the registry declares relatives of `actorId` and that the
 * procedure does not know as such. The lookup is an activity: its answer enters the history, so replay is
 * deterministic.
 */
async function lateConflicts(
  core: ProcedureCore,
  stepId: string,
  actorId: string,
  now: string,
): Promise<Array<{ subjectId: string; relation: string; declaredOn: string }>> {
  const step = core.openSteps[stepId];
  if (!step || !core.registry) return [];
  const undecided = step.subjectIds.filter((id) => step.items[id] === undefined && id !== actorId);
  if (undecided.length === 0) return [];
  const on = calendarDate(now, rulebookById(core.rulebookId).calendar);
  const relations = await declaredRelations({ personIds: [actorId], on });
  const found: Array<{ subjectId: string; relation: string; declaredOn: string }> = [];
  for (const subjectId of undecided) {
    const relative = relativesOf(relations, actorId).find((r) => r.relativeId === subjectId);
    const known = core.concerned.find((c) => c.personId === subjectId)?.relativeIds.includes(actorId) ?? false;
    if (relative && !known) {
      const declared = relations.find(
        (r) =>
          (r.personId === actorId && r.relativeId === subjectId) ||
          (r.personId === subjectId && r.relativeId === actorId),
      );
      found.push({ subjectId, relation: relative.kind, declaredOn: declared?.declaredOn ?? on });
    }
  }
  return found;
}

/** Records a `ConflictDetected` for each relation the registry declares late between the actor and the step's people. */
async function recordLateConflicts(runner: ProcedureRunner, stepId: string, actor: ActorRef): Promise<void> {
  const found = await lateConflicts(runner.current.core, stepId, actor.actorId, workflowNow());
  if (found.length === 0) return;
  log.warn('The registry declares the deciding person a relative of a person the step concerns', {
    stepId,
    actorId: actor.actorId,
    subjects: found.map((f) => f.subjectId),
  });
  for (const f of found) {
    await runner.apply(
      () => ({
        type: 'DetectConflict',
        data: { stepId, subjectId: f.subjectId, relation: f.relation, declaredOn: f.declaredOn },
        actor: domainActor(actor),
        now: workflowNow(),
      }),
      recorderOf(actor),
      'registry/relations',
    );
  }
}

/**
 * The open step a command decides about one person on: the step it names, else the open step about that person
 * alone (a vetting check), or null for commands that decide nothing about a person.
 */
function stepDecidedBy(core: ProcedureCore, input: CommandInput): string | null {
  const data = input.command.data as { stepId?: unknown; personId?: unknown };
  if (typeof data.stepId === 'string' && core.openSteps[data.stepId]) return data.stepId;
  if (typeof data.personId !== 'string' || input.command.type === 'FileActionProgramme') return null;
  const personId = data.personId;
  const step = Object.values(core.openSteps).find((s) => s.subjectIds.length === 1 && s.subjectIds[0] === personId);
  return step?.stepId ?? null;
}

function registryProfiles(personIds: readonly string[], registry: RegistrySnapshot): CompositionMember[] {
  const people = new Map(registry.model.people.map((p) => [p.id, p]));
  return personIds.flatMap((personId) => {
    const person = people.get(personId);
    return person ? [{ personId, gender: person.gender, birthDate: person.birthDate, inStandingCommittee: false }] : [];
  });
}

function withdrawCommand(input: WithdrawInput): DomainCommand {
  return {
    type: 'WithdrawProcedure',
    data: { reason: input.reason },
    actor: domainActor(input.actor),
    now: workflowNow(),
  };
}

/**
 * The command an update carries. A name added from the floor of an election launched on a registry snapshot gets
 * the relatives the snapshot declares added to those given, as a listed candidate does at launch; a revised plan
 * gets the profiles (gender, birth date) of its candidates, which its composition is checked on at adoption.
 */
function otherCommand(input: CommandInput, registry: RegistrySnapshot | undefined): DomainCommand {
  if (!procedureCommandTypes.includes(input.command.type)) {
    throw invalidInput(`${String(input.command.type)} is not a command this update takes`, {
      type: input.command.type,
    });
  }
  let data = input.command.data;
  if (input.command.type === 'AddFloorCandidate' && registry) {
    data = withRegistryRelatives([input.command.data], registry)[0];
  } else if (input.command.type === 'RevisePlan' && registry) {
    data = { ...input.command.data, profiles: registryProfiles(input.command.data.plan.candidateIds, registry) };
  }
  return { type: input.command.type, data, actor: domainActor(input.actor), now: workflowNow() };
}

/**
 * Runs one procedure (A, B, C, D, F, a confidence vote or a classification) on its decider until it completes or is withdrawn. Shared body of the five
 * exported workflow functions; the workflow id is the procedure id and the stream id.
 */
async function runProcedure(input: ProcedureLaunch): Promise<ProcedureResult> {
  // Added after the first histories were recorded: runs that started before count working days past the last
  // known notice without the statutory days off.
  const statutoryDays = patched(STATUTORY_DAYS_PATCH);
  // Added after first sessions were recorded: sessions that started before accept lists without the relatives check.
  const beforeLinkedRelatives = input.kind === 'first-session' && !patched(FIRST_SESSION_LINKED_RELATIVES_PATCH);
  const runner = new ProcedureRunner(
    input.kind,
    input.procedureId,
    beforeLinkedRelatives
      ? firstSessionDecidersBeforeLinkedRelatives[statutoryDays ? 'statutoryDays' : 'noticedDays']
      : (statutoryDays ? deciders : noticedDaysDeciders)[input.kind],
  );
  const decide = (d: DecideInput): DomainCommand =>
    decisionCommand(input.kind, d.stepId, d.decision, domainActor(d.actor), workflowNow());

  // Added after the first histories were recorded: runs that started before decide without asking the registry.
  const askRegistry = patched(REGISTRY_RELATIONS_PATCH);
  setHandler(stateQuery, () => runner.view());
  setHandler(
    decideUpdate,
    async (d) => {
      if (askRegistry) await recordLateConflicts(runner, d.stepId, d.actor);
      return runner.apply(() => decide(d), recorderOf(d.actor));
    },
    { validator: (d: DecideInput) => runner.validate(() => decide(d)) },
  );
  setHandler(
    commandUpdate,
    async (c) => {
      // A command deciding about one person on an open step (drop a candidate, verify a declaration) asks too.
      const stepId = askRegistry ? stepDecidedBy(runner.current.core, c) : null;
      if (stepId) await recordLateConflicts(runner, stepId, c.actor);
      return runner.apply(() => otherCommand(c, input.registry), recorderOf(c.actor));
    },
    { validator: (c: CommandInput) => runner.validate(() => otherCommand(c, input.registry)) },
  );
  setHandler(withdrawUpdate, (w) => runner.apply(() => withdrawCommand(w), recorderOf(w.actor)), {
    validator: (w: WithdrawInput) => runner.validate(() => withdrawCommand(w)),
  });
  setHandler(higherOpinionSignal, async (o) => {
    const decision = o.favourable
      ? ({ kind: 'approve', note: o.opinion } as const)
      : ({ kind: 'return', reason: o.opinion } as const);
    await tolerate('higher opinion', () =>
      runner.apply(
        () => decide({ stepId: o.stepId, actor: o.actor, decision }),
        recorderOf(o.actor),
        'signal/higherOpinion',
      ),
    );
  });
  setHandler(catchUpSignal, () => runner.askToCatchUp());
  setHandler(withdrawRequestSignal, async (w) => {
    await tolerate('withdrawal', () =>
      runner.apply(() => withdrawCommand(w), recorderOf(w.actor), 'signal/withdrawRequest'),
    );
  });

  const launcher: ActorRef = input.launchedBy;
  // A refused launch fails the workflow with the domain's code as the failure type.
  // An election launched before its checks existed (action programme, further-round surplus, floor candidates),
  // or an appointment before nomination ties were recorded, replays without them.
  const beforeChecks = (input.kind === 'election' || input.kind === 'appointment') && !patched(LAUNCH_CHECKS_PATCH);
  const cycleRulebook = !patched(DATED_RULE_SETS_PATCH);
  await runner.apply(
    () =>
      launchCommand(input, domainActor(launcher), launchInstant(input.launchDate), {
        beforeChecks,
        cycleRulebook,
      }),
    recorderOf(launcher),
    'launch',
  );

  if (input.parentProcedureId && patched(STAGE_STEPS_PATCH)) {
    void reportStageSteps(runner, input.parentProcedureId);
  }
  await runner.runUntilDone(() => consumeIfApproved(runner, input));
  await condition(allHandlersFinished);
  const completed = runner.completed;
  return {
    procedureId: input.procedureId,
    kind: input.kind,
    run: runner.run === 'withdrawn' ? 'withdrawn' : 'completed',
    outcome: completed?.outcome ?? null,
    personIds: completed?.personIds ?? [],
    streamVersion: runner.streamVersion,
    closingEvents: runner.lastAppended,
    detail: runner.current,
  };
}

/**
 * Inside a composite: tells the composite the stage's open steps each time they change (the composite cannot
 * query its children), at most {@link STAGE_STEPS_SHOWN} of them with their count.
 */
async function reportStageSteps(runner: ProcedureRunner, parentId: string): Promise<void> {
  const parent = getExternalWorkflowHandle(parentId);
  let sent = '';
  const summary = (): OpenStepSummary[] =>
    runner
      .view()
      .openSteps.slice(0, STAGE_STEPS_SHOWN)
      .map(({ procedureId, stepId, stepKind, params, title, bodyId, role, dueDate, decision }) => ({
        procedureId,
        stepId,
        stepKind,
        params,
        title,
        bodyId,
        role,
        dueDate,
        decision,
      }));
  const key = (): string =>
    `${Object.keys(runner.current.core.openSteps).length}|${summary()
      .map((s) => s.stepId)
      .join(',')}`;
  while (runner.run === 'running') {
    await condition(() => key() !== sent || runner.run !== 'running');
    if (runner.run !== 'running') return;
    sent = key();
    try {
      await parent.signal(stageStepsSignal, {
        procedureId: runner.streamId,
        openStepCount: Object.keys(runner.current.core.openSteps).length,
        openSteps: summary(),
      });
    } catch (error) {
      log.warn('The composite did not take the stage’s open steps', {
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    }
  }
}

/** Inside a composite, an approved plan is taken by the composite at once so the stage can complete. */
function consumeIfApproved(runner: ProcedureRunner, input: ProcedureLaunch): DomainCommand | null {
  if (input.kind !== 'personnel-plan' || !input.parentProcedureId || runner.current.status !== 'APPROVED') {
    return null;
  }
  return {
    type: 'ConsumePlan',
    data: { byProcedureId: input.parentProcedureId },
    actor: { personId: 'system', role: input.launchedBy.role, bodyId: input.launchedBy.bodyId },
    now: workflowNow(),
  };
}

/** Signals cannot answer: a refused input is logged, never allowed to fail the workflow. */
async function tolerate(what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    log.warn(`Refused ${what} sent by signal`, { error: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * A: personnel plan (đề án nhân sự): draft → adopted → submitted → (returned → submitted)* → approved → consumed.
 *
 * @example
 * await client.workflow.start(personnelPlanWorkflow, { workflowId: id, taskQueue, args: [{ kind: 'personnel-plan', procedureId: id, ... }] });
 */
export async function personnelPlanWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** B: five-step introduction of committee candidates, re-election track then first-time track. */
export async function introductionWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** C: appointment with policy approval and the 15/30 working-day clock (QĐ 105 → 80 → 377). */
export async function appointmentWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** D: vetting (thẩm định): every check per candidate in parallel; a block sends the candidate back. */
export async function vettingWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** F: congress election with rounds, ties and ratification by the higher committee (chuẩn y). */
export async function electionWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** Confidence vote (lấy phiếu tín nhiệm): the voting body's count, then the higher body on each low result. */
export async function confidenceVoteWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** Annual review and classification (đánh giá, xếp loại): the committee grades, the higher committee approves. */
export async function classificationWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/** Opinion to a higher or central agency on cadres: the request recorded, the standing committee answers each. */
export async function cadreOpinionWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}

/**
 * First session of a newly elected executive committee: it elects its standing committee, secretary, deputy
 * secretaries, inspection committee and its chair; the higher committee ratifies (chuẩn y) or returns.
 */
export async function firstSessionWorkflow(input: ProcedureLaunch): Promise<ProcedureResult> {
  return runProcedure(input);
}
