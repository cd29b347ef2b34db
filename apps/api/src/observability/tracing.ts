import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * Starts OpenTelemetry for the API process: spans batched to the OTLP/HTTP exporter, which reads the standard
 * `OTEL_EXPORTER_OTLP_*` variables (endpoint, headers, timeout), with the trace context propagated in W3C
 * `traceparent` headers and across `await`s. Called only when the configuration turns tracing on. The batch goes out
 * every few seconds; `shutdown` ends the SDK and sends the batch not yet sent, which the process does when it stops
 * (SIGTERM), after the HTTP server has closed, so that the spans of its last requests are not lost.
 */
export function startApiTracing(): { shutdown(): Promise<void> } {
  const sdk = new NodeSDK({
    serviceName: 'cadreflow-api',
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    instrumentations: [],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
