import {
  type AppointmentCommand,
  createAppointmentDecider,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type RuleDefinition,
  createCadreOpinionDecider,
  createClassificationDecider,
  createConfidenceVoteDecider,
  createElectionDecider,
  datedRules,
  datedRuleSets,
  defaultRulebooks,
  demoIds,
  dueAfter,
  type ElectionCommand,
  type ProcedureStepDueWorkingDays,
  type Rulebook,
  rulebookInForce,
  ruleVersionOn,
} from '@cadreflow/domain';
import { actors, meeting } from './demo-actors.fixture';

/** Friday 4 April 2025: the weekend and the Hùng Kings' day (Monday 7 April) follow. */
const now = '2025-04-04T08:00:00Z';
const shipped = rulebookInForce(now);
/** The same rules with other counts for these steps, to show each decider reads its own rule. */
const custom: ProcedureStepDueWorkingDays = {
  confidenceVote: { vote: 2, higherDecision: 3 },
  classification: { grading: 4, approval: 6 },
  cadreOpinion: { answer: 1 },
  appointmentRatification: { ratification: 8 },
  delegates: { candidateList: 2, round: 3 },
};
const testRulebook: Rulebook = { ...shipped, id: 'rulebook/test-step-due', procedureStepDue: custom };
const rulebooks = [...defaultRulebooks, testRulebook];
const due = (days: number): string => dueAfter(now, days, shipped.calendar);

/** The due date of the step the events open (the first one opened, or the one named). */
function dueOf(events: readonly DomainEvent[], stepId?: string): string | undefined {
  const opened = events.find(
    (e) => e.type === 'StepOpened' && (stepId === undefined || (e.data as { stepId?: string }).stepId === stepId),
  );
  return (opened?.data as { dueDate?: string } | undefined)?.dueDate;
}

/** Runs commands from the initial state; the events of the last one. */
function run<C extends DomainCommand, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
): E[] {
  let state = decider.initialState();
  let last: E[] = [];
  for (const command of commands) {
    last = decider.decide(command, state);
    state = last.reduce((current, event) => decider.evolve(current, event), state);
  }
  return last;
}

