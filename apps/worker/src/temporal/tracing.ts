import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { Context, SpanContext } from '@opentelemetry/api';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';

/**
 * Starts OpenTelemetry for the worker process (the activities' and appends' spans) and gives the processor the
 * workflows' spans go to as well: batched to the OTLP/HTTP exporter, which reads the standard `OTEL_EXPORTER_OTLP_*`
 * variables. `shutdown` ends the SDK, sending the batch not yet sent: the process calls it when it stops (SIGTERM),
 * after the worker has stopped, so that the spans of its last seconds are not lost. The API starts its own the same
 * way (apps may not import one another).
 */
export function startWorkerTracing(): { workflowSpans: SpanProcessor; shutdown(): Promise<void> } {
  const processor = new BatchSpanProcessor(new OTLPTraceExporter());
  const sdk = new NodeSDK({ serviceName: 'cadreflow-worker', spanProcessors: [processor], instrumentations: [] });
  sdk.start();
  return { workflowSpans: processor, shutdown: () => sdk.shutdown() };
}

type SinkProcessor = Parameters<typeof makeWorkflowExporter>[0];

/** The fields a span from the sandbox has in OpenTelemetry's SDK 1.x shape, which 2.x names otherwise. */
interface SandboxSpanFields {
  parentSpanId?: string;
  instrumentationLibrary?: ReadableSpan['instrumentationScope'];
}

/**
 * Gives the workflows' spans the 2.x shape before they reach the processor: the SDK's workflow interceptors record
 * them in the sandbox with their own copy of OpenTelemetry's SDK 1.x, whose spans name their parent `parentSpanId`
 * and their scope `instrumentationLibrary`, where 2.x reads `parentSpanContext` and `instrumentationScope`. Without
 * this the OTLP exporter throws on the missing scope, and every span of the batch is lost with it, and a workflow's
 * span would lose its parent.
 */
class SandboxSpanProcessor implements SpanProcessor {
  constructor(private readonly inner: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    const sandboxed = span as ReadableSpan & SandboxSpanFields;
    const own: SpanContext = span.spanContext();
    const parentSpanContext =
      span.parentSpanContext ??
      (sandboxed.parentSpanId
        ? { traceId: own.traceId, spanId: sandboxed.parentSpanId, traceFlags: own.traceFlags }
        : undefined);
    const instrumentationScope = span.instrumentationScope ??
      sandboxed.instrumentationLibrary ?? { name: '@temporalio/interceptors-opentelemetry' };
    this.inner.onEnd(Object.assign(sandboxed, { parentSpanContext, instrumentationScope }));
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
}

/**
 * The sink the workflows' spans leave the sandbox through. The SDK's interceptors are typed against a copy of
 * OpenTelemetry's SDK 1.x of their own, this project runs 2.x: the sink hands the processor plain span objects
 * (`ReadableSpan`) carrying the resource given, translated to the 2.x shape ({@link SandboxSpanProcessor}).
 */
export function workflowSpanSink(processor: SpanProcessor): ReturnType<typeof makeWorkflowExporter> {
  const resource = resourceFromAttributes({ 'service.name': 'cadreflow-worker' });
  return makeWorkflowExporter(new SandboxSpanProcessor(processor) as unknown as SinkProcessor, resource);
}
