import { durationToMs, enumNumbers, type IPayloads, temporal } from '../proto/temporal-proto';
import type { Execution } from './execution';

const CommandType = enumNumbers(temporal.api.enums.v1.CommandType);
const Cause = enumNumbers(temporal.api.enums.v1.WorkflowTaskFailedCause);

/** Largest payload Temporal accepts by default (`limit.blobSize.error`). */
export const MAX_BLOB_BYTES = 2 * 1024 * 1024;

/** Whether a command closes the run (complete, fail, cancel, continue-as-new). */
export function isCloseCommand(type: number): boolean {
  return (
    type === CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION ||
    type === CommandType.COMMAND_TYPE_FAIL_WORKFLOW_EXECUTION ||
    type === CommandType.COMMAND_TYPE_CANCEL_WORKFLOW_EXECUTION ||
    type === CommandType.COMMAND_TYPE_CONTINUE_AS_NEW_WORKFLOW_EXECUTION
  );
}

/** Rejects commands a real server refuses, with the workflow task failure cause it records. */
export function validateCommands(
  exec: Execution,
  commands: temporal.api.command.v1.ICommand[],
): { cause: number; message: string } | undefined {
  const activityIds = new Set(Object.values(exec.state.activities).map((a) => a.activityId));
  const timerIds = new Set(Object.keys(exec.state.timers));
  for (const [index, command] of commands.entries()) {
    if (isCloseCommand(command.commandType ?? 0) && index !== commands.length - 1) {
      const rest = commands
        .slice(index + 1)
        .every((c) => Number(c.commandType) === CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE);
      if (!rest) {
        return {
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND,
          message: 'A workflow close command must be the last command.',
        };
      }
    }
    if (Number(command.commandType) === CommandType.COMMAND_TYPE_SCHEDULE_ACTIVITY_TASK) {
      const a = command.scheduleActivityTaskCommandAttributes;
      if (!a?.activityId || !a.activityType?.name) {
        return {
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_SCHEDULE_ACTIVITY_ATTRIBUTES,
          message: 'ActivityId and ActivityType are required.',
        };
      }
      if (!durationToMs(a.startToCloseTimeout) && !durationToMs(a.scheduleToCloseTimeout)) {
        return {
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_BAD_SCHEDULE_ACTIVITY_ATTRIBUTES,
          message: 'A valid StartToClose or ScheduleToCloseTimeout is not set on ScheduleActivityTaskCommand.',
        };
      }
      if (activityIds.has(a.activityId)) {
        return {
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_SCHEDULE_ACTIVITY_DUPLICATE_ID,
          message: `Duplicate activity id ${a.activityId}.`,
        };
      }
      activityIds.add(a.activityId);
    }
    if (Number(command.commandType) === CommandType.COMMAND_TYPE_START_TIMER) {
      const timerId = command.startTimerCommandAttributes?.timerId ?? '';
      if (!timerId || timerIds.has(timerId)) {
        return {
          cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_START_TIMER_DUPLICATE_ID,
          message: `Invalid or duplicate timer id ${timerId}.`,
        };
      }
      timerIds.add(timerId);
    }
    for (const payloads of commandPayloads(command)) {
      for (const p of payloads?.payloads ?? []) {
        if ((p.data?.length ?? 0) > MAX_BLOB_BYTES) {
          return {
            cause: Cause.WORKFLOW_TASK_FAILED_CAUSE_PAYLOADS_TOO_LARGE,
            message: 'Blob data size exceeds limit.',
          };
        }
      }
    }
  }
  return undefined;
}

function commandPayloads(command: temporal.api.command.v1.ICommand): Array<IPayloads | null | undefined> {
  return [
    command.scheduleActivityTaskCommandAttributes?.input,
    command.completeWorkflowExecutionCommandAttributes?.result,
    command.continueAsNewWorkflowExecutionCommandAttributes?.input,
    command.startChildWorkflowExecutionCommandAttributes?.input,
    command.signalExternalWorkflowExecutionCommandAttributes?.input,
  ];
}
