import { demoIds, personnelPlanDecider, rulebookInForce, type Actor } from '@cadreflow/domain';
import type { CongressPersonnelLaunch } from '@cadreflow/workflows/messages';
import { CongressStageLaunches } from '../src/congress-stage-launches';
import { launchCommand } from '../src/procedure-kinds';
import { demoActors, organisationWithNewcomers, provincialPlan, registrySnapshot } from './support/demo-launch.fixture';

const model = organisationWithNewcomers(4);
/** Twelve people of the registry for ten seats (a surplus of 2). */
const candidates = model.people.slice(0, 12).map((p) => p.id);
const launchedAt = '2025-11-03T02:00:00.000Z';
const composite: CongressPersonnelLaunch = {
  kind: 'congress-personnel',
  procedureId: 'congress/bac-ninh-2026',
  bodyId: demoIds.province,
  launchedBy: demoActors.organizationOfficer,
  plan: {
    ...provincialPlan(candidates),
    executiveCommitteeSeats: 10,
    standingCommitteeSeats: 4,
    deputySecretaries: 2,
    targets: { womenPercent: 20, under40Percent: 10 },
  },
  congressDate: '2026-03-10',
  registry: registrySnapshot(model),
};
const officer: Actor = {
  personId: demoActors.organizationOfficer.actorId,
  role: demoActors.organizationOfficer.role,
  bodyId: demoActors.organizationOfficer.bodyId,
};

describe('the congress stages carry what composition is checked on', () => {
  const launches = new CongressStageLaunches(composite, model, launchedAt, {
    rulebookId: rulebookInForce(launchedAt).id,
    now: () => true,
  });

  it('gives the plan its candidates’ gender and birth date from the registry snapshot, its level and congress day', () => {
    const launch = launches.plan('plan', composite.plan);
    const people = new Map(model.people.map((p) => [p.id, p]));
    expect(launch.data.composition).toEqual({
      level: 'province',
      congressDate: '2026-03-10',
      profiles: composite.plan.candidateIds.map((personId) => ({
        personId,
        gender: people.get(personId)?.gender,
        birthDate: people.get(personId)?.birthDate,
        inStandingCommittee: false,
      })),
    });
    const events = personnelPlanDecider.decide(
      launchCommand(launch, officer, launchedAt) as never,
      personnelPlanDecider.initialState(),
    );
    expect(events.find((e) => e.type === 'PlanDrafted')).toMatchObject({
      data: { plan: { targets: { womenPercent: 20, under40Percent: 10 } }, composition: { level: 'province' } },
    });
  });

  it('gives the election the plan’s targets with the list’s profiles', () => {
    const launch = launches.election(composite.plan.executiveCommitteeSeats, composite.plan.candidateIds);
    expect(launch.data.composition).toMatchObject({
      level: 'province',
      targets: { womenPercent: 20, under40Percent: 10 },
    });
    expect(launch.data.composition?.profiles).toHaveLength(composite.plan.candidateIds.length);
  });
});
