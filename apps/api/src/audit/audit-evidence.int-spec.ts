import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CanActivate, ExecutionContext, INestApplication } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { demoIds } from '@cadreflow/domain';
import { CheckpointSigner, EventStore, TrustedKeys, createDataSource, writeTreeHead } from '@cadreflow/event-store';
import { RegistryStore, importOnFirstStart } from '@cadreflow/registry';
import { apiMigrations } from '../api.module';
import { createEmptyDatabase } from '../../../../test/setup/database';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Visibility } from '../auth/visibility';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import { ApiErrorFilter } from '../errors/api-error.filter';
import { AuditController } from './audit.controller';
import { AuditKeys } from './audit-keys';
import { AuditService } from './audit.service';
import { DossierAccessLogService } from './dossier-access-log.service';

const run = promisify(execFile);

const inspector: AuthenticatedUser = {
  userId: 'u-ubkt',
  username: 'ubkt',
  displayName: 'Ủy ban Kiểm tra',
  personId: null,
  grants: [{ role: 'inspection-committee', bodyId: demoIds.inspectionCommittee }],
};
const approver: AuthenticatedUser = {
  ...inspector,
  userId: 'u-btv',
  grants: [{ role: 'standing-committee', bodyId: demoIds.standingCommittee }],
};

/** Authentication is the JWT guard's business (tested on its own): here the caller is set directly. */
const caller = { current: inspector };
class CallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user = caller.current;
    return true;
  }
}

describe('GET /procedures/:id/evidence (real PostgreSQL, real controller and service)', () => {
  const signer = new CheckpointSigner(generateKeyPairSync('ed25519').privateKey);
  let app: INestApplication;
  let server: Parameters<typeof request>[0];
  let dataSource: DataSource;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const empty = await createEmptyDatabase();
    drop = empty.drop;
    dataSource = createDataSource({
      url: empty.url,
      poolSize: 4,
      extraMigrations: apiMigrations,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    const store = new EventStore(dataSource);
    store.sealWith(signer);
    // Who may see which procedure comes from the organisation registry: the demo province, as on first start.
    await importOnFirstStart(dataSource, store);
    await store.append('plan-9', 0, [
      { type: 'ProcedureLaunched', data: { kind: 'personnel-plan' }, metadata: { actorId: 'u-1' } },
      { type: 'PlanAdopted', data: {}, metadata: { actorId: 'u-2' } },
    ]);
    await writeTreeHead(dataSource, signer, { now: new Date() });
    await dataSource.query(
      `INSERT INTO procedure_summaries (procedure_id, root_id, kind, body_id, status, rulebook_id, launched_by, launched_at, last_position)
       VALUES ('plan-9', 'plan-9', 'personnel-plan', $1, 'running', 'rulebook/2025-2030', 'u-1', now(), 2)`,
      [demoIds.province],
    );
    const directory = new OrganisationDirectory(new RegistryStore(dataSource, store));
    const visibility = new Visibility(directory);
    const module = await Test.createTestingModule({
      controllers: [AuditController],
      providers: [
        AuditService,
        { provide: DataSource, useValue: dataSource },
        { provide: EventStore, useValue: store },
        { provide: Visibility, useValue: visibility },
        { provide: DossierAccessLogService, useValue: new DossierAccessLogService(dataSource, visibility, directory) },
        { provide: AuditKeys, useValue: new AuditKeys(new TrustedKeys([signer.publicKey])) },
        { provide: APP_GUARD, useClass: CallerGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
    }).compile();
    app = module.createNestApplication();
    await app.init();
    server = app.getHttpServer() as Parameters<typeof request>[0];
  });
  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await drop();
  });

  it('downloads a bundle that verifies offline with Node alone', async () => {
    caller.current = inspector;
    const response = await request(server).get('/procedures/plan-9/evidence').buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/javascript/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="evidence-plan-9.cjs"');
    const dir = await mkdtemp(join(tmpdir(), 'cadreflow-evidence-'));
    const file = join(dir, 'evidence-plan-9.cjs');
    const keyFile = join(dir, 'log.pem');
    await writeFile(file, response.body instanceof Buffer ? response.body : String(response.text));
    await writeFile(keyFile, signer.publicKeyPem());
    const { stdout } = await run('node', [file, '--public-key', keyFile]);
    expect(stdout).toMatch(/intact: 2 .* "plan-9"/);
  });

  it('is for inspection committees only, and names an unknown procedure', async () => {
    caller.current = approver;
    expect((await request(server).get('/procedures/plan-9/evidence')).status).toBe(403);
    caller.current = inspector;
    const missing = await request(server).get('/procedures/plan-0/evidence');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND' });
  });
});
