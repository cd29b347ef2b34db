import { allHandlersFinished, condition, log, setHandler } from '@temporalio/workflow';
import { type DomainCommand } from '@cadreflow/domain';
import {
  commandUpdate,
  decideUpdate,
  higherOpinionSignal,
  procedureCommandTypes,
  stateQuery,
  withdrawRequestSignal,
  withdrawUpdate,
  type ActorRef,
  type CommandInput,
  type DecideInput,
  type ProcedureLaunch,
  type ProcedureResult,
  type WithdrawInput,
} from './messages';
import { invalidInput } from './domain-failure';
import { decisionCommand, deciders, launchCommand } from './procedure-kinds';
import { domainActor, launchInstant, ProcedureRunner, recorderOf, workflowNow } from './procedure-runner';

function withdrawCommand(input: WithdrawInput): DomainCommand {
  return {
    type: 'WithdrawProcedure',
    data: { reason: input.reason },
    actor: domainActor(input.actor),
    now: workflowNow(),
  };
}

function otherCommand(input: CommandInput): DomainCommand {
  if (!procedureCommandTypes.includes(input.command.type)) {
    throw invalidInput(`${String(input.command.type)} is not a command this update takes`, {
      type: input.command.type,
    });
  }
  return { type: input.command.type, data: input.command.data, actor: domainActor(input.actor), now: workflowNow() };
}

/**
 * Runs one procedure (A, B, C, D or F) on its decider until it completes or is withdrawn. Shared body of the five
 * exported workflow functions; the workflow id is the procedure id and the stream id.
 */
async function runProcedure(input: ProcedureLaunch): Promise<ProcedureResult> {
  const runner = new ProcedureRunner(input.kind, input.procedureId, deciders[input.kind]);
  const decide = (d: DecideInput): DomainCommand =>
    decisionCommand(input.kind, d.stepId, d.decision, domainActor(d.actor), workflowNow());

  setHandler(stateQuery, () => runner.view());
  setHandler(decideUpdate, (d) => runner.apply(() => decide(d), recorderOf(d.actor)), {
    validator: (d: DecideInput) => runner.validate(() => decide(d)),
  });
  setHandler(commandUpdate, (c) => runner.apply(() => otherCommand(c), recorderOf(c.actor)), {
    validator: (c: CommandInput) => runner.validate(() => otherCommand(c)),
  });
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
  setHandler(withdrawRequestSignal, async (w) => {
    await tolerate('withdrawal', () =>
      runner.apply(() => withdrawCommand(w), recorderOf(w.actor), 'signal/withdrawRequest'),
    );
  });

  const launcher: ActorRef = input.launchedBy;
  // A refused launch fails the workflow with the domain's code as the failure type.
  await runner.apply(
    () => launchCommand(input, domainActor(launcher), launchInstant(input.launchDate)),
    recorderOf(launcher),
    'launch',
  );

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
