import { join, resolve } from 'node:path';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

const root = resolve(__dirname, '..', '..', '..', '..');

/** Where the bundler finds the project's own modules (the tsconfig path aliases workflows may use). */
const aliases: Record<string, string> = {
  '@cadreflow/domain': join(root, 'libs/domain/src'),
  '@cadreflow/workflows': join(root, 'workflows/src'),
};

/**
 * Bundles the procedure workflows (and the pure domain code they import) for the Worker's isolated runtime.
 *
 * @example
 * const workflowBundle = await bundleProcedureWorkflows();
 * await Worker.create({ connection, taskQueue, workflowBundle, activities });
 */
export async function bundleProcedureWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: join(root, 'workflows/src/index.ts'),
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
