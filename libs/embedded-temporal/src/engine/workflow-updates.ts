import { status } from '@grpc/grpc-js';
import {
  enumNumbers,
  EventType,
  type IHistoryEvent,
  type IPayloads,
  type Loose,
  temporal,
} from '../proto/temporal-proto';
import { invalidArgument, ServiceError } from '../server/service-error';
import type { Execution } from './execution';
import type { WorkflowTaskState } from './execution-state';

import ws = temporal.api.workflowservice.v1;

const Stage = enumNumbers(temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage);
const UpdateRequest = temporal.api.update.v1.Request;
const UpdateOutcome = temporal.api.update.v1.Outcome;

/** What update handling needs from the engine. */
export interface UpdateCore {
  readonly longPollMs: number;
  isStopped(): boolean;
  requireNamespace(name: string | null | undefined): string;
  findRun(namespace: string, execution: temporal.api.common.v1.IWorkflowExecution | null | undefined): Execution;
  checkPayloads(payloads: IPayloads | null | undefined): void;
  markDirty(exec: Execution): void;
  persist(...execs: Execution[]): Promise<void>;
  /** Resolves with `answer` once every change made so far is saved. */
  answerOnceSaved<T>(answer: T): Promise<T>;
  append(exec: Execution, eventType: number, attributes: IHistoryEvent): number;
  scheduleWorkflowTask(exec: Execution): void;
}

/**
 * Workflow updates as Temporal runs them: admitted by UpdateWorkflowExecution, delivered to the worker as
 * protocol messages with the next workflow task, accepted (WorkflowExecutionUpdateAccepted) or rejected by
 * the validator (no event), completed (WorkflowExecutionUpdateCompleted); callers wait for the stage they ask.
 */
export class WorkflowUpdates {
  constructor(private readonly core: UpdateCore) {}

  /** Request messages for the admitted updates, delivered with the workflow task being started. */
  requestMessages(exec: Execution, wft: WorkflowTaskState): Loose<temporal.api.protocol.v1.IMessage>[] {
    const messages: Loose<temporal.api.protocol.v1.IMessage>[] = [];
    wft.deliveredUpdates = [];
    for (const [updateId, update] of Object.entries(exec.state.updates)) {
      if (update.stage !== Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED) continue;
      wft.deliveredUpdates.push(updateId);
      messages.push({
        id: `${updateId}/request`,
        protocolInstanceId: updateId,
        eventId: wft.scheduledEventId,
        body: {
          type_url: 'type.googleapis.com/temporal.api.update.v1.Request',
          value: Buffer.from(update.request, 'base64'),
        },
      });
    }
    return messages;
  }

  /** Whether some update waits for a workflow task to be delivered. */
  hasAdmitted(exec: Execution): boolean {
    return Object.values(exec.state.updates).some(
      (u) => u.stage === Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED,
    );
  }

  /** Forgets the updates a closed run can no longer complete (their callers get NOT_FOUND). */
  dropUnfinished(exec: Execution): void {
    for (const [id, update] of Object.entries(exec.state.updates)) {
      if (update.stage < Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED) delete exec.state.updates[id];
    }
  }

  /** The `UpdateWorkflowExecution` RPC. */
  async updateWorkflowExecution(
    req: ws.IUpdateWorkflowExecutionRequest,
  ): Promise<Loose<ws.IUpdateWorkflowExecutionResponse>> {
    const namespace = this.core.requireNamespace(req.namespace);
    const updateId = req.request?.meta?.updateId ?? '';
    if (!updateId) throw invalidArgument('Update id is not set on request.');
    if (!req.request?.input?.name) throw invalidArgument('Update name is not set on request.');
    this.core.checkPayloads(req.request.input.args);
    const exec = this.core.findRun(namespace, req.workflowExecution);
    if (!exec.state.updates[updateId]) {
      if (!exec.isOpen) throw new ServiceError(status.NOT_FOUND, 'workflow execution already completed');
      exec.state.updates[updateId] = {
        stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED,
        request: Buffer.from(UpdateRequest.encode(req.request).finish()).toString('base64'),
      };
      this.core.markDirty(exec);
      if (!exec.state.wft) this.core.scheduleWorkflowTask(exec);
      await this.core.persist(exec);
    }
    const wanted = Math.max(
      req.waitPolicy?.lifecycleStage ?? 0,
      Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED,
    );
    return this.waitFor(exec, updateId, wanted);
  }

