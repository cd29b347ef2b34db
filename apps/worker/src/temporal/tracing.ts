import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter } from '@temporalio/interceptors-opentelemetry';

/**
 * Starts OpenTelemetry for the worker process (the activities' and appends' spans) and gives the processor the
 * workflows' spans go to as well: batched to the OTLP/HTTP exporter, which reads the standard `OTEL_EXPORTER_OTLP_*`
 * variables; the spans of the last seconds before the process is stopped may not go out. The API starts its own the
 * same way (apps may not import one another).
 */
export function startWorkerTracing(): { workflowSpans: SpanProcessor } {
  const processor = new BatchSpanProcessor(new OTLPTraceExporter());
  const sdk = new NodeSDK({ serviceName: 'cadreflow-worker', spanProcessors: [processor], instrumentations: [] });
  sdk.start();
  return { workflowSpans: processor };
}

type SinkProcessor = Parameters<typeof makeWorkflowExporter>[0];

/**
 * The sink the workflows' spans leave the sandbox through. The SDK's interceptors are typed against a copy of
 * OpenTelemetry's SDK 1.x of their own, this project runs 2.x: the sink hands the processor plain span objects
 * (`ReadableSpan`) carrying the resource given, which a 2.x processor reads as its own (the resource types agree).
 */
export function workflowSpanSink(processor: SpanProcessor): ReturnType<typeof makeWorkflowExporter> {
  const resource = resourceFromAttributes({ 'service.name': 'cadreflow-worker' });
  return makeWorkflowExporter(processor as unknown as SinkProcessor, resource);
}
