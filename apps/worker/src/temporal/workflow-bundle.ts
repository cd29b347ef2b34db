import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleOption, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const root = resolve(__dirname, '..', '..', '..', '..');

/** Where the bundler finds the project's own modules (the tsconfig path aliases workflows may use). */
const aliases: Record<string, string> = {
  '@cadreflow/domain': join(root, 'libs/domain/src'),
  '@cadreflow/workflows': join(root, 'workflows/src'),
};

/**
 * Modules the Worker's reusable context loads once and shares between workflow runs (deep-frozen), instead of
 * evaluating them again for every run: the pure domain code and the workflow code, neither of which keeps any state
 * of its own at module level (a run's state lives in its workflow function and the SDK's activator). A cached run
 * then holds about 12 KB of the worker's heap instead of about 140 KB, and starting one takes a sixth of the time
 * (`npm run bench -- workflow-runs`).
 * A module added here must keep no per-run state at module level.
 */
export const SHARED_MODULES: readonly string[] = ['@cadreflow/domain', '@cadreflow/workflows'];

/**
 * OpenTelemetry's workflow interceptors: spans of the workflow's updates, signals and activities, carrying the
 * caller's trace on to the activities. They leave the sandbox through the `exporter` sink, which a worker running
 * such a bundle must register (the production worker does, with a processor that drops them while tracing is off).
 */
const OPENTELEMETRY_WORKFLOW_INTERCEPTORS =
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');

/**
 * Bundles the procedure workflows (and the pure domain code they import) for the Worker's isolated runtime, with
 * `sharedModules` (by default {@link SHARED_MODULES}) loaded once per context; with `tracing`, with OpenTelemetry's
 * workflow interceptors (every worker's bundle has them, see {@link bundleWorkerWorkflows}; tests may leave them out).
 *
 * @example
 * const workflowBundle = await bundleProcedureWorkflows();
 * await Worker.create({ connection, taskQueue, workflowBundle, activities });
 */
export async function bundleProcedureWorkflows(
  sharedModules: readonly string[] = SHARED_MODULES,
  options: { tracing?: boolean } = {},
): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: join(root, 'workflows/src/index.ts'),
    preloadModules: [...sharedModules],
    workflowInterceptorModules: options.tracing ? [OPENTELEMETRY_WORKFLOW_INTERCEPTORS] : [],
    logger: {
      trace: () => undefined,
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      log: () => undefined,
    },
    webpackConfigHook: (config) => {
      config.resolve = {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), ...aliases },
      };
      return config;
    },
  });
}

/**
 * The bundle every worker runs, whichever way it starts: the build writes it once (`npm run build`), a worker run from
 * the TypeScript sources (`npm start`) bundles it at start; both through this one function, so that the two carry the
 * same shared modules and the same OpenTelemetry workflow interceptors (tracing is then turned on or off by each
 * worker's OTEL_* variables, and a history recorded under one replays under the other).
 */
export function bundleWorkerWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleProcedureWorkflows(SHARED_MODULES, { tracing: true });
}

/** Where `npm run build` writes the workflow bundle, relative to the build's root folder (`dist/`). */
export const PREBUILT_BUNDLE_PATH = join('workflows', 'workflow-bundle.js');

/** The compiled worker was started without the workflow bundle `npm run build` writes beside it. */
export class PrebuiltBundleMissingError extends Error {
  constructor(readonly codePath: string) {
    super(`The workflow bundle ${codePath} is missing: run \`npm run build\`, which writes it.`);
    this.name = 'PrebuiltBundleMissingError';
  }
}

/**
 * The workflow bundle the worker runs. The compiled build (`npm run build`, `npm run start:worker`) loads the bundle
 * the build wrote, so that a worker starts without webpack and every replica runs byte-for-byte the same workflow
 * code; run from the TypeScript sources (`npm start`, tests) it bundles the sources at start instead, with the same
 * options ({@link bundleWorkerWorkflows}).
 */
export async function procedureWorkflowBundle(): Promise<WorkflowBundleOption> {
  if (!__filename.endsWith('.js')) return bundleWorkerWorkflows();
  const codePath = join(root, PREBUILT_BUNDLE_PATH);
  if (!existsSync(codePath)) throw new PrebuiltBundleMissingError(codePath);
  return Promise.resolve({ codePath });
}
