/**
 * The last step of `npm run build`: bundles the procedure workflows once, at build time, into
 * `<build folder>/workflows/workflow-bundle.js`, which the compiled worker loads (`workflowBundle: { codePath }`)
 * instead of running webpack at every start.
 *
 * Usage: node -r ./tools/register.js tools/build-workflow-bundle.ts [build folder, default dist]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { PREBUILT_BUNDLE_PATH, bundleWorkerWorkflows } from '../apps/worker/src/temporal/workflow-bundle';

async function main(): Promise<void> {
  const buildFolder = resolve(process.argv[2] ?? 'dist');
  const codePath = join(buildFolder, PREBUILT_BUNDLE_PATH);
  // The bundle a worker run from the sources makes at start, with the same options (OpenTelemetry's interceptors too).
  const bundle = await bundleWorkerWorkflows();
  await mkdir(dirname(codePath), { recursive: true });
  // The code carries its source map inline, which the SDK reads from the file.
  await writeFile(codePath, bundle.code);
  new Logger('build').log(`workflow bundle written to ${codePath} (${Math.round(bundle.code.length / 1024)} KB)`);
}

main().catch((error: unknown) => {
  new Logger('build').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
