import type { DataSource } from 'typeorm';
import { demoIds, demoOrganisation } from '@cadreflow/domain';
import type { EventStore } from '@cadreflow/event-store';
import type { ProcedureStateView } from '@cadreflow/workflows/messages';
import type { ApiSettings } from '../api-settings';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { Visibility } from '../auth/visibility';
import type { IdempotencyService } from '../common/idempotency.service';
import { OrganisationDirectory } from '../organisation/organisation-directory.service';
import type { ProjectionsService } from '../projections/projections.service';
import type { RegistryStore } from '@cadreflow/registry';
import type { TemporalClientHolder } from '../temporal/temporal-client.provider';
import { ProceduresService } from './procedures.service';

const CONGRESS = 'proc-congress-stopped';

/** The composite's state once it stopped at its failed vetting stage, as its ended workflow answers the query. */
const stoppedState: ProcedureStateView = {
  procedureId: CONGRESS,
  kind: 'congress-personnel',
  bodyId: demoIds.province,
  rulebookId: 'rulebook/2025-2030@2025-10-08',
  launchedBy: { actorId: 'person/bn-ot-01', role: 'organization-committee', bodyId: demoIds.organizationCommittee },
  run: 'completed',
  status: 'done',
  streamVersion: 0,
  openSteps: [],
  withdrawnReason: null,
  lastEvent: null,
  detail: { results: [] },
  stages: [
    { stage: 'plan', procedureId: `${CONGRESS}/plan`, state: 'done' },
    { stage: 'introduction', procedureId: `${CONGRESS}/introduction`, state: 'done' },
    {
      stage: 'vetting',
      procedureId: `${CONGRESS}/vetting`,
      state: 'failed',
      failure: { code: 'STAGE_FAILED', params: {} },
    },
    { stage: 'consultation', procedureId: `${CONGRESS}/consultation`, state: 'pending' },
    { stage: 'election', procedureId: `${CONGRESS}/election`, state: 'pending' },
  ],
  stageOpenSteps: [],
  stageOpenStepCount: 0,
};

/**
 * The page of one procedure reads its summary from the read model and, while the workflow can tell more, its state:
 * a running procedure, and a congress stopped at a failed stage (which stage and why). The read model and Temporal
 * are stubbed; the organisation directory is the demo registry's.
 */
describe('ProceduresService.get of a congress stopped at a failed stage', () => {
  const user = { userId: 'user-1' } as unknown as AuthenticatedUser;

  function serviceFor(status: string, query: () => Promise<ProcedureStateView>): ProceduresService {
    const row = {
      procedure_id: CONGRESS,
      root_id: CONGRESS,
      kind: 'congress-personnel',
      body_id: demoIds.province,
      level_kind: 'province',
      status,
      rulebook_id: 'rulebook/2025-2030@2025-10-08',
      launched_by: 'person/bn-ot-01',
      launched_at: new Date('2026-11-03T02:00:00.000Z'),
      ended_at: status === 'running' ? null : new Date('2026-11-20T02:00:00.000Z'),
      outcome: status === 'failed' ? 'vetting-failed' : null,
    };
    const dataSource = { query: () => Promise.resolve([row]) } as unknown as DataSource;
    const temporal = {
      get: () =>
        Promise.resolve({
          workflow: { getHandle: () => ({ query, describe: () => Promise.reject(new Error('not found')) }) },
        }),
    } as unknown as TemporalClientHolder;
    const visibility = { canSee: () => Promise.resolve(true) } as unknown as Visibility;
    return new ProceduresService(
      dataSource,
      temporal,
      {} as ApiSettings,
      visibility,
      {} as IdempotencyService,
      {} as EventStore,
      OrganisationDirectory.fixed(demoOrganisation),
      {} as RegistryStore,
      {} as ProjectionsService,
    );
  }

  it('answers the failed summary with the stage it stopped at and why, from its ended workflow', async () => {
    const detail = await serviceFor('failed', () => Promise.resolve(stoppedState)).get(user, CONGRESS);
    expect(detail.summary).toMatchObject({ status: 'failed', outcome: 'vetting-failed' });
    expect(detail.state?.stages?.find((s) => s.state === 'failed')).toEqual({
      stage: 'vetting',
      procedureId: `${CONGRESS}/vetting`,
      state: 'failed',
      failure: { code: 'STAGE_FAILED', params: {} },
    });
  });

  it('answers the summary alone once Temporal no longer holds the workflow', async () => {
    const gone = (): Promise<ProcedureStateView> => Promise.reject(new Error('workflow not found'));
    const detail = await serviceFor('failed', gone).get(user, CONGRESS);
    expect(detail).toMatchObject({ summary: { status: 'failed' }, state: null });
  });

  it('does not ask Temporal about a completed procedure', async () => {
    let asked = 0;
    const counted = (): Promise<ProcedureStateView> => {
      asked += 1;
      return Promise.resolve(stoppedState);
    };
    const detail = await serviceFor('completed', counted).get(user, CONGRESS);
    expect(detail.state).toBeNull();
    expect(asked).toBe(0);
  });
});
