import type { DestinationStream } from 'pino';
import { PinoNestLogger, TemporalPinoLogger, createWorkerLog, nestLevelsFrom } from './worker-logging';

/** A pino logger whose JSON lines are kept, parsed. */
function capture(level: Parameters<typeof nestLevelsFrom>[0] = 'log') {
  const lines: Record<string, unknown>[] = [];
  const destination: DestinationStream = {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  };
  return { log: createWorkerLog({ levels: nestLevelsFrom(level), format: 'json', destination }), lines };
}

describe('the worker’s log', () => {
  it('writes Nest’s lines as pino’s, with their context, an error’s stack under err, and below the level nothing', () => {
    const { log, lines } = capture('log');
    const nest = new PinoNestLogger(log);
    nest.log('polling task queue', 'TemporalWorkerService');
    nest.error('worker stopped', 'Error: boom\n    at x', 'TemporalWorkerService');
    nest.debug('not written', 'TemporalWorkerService');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'TemporalWorkerService', msg: 'polling task queue' }),
      expect.objectContaining({
        level: 50,
        context: 'TemporalWorkerService',
        msg: 'worker stopped',
      }),
    ]);
    expect((lines[1].err as { stack: string }).stack).toBe('Error: boom\n    at x');
  });

  it('keeps the Temporal SDK’s attributes as fields, at the matching level', () => {
    const { log, lines } = capture('debug');
    const temporal = new TemporalPinoLogger(log);
    temporal.debug('Activity completed', {
      sdkComponent: 'worker',
      workflowId: 'proc-1',
      workflowRunId: 'run-1',
      activityType: 'recordEvents',
      taskQueue: 'cadreflow',
      taskToken: 'eyJraW5kIjoiYWN0aXZpdHkifQ==',
      [Symbol.for('log_timestamp')]: 1n,
    });
    temporal.warn('Workflow failed', { error: new Error('boom'), timestampNanos: 5n });
    temporal.trace('not written');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 20,
        context: 'temporal',
        msg: 'Activity completed',
        sdkComponent: 'worker',
        workflowId: 'proc-1',
        workflowRunId: 'run-1',
        activityType: 'recordEvents',
        taskQueue: 'cadreflow',
      }),
      expect.objectContaining({
        level: 40,
        msg: 'Workflow failed',
        timestampNanos: '5',
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('taskToken');
    expect(lines[1].err).toEqual(expect.objectContaining({ message: 'boom', type: 'Error' }));
  });

  it('takes Nest’s levels from LOG_LEVEL', () => {
    expect(nestLevelsFrom('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(nestLevelsFrom('verbose')).toEqual(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']);
  });
});
