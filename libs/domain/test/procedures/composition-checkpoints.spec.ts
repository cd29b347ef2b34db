import {
  type CompositionBasis,
  createPersonnelPlanDecider,
  defaultRulebooks,
  demoIds,
  type ElectionCommand,
  electionDecider,
  type ElectionEvent,
  type PersonnelPlanCommand,
  type PersonnelPlanContent,
  personnelPlanDecider,
  rulebookInForce,
  ValidationError,
} from '@cadreflow/domain';
import { runAll } from '../decider-spec.helper';
import { actors } from './demo-actors.fixture';

const now = '2025-11-03T08:00:00Z';
const congressDate = '2026-03-10';
/** 12 candidates: 2 women (16.67%), 1 under 40 (8.33%). */
const people = Array.from({ length: 12 }, (_, i) => `person/p-${i + 1}`);
const basis: CompositionBasis = {
  level: 'province',
  congressDate,
  profiles: people.map((personId, i) => ({
    personId,
    gender: i < 2 ? 'female' : 'male',
    birthDate: i === 11 ? '1990-05-01' : '1970-05-01',
    inStandingCommittee: false,
  })),
};
const plan = (targets?: PersonnelPlanContent['targets']): PersonnelPlanContent => ({
  executiveCommitteeSeats: 10,
  standingCommitteeSeats: 4,
  deputySecretaries: 2,
  candidateIds: people,
  standards: [],
  ...(targets ? { targets } : {}),
});
const draft = (content: PersonnelPlanContent, rulebookId?: string): PersonnelPlanCommand => ({
  type: 'DraftPlan',
  data: {
    procedureId: 'plan-composition',
    organisationId: demoIds.province,
    standingCommitteeId: demoIds.standingCommittee,
    higherBodyId: demoIds.politburo,
    higherRole: 'politburo',
    plan: content,
    composition: basis,
    ...(rulebookId ? { rulebookId } : {}),
  },
  actor: actors.organizationOfficer,
  now,
});
const adopt: PersonnelPlanCommand = {
  type: 'DecideStep',
  data: { stepId: 'adoption-1', decision: { kind: 'approve' } },
  actor: actors.standingMember,
  now,
};

describe('composition targets at plan adoption', () => {
  it('records the check with actual against target, and the plan’s own targets count where they ask more', () => {
    const launched = personnelPlanDecider.decide(
      draft(plan({ womenPercent: 25 })),
      personnelPlanDecider.initialState(),
    );
    const { events } = runAll(personnelPlanDecider, [adopt], launched);
    const checked = events.find((e) => e.type === 'CompositionChecked');
    expect(checked).toEqual({
      type: 'CompositionChecked',
      data: {
        checkpoint: 'plan-adoption',
        enforcement: 'warn',
        level: 'province',
        applies: true,
        ok: false,
        total: 12,
        withoutProfile: [],
        targets: [
          // 10% of 12 → 2 under 40 needed, 1 on the list.
          { target: 'young', required: 2, actual: 1, met: false, display: '1/12 (8.33%)' },
          // The rulebook asks 15% (2 of 12), the plan 25% (3 of 12): 2 women miss the plan's target.
          { target: 'women', required: 3, actual: 2, met: false, display: '2/12 (16.67%)' },
        ],
      },
    });
    // Under `warn` the plan is adopted all the same, the check recorded before it.
    expect(events.map((e) => e.type).slice(-3)).toEqual(['CompositionChecked', 'PlanAdopted', 'StepClosed']);
  });

  it('refuses the adoption under a rulebook that blocks, naming the missed targets, and records nothing', () => {
    const blocking = defaultRulebooks.map((r) =>
      r.pinnedOnly ? r : { ...r, composition: { ...r.composition, enforcement: 'block' as const } },
    );
    const decider = createPersonnelPlanDecider(blocking);
    const launched = decider.decide(draft(plan()), decider.initialState());
    let thrown: unknown;
    try {
      runAll(decider, [adopt], launched);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toMatchObject({
      errorCode: 'COMPOSITION_TARGETS_MISSED',
      params: { targets: ['young'], actual: ['1'], required: ['2'], total: 12 },
    });
  });

  it('checks nothing for a plan under a cycle rulebook recorded before composition was enforced', () => {
    const launched = personnelPlanDecider.decide(
      draft(plan(), 'rulebook/2025-2030'),
      personnelPlanDecider.initialState(),
    );
    const { events } = runAll(personnelPlanDecider, [adopt], launched);
    expect(events.map((e) => e.type)).not.toContain('CompositionChecked');
  });

  it('ships `warn` as the rule of the sets in force, with its reason', () => {
    expect(rulebookInForce('2025-11-03').composition.enforcement).toBe('warn');
    expect(rulebookInForce('2020-11-03').composition.enforcement).toBe('warn');
  });
});

describe('composition targets at the congress’s list approval', () => {
  const launch: ElectionCommand = {
    type: 'LaunchElection',
    data: {
      procedureId: 'election-composition',
      congressId: demoIds.provincialCongress,
      electedBodyId: 'body/bn-bch-next',
      level: 'province',
      congressDate,
      seats: 10,
      presidiumId: demoIds.provincialCongress,
      countingBoardId: demoIds.provincialCongress,
      higherBodyId: demoIds.politburo,
      higherRole: 'politburo',
      candidates: people.map((personId) => ({ personId, relativeIds: [], source: 'plan' as const, delegate: true })),
      composition: { ...basis, targets: { under40Percent: 5 } },
    },
    actor: actors.organizationOfficer,
    now,
  };
  const programmes: ElectionEvent[] = people.map((personId) => ({
    type: 'ActionProgrammeFiled',
    data: { personId, reference: `CTHĐ-${personId}`, filedOn: '2025-11-01' },
  }));

  it('records the check of the list before approving it', () => {
    const launched = [...electionDecider.decide(launch, electionDecider.initialState()), ...programmes];
    expect(launched[1]).toMatchObject({
      type: 'ElectionScheduled',
      data: { checks: expect.arrayContaining(['composition']) as unknown },
    });
    const { events } = runAll(
      electionDecider,
      [
        {
          type: 'DecideStep',
          data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
          actor: { personId: 'person/bn-30', role: 'congress-presidium', bodyId: demoIds.provincialCongress },
          now,
        },
      ],
      launched,
    );
    const types = events.map((e) => e.type);
    expect(types.indexOf('CompositionChecked')).toBe(types.indexOf('CandidateListApproved') - 1);
    expect(events.find((e) => e.type === 'CompositionChecked')).toMatchObject({
      data: {
        checkpoint: 'candidate-list',
        ok: false,
        targets: [
          { target: 'young', required: 2, actual: 1, met: false },
          { target: 'women', required: 2, actual: 2, met: true },
        ],
      },
    });
  });
});
