import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** What the worker process needs to know; provided once at boot (a class, so it is its own DI token). */
export class WorkerSettings {
  constructor(
    readonly databaseUrl: string,
    readonly temporalAddress: string,
    readonly namespace: string,
    readonly taskQueue: string,
    readonly tls: boolean,
    /**
     * Runs the worker keeps in memory between their tasks; when omitted, sized to the heap
     * (`defaultMaxCachedWorkflows`).
     */
    readonly maxCachedWorkflows?: number,
    /** Where the workflows' spans go (the process's own spans go to its tracer provider); none: dropped. */
    readonly workflowSpans?: SpanProcessor,
  ) {}
}
