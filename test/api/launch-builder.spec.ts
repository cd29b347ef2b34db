import { DomainError, demoIds, demoOrganisation } from '@cadreflow/domain';
import type { CongressPersonnelLaunch, PersonnelPlanLaunch } from '@cadreflow/workflows/messages';
import { ApiError } from '../../apps/api/src/errors/api-error';
import { buildLaunch } from '../../apps/api/src/procedures/launch-builder';
import type { LaunchForm } from '../../apps/api/src/procedures/launch.dto';
import { sittingMembers } from '../../workflows/test/support/demo-launch.fixture';

const snapshot = { model: demoOrganisation, version: 7, hash: 'a'.repeat(64) };
const launchedBy = {
  actorId: demoIds.people.organizationOfficer,
  role: 'organization-committee' as const,
  bodyId: demoIds.organizationCommittee,
};
const plan = {
  organisationId: demoIds.province,
  executiveCommitteeSeats: 45,
  standingCommitteeSeats: 15,
  deputySecretaries: 3,
  candidateIds: sittingMembers,
};
const form = (fields: object): LaunchForm => fields as LaunchForm;

/** What `build` threw. */
function refusal(build: () => unknown): unknown {
  try {
    build();
  } catch (error) {
    return error;
  }
  throw new Error('the launch was not refused');
}

describe('a launch built from a form and the registry snapshot', () => {
  it('pins the snapshot in the composite congress launch, with the plan, its composition targets as numbers and the congress date', () => {
    const launch = buildLaunch(
      form({
        kind: 'congress-personnel',
        ...plan,
        congressDate: '2027-06-15',
        standards: ['Tiêu chuẩn theo Quy định 214-QĐ/TW'],
        targets: { womenPercent: 15 },
      }),
      snapshot,
      'proc-1',
      launchedBy,
    ) as CongressPersonnelLaunch;
    expect(launch).toMatchObject({
      kind: 'congress-personnel',
      procedureId: 'proc-1',
      bodyId: demoIds.province,
      congressDate: '2027-06-15',
      registry: { version: 7, hash: snapshot.hash, model: demoOrganisation },
    });
    expect(launch.plan).toMatchObject({ executiveCommitteeSeats: 45, candidateIds: sittingMembers });
    expect(launch.plan.standards).toEqual(['Tiêu chuẩn theo Quy định 214-QĐ/TW']);
    expect(launch.plan.targets).toEqual({ womenPercent: 15 });
  });

  it('builds a procedure of its own kind without a parent, from the registry bodies', () => {
    const launch = buildLaunch(
      form({ kind: 'personnel-plan', ...plan }),
      snapshot,
      'proc-2',
      launchedBy,
    ) as PersonnelPlanLaunch;
    expect(launch).toMatchObject({
      kind: 'personnel-plan',
      procedureId: 'proc-2',
      data: { standingCommitteeId: demoIds.standingCommittee, higherBodyId: demoIds.politburo },
    });
    expect(launch).not.toHaveProperty('parentProcedureId');
    expect(launch.registry).toMatchObject({ version: 7 });
  });

  it('refuses a candidate the registry does not know, naming the list item', () => {
    const error = refusal(() =>
      buildLaunch(
        form({
          kind: 'vetting',
          organisationId: demoIds.province,
          congressDate: '2027-06-15',
          candidateIds: ['person/bn-01', 'person/ghost'],
        }),
        snapshot,
        'proc-3',
        launchedBy,
      ),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).toBody()).toMatchObject({
      statusCode: 422,
      code: 'LAUNCH_UNKNOWN_PERSON',
      field: 'candidateIds.1',
      params: { personId: 'person/ghost' },
    });
  });

  it('refuses a plan the rulebook refuses before anything starts (too large a surplus), with the domain code', () => {
    const error = refusal(() =>
      buildLaunch(
        form({ kind: 'personnel-plan', ...plan, executiveCommitteeSeats: 20 }),
        snapshot,
        'proc-4',
        launchedBy,
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION', errorCode: 'PLAN_RULES_BROKEN' });
  });

  it('refuses an organisation without the bodies the procedure needs (a commune has no key-cadres conference)', () => {
    const error = refusal(() =>
      buildLaunch(
        form({
          kind: 'introduction',
          organisationId: 'org/bn-tu-son',
          congressDate: '2027-06-15',
          candidateIds: ['person/bn-01'],
        }),
        snapshot,
        'proc-5',
        launchedBy,
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
  });
});