  /** The `PollWorkflowExecutionUpdate` RPC. */
  async pollWorkflowExecutionUpdate(
    req: ws.IPollWorkflowExecutionUpdateRequest,
  ): Promise<Loose<ws.IPollWorkflowExecutionUpdateResponse>> {
    const namespace = this.core.requireNamespace(req.namespace);
    const updateId = req.updateRef?.updateId ?? '';
    const exec = this.core.findRun(namespace, req.updateRef?.workflowExecution);
    if (!exec.state.updates[updateId]) throw new ServiceError(status.NOT_FOUND, `update ${updateId} not found`);
    const wanted = req.waitPolicy?.lifecycleStage || Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
    const response = await this.waitFor(exec, updateId, wanted);
    return { outcome: response.outcome, stage: response.stage, updateRef: response.updateRef };
  }

  private async waitFor(
    exec: Execution,
    updateId: string,
    wanted: number,
  ): Promise<Loose<ws.IUpdateWorkflowExecutionResponse>> {
    const deadline = Date.now() + Math.min(this.core.longPollMs, 20_000);
    for (;;) {
      const update = exec.state.updates[updateId];
      if (!update) {
        throw new ServiceError(status.NOT_FOUND, 'workflow execution already completed');
      }
      if (update.stage >= wanted || Date.now() >= deadline || this.core.isStopped()) {
        return this.core.answerOnceSaved({
          updateRef: { workflowExecution: { workflowId: exec.state.workflowId, runId: exec.state.runId }, updateId },
          outcome: update.outcome ? UpdateOutcome.decode(Buffer.from(update.outcome, 'base64')) : null,
          stage: update.stage,
        });
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          () => {
            unsubscribe();
            resolve();
          },
          Math.max(1, deadline - Date.now()),
        );
        const unsubscribe = exec.watch(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Applies an Acceptance, Rejection or Response message from a workflow task completion. */
  apply(exec: Execution, message: temporal.api.protocol.v1.IMessage): void {
    const updateId = message.protocolInstanceId ?? '';
    const update = exec.state.updates[updateId];
    const typeName = (message.body?.type_url ?? '').replace(/^.*\//, '');
    const value = message.body?.value ?? new Uint8Array();
    if (!update) return;
    switch (typeName) {
      case 'temporal.api.update.v1.Acceptance': {
        const acceptance = temporal.api.update.v1.Acceptance.decode(value);
        const acceptedEventId = this.core.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED, {
          workflowExecutionUpdateAcceptedEventAttributes: {
            protocolInstanceId: updateId,
            acceptedRequestMessageId: acceptance.acceptedRequestMessageId || `${updateId}/request`,
            acceptedRequestSequencingEventId: acceptance.acceptedRequestSequencingEventId,
            acceptedRequest: UpdateRequest.decode(Buffer.from(update.request, 'base64')),
          },
        });
        update.stage = Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED;
        update.acceptedEventId = acceptedEventId;
        break;
      }
      case 'temporal.api.update.v1.Rejection': {
        const rejection = temporal.api.update.v1.Rejection.decode(value);
        update.stage = Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
        update.outcome = Buffer.from(UpdateOutcome.encode({ failure: rejection.failure }).finish()).toString('base64');
        break;
      }
      case 'temporal.api.update.v1.Response': {
        const response = temporal.api.update.v1.Response.decode(value);
        this.core.append(exec, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED, {
          workflowExecutionUpdateCompletedEventAttributes: {
            meta: response.meta,
            acceptedEventId: update.acceptedEventId ?? 0,
            outcome: response.outcome,
          },
        });
        update.stage = Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
        update.outcome = Buffer.from(UpdateOutcome.encode(response.outcome ?? {}).finish()).toString('base64');
        break;
      }
      default:
        break;
    }
    this.core.markDirty(exec);
    exec.notify();
  }
}
