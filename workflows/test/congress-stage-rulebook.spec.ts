import { demoIds, electionDecider, type Actor } from '@cadreflow/domain';
import type { CongressPersonnelLaunch } from '@cadreflow/workflows/messages';
import { CongressStageLaunches } from '../src/congress-stage-launches';
import { launchCommand } from '../src/procedure-kinds';
import { demoActors, organisationWithNewcomers, provincialPlan, registrySnapshot } from './support/demo-launch.fixture';

const model = organisationWithNewcomers(4);
const candidates = ['person/bn-01', 'person/bn-02', 'person/bn-03'];
const composite: CongressPersonnelLaunch = {
  kind: 'congress-personnel',
  procedureId: 'congress/bac-ninh-2025',
  bodyId: demoIds.province,
  launchedBy: demoActors.organizationOfficer,
  plan: provincialPlan(candidates),
  congressDate: '2025-10-15',
  registry: registrySnapshot(model),
};
const presidium: Actor = { personId: 'person/bn-ot-01', role: 'organization-committee', bodyId: demoIds.province };

describe('stages of the congress procedure keep the rulebook of their composite', () => {
  // Launched on 1 May 2024, under the 2020–2025 rules; the election stage starts after they gave way.
  const launchedAt = '2024-05-01T02:00:00.000Z';
  const electionStartsAt = '2025-10-15T01:00:00.000Z';

  it('launches the election stage, started under the 2025–2030 rules, under the 2020–2025 rulebook', () => {
    const launches = new CongressStageLaunches(composite, model, launchedAt, {
      rulebookId: 'rulebook/2020-2025',
      now: () => true,
    });
    const launch = launches.election(3, candidates);
    expect(launch.rulebookId).toBe('rulebook/2020-2025');
    const command = launchCommand(launch, presidium, electionStartsAt);
    const events = electionDecider.decide(command as never, electionDecider.initialState());
    expect(events[0]).toMatchObject({ type: 'ProcedureLaunched', data: { rulebookId: 'rulebook/2020-2025' } });
  });

  it('gives every stage the same rulebook', () => {
    const launches = new CongressStageLaunches(composite, model, launchedAt, {
      rulebookId: 'rulebook/2020-2025',
      now: () => true,
    });
    const stages = [
      launches.plan('plan', composite.plan),
      launches.introduction(candidates),
      launches.vetting(candidates),
      launches.plan('consultation', composite.plan),
      launches.election(3, candidates),
      launches.delegates({ seats: 2, alternateSeats: 1, candidateIds: [...candidates, 'person/bn-04'] }),
    ];
    expect(stages.map((s) => s.rulebookId)).toEqual(Array<string>(6).fill('rulebook/2020-2025'));
  });

  it('launches the delegates stage as an election with alternate seats, on the congress, without the plan targets', () => {
    const launches = new CongressStageLaunches(composite, model, launchedAt, {
      rulebookId: 'rulebook/2020-2025',
      now: () => true,
    });
    const launch = launches.delegates({ seats: 2, alternateSeats: 1, candidateIds: ['person/bn-05', 'person/bn-06'] });
    expect(launch).toMatchObject({
      kind: 'election',
      procedureId: 'congress/bac-ninh-2025/delegates',
      parentProcedureId: 'congress/bac-ninh-2025',
      data: { seats: 2, alternateSeats: 1, congressId: demoIds.provincialCongress },
    });
    expect(launch.data.candidates.map((c) => c.personId)).toEqual(['person/bn-05', 'person/bn-06']);
    expect(launch.data).not.toHaveProperty('composition');
  });

  it('leaves the rulebook out of stages a procedure launched before the pin replays', () => {
    const launches = new CongressStageLaunches(composite, model, launchedAt, {
      rulebookId: 'rulebook/2020-2025',
      now: () => false,
    });
    expect(launches.election(3, candidates)).not.toHaveProperty('rulebookId');
  });
});