describe('the step deadlines of the later procedures each have a rule of their own', () => {
  it('counts working days across the weekend and the Hùng Kings’ day: one working day from Friday is Tuesday', () => {
    expect(due(1)).toBe('2025-04-08');
    expect(due(0)).toBe('2025-04-04');
  });

  it('confidence vote: the vote and the higher decision on a low result, from their rule', () => {
    const decider = createConfidenceVoteDecider(rulebooks);
    const launch = (rulebookId?: string) => ({
      type: 'LaunchConfidenceVote' as const,
      data: {
        procedureId: 'confidence/due',
        organisationId: demoIds.province,
        votingBodyId: demoIds.executiveCommittee,
        votingRole: 'executive-committee' as const,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo' as const,
        candidates: [{ personId: 'person/bn-02', relativeIds: [] }],
        ...(rulebookId ? { rulebookId } : {}),
      },
      actor: actors.organizationOfficer,
      now,
    });
    const vote = {
      type: 'RecordConfidenceVote' as const,
      data: {
        stepId: 'vote',
        summoned: 30,
        present: 30,
        ratings: { 'person/bn-02': { high: 5, confidence: 0, low: 25 } },
      },
      actor: { personId: 'person/clerk', role: 'executive-committee' as const, bodyId: demoIds.executiveCommittee },
      now,
    };
    expect(dueOf(run(decider, [launch(testRulebook.id)]), 'vote')).toBe(due(2));
    expect(dueOf(run(decider, [launch()]), 'vote')).toBe(due(5));
    expect(dueOf(run(decider, [launch(testRulebook.id), vote]))).toBe(due(3));
    expect(dueOf(run(decider, [launch(), vote]))).toBe(due(10));
  });

  it('classification: the grading and the approval, from their rule', () => {
    const decider = createClassificationDecider(rulebooks);
    const launch = (rulebookId?: string) => ({
      type: 'LaunchClassification' as const,
      data: {
        procedureId: 'classification/due',
        organisationId: demoIds.province,
        year: 2024,
        committeeBodyId: demoIds.standingCommittee,
        committeeRole: 'standing-committee' as const,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo' as const,
        candidates: [{ personId: 'person/bn-02', relativeIds: [] }],
        ...(rulebookId ? { rulebookId } : {}),
      },
      actor: actors.organizationOfficer,
      now,
    });
    const grade = {
      type: 'RecordClassification' as const,
      data: { stepId: 'grading-1', grades: { 'person/bn-02': 'good' as const } },
      actor: actors.standingMember,
      now,
    };
    expect(dueOf(run(decider, [launch(testRulebook.id)]), 'grading-1')).toBe(due(4));
    expect(dueOf(run(decider, [launch()]), 'grading-1')).toBe(due(10));
    expect(dueOf(run(decider, [launch(testRulebook.id), grade]))).toBe(due(6));
    expect(dueOf(run(decider, [launch(), grade]))).toBe(due(20));
  });

  it('opinion on cadres: the answer on each cadre, from its rule', () => {
    const decider = createCadreOpinionDecider(rulebooks);
    const receive = (rulebookId?: string) => ({
      type: 'ReceiveOpinionRequest' as const,
      data: {
        procedureId: 'opinion/due',
        organisationId: demoIds.province,
        requestingBodyId: demoIds.centralOrganizationCommittee,
        reference: 'Công văn số 1',
        matter: 'Cho ý kiến',
        answeringBodyId: demoIds.standingCommittee,
        answeringRole: 'standing-committee' as const,
        candidates: [{ personId: 'person/bn-02', relativeIds: [] }],
        ...(rulebookId ? { rulebookId } : {}),
      },
      actor: actors.organizationOfficer,
      now,
    });
    expect(dueOf(run(decider, [receive(testRulebook.id)]), 'answer/person/bn-02')).toBe('2025-04-08');
    expect(dueOf(run(decider, [receive()]), 'answer/person/bn-02')).toBe(due(10));
  });

  it('ratification of an elected member: the level above’s step, from its rule', () => {
    const decider = createAppointmentDecider(rulebooks);
    const committeeId = 'body/bn-tu-son/executive-committee';
    const member = { personId: 'person/ts-02', role: 'leadership-collective' as const, bodyId: committeeId };
    const higher = { personId: 'person/bn-sc-01', role: 'standing-committee' as const, bodyId: 'body/bn-standing' };
    const person = 'person/ts-10';
    const commands = (rulebookId?: string): AppointmentCommand[] => [
      {
        type: 'LaunchAppointment',
        data: {
          procedureId: 'appointment/due',
          unitId: 'org/bn-tu-son',
          leadershipCollectiveId: committeeId,
          keyCadresConferenceId: 'body/ts-key-cadres',
          higherBodyId: 'body/bn-standing',
          higherRole: 'standing-committee',
          post: { postId: 'post/ts-member', title: 'Ủy viên Ban Chấp hành', centralManagement: false },
          variant: 'ratification',
          person: { personId: person, relativeIds: [] },
          ...(rulebookId ? { rulebookId } : {}),
        },
        actor: actors.organizationOfficer,
        now,
      },
      { type: 'DecideStep', data: { stepId: 'policy', decision: { kind: 'approve' } }, actor: higher, now },
      { type: 'DecideStep', data: { stepId: 'step-1', decision: { kind: 'approve' } }, actor: member, now },
      {
        type: 'FileActionProgramme',
        data: { personId: person, reference: 'CTHĐ-1' },
        actor: { ...member, personId: person },
        now,
      },
      { type: 'RecordTally', data: { stepId: 'step-5', tally: meeting(9, { [person]: 5 }) }, actor: member, now },
    ];
    expect(dueOf(run(decider, commands(testRulebook.id)), 'ratification')).toBe(due(8));
    expect(dueOf(run(decider, commands()), 'ratification')).toBe(due(10));
  });

  it('delegates to the higher congress: the list and each round, from their rule; a committee election keeps its own', () => {
    const decider = createElectionDecider(rulebooks);
    const people = ['person/bn-06', 'person/bn-07', 'person/bn-08'];
    const launch = (rulebookId: string, alternateSeats?: number): ElectionCommand => ({
      type: 'LaunchElection',
      data: {
        procedureId: 'election/due',
        rulebookId,
        checks: [],
        congressId: demoIds.provincialCongress,
        electedBodyId: demoIds.provincialCongress,
        level: 'province',
        congressDate: '2025-04-20',
        // Two places either way for three names: two seats, or one official and one alternate delegate.
        seats: alternateSeats === undefined ? 2 : 1,
        ...(alternateSeats === undefined ? {} : { alternateSeats }),
        presidiumId: demoIds.provincialCongress,
        countingBoardId: demoIds.provincialCongress,
        higherBodyId: demoIds.politburo,
        higherRole: 'politburo',
        candidates: people.map((personId) => ({ personId, relativeIds: [], source: 'plan' as const, delegate: true })),
      },
      actor: actors.organizationOfficer,
      now,
    });
    const presidium = {
      personId: 'person/clerk',
      role: 'congress-presidium' as const,
      bodyId: demoIds.provincialCongress,
    };
    const approveList: ElectionCommand = {
      type: 'DecideStep',
      data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
      actor: presidium,
      now,
    };
    const withDelegates = launch(testRulebook.id, 1);
    expect(dueOf(run(decider, [withDelegates]), 'candidate-list')).toBe(due(2));
    expect(dueOf(run(decider, [withDelegates, approveList]), 'round-1')).toBe(due(3));
    const committee = launch(testRulebook.id);
    expect(dueOf(run(decider, [committee]), 'candidate-list')).toBe(due(shipped.stepDueWorkingDays.candidateList));
    expect(dueOf(run(decider, [committee, approveList]), 'round-1')).toBe(
      due(shipped.stepDueWorkingDays.electionRound),
    );
  });

  it('keeps in every set of rules the counts these steps used before, so recorded procedures keep their due dates', () => {
    for (const set of datedRuleSets) {
      const before = set.stepDueWorkingDays;
      expect({ set: set.id, due: set.procedureStepDue }).toEqual({
        set: set.id,
        due: {
          confidenceVote: { vote: before.introductionStep, higherDecision: before.higherOpinion },
          classification: { grading: before.planAdoption, approval: before.planReview },
          cadreOpinion: { answer: before.higherOpinion },
          appointmentRatification: { ratification: before.policyApproval },
          delegates: { candidateList: before.candidateList, round: before.electionRound },
        },
      });
    }
  });

  it('each rule is an [A] choice of the engine that takes effect with it, and has no value the day before', () => {
    const rules: RuleDefinition<unknown>[] = [
      datedRules.stepDueConfidenceVote,
      datedRules.stepDueClassification,
      datedRules.stepDueCadreOpinion,
      datedRules.stepDueAppointmentRatification,
      datedRules.stepDueDelegates,
    ];
    for (const rule of rules) {
      expect(rule.tag).toBe('A');
      const first = rule.versions[0];
      expect(first?.document).toBeNull();
      expect(ruleVersionOn(rule, first?.from ?? '')).toBe(first);
      expect(ruleVersionOn(rule, '2019-05-29')).toBeUndefined();
    }
    expect((shipped.rules ?? []).map((r) => r.id)).toEqual(expect.arrayContaining(rules.map((r) => r.id)));
  });
});
