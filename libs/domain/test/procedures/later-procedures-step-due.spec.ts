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

const confidenceVote = createConfidenceVoteDecider(rulebooks);
const launchConfidenceVote = (rulebookId?: string) => ({
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
/** A low result, which sends the vote to the higher body's decision. */
const lowVote = {
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

const classification = createClassificationDecider(rulebooks);
const launchClassification = (rulebookId?: string) => ({
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

const cadreOpinion = createCadreOpinionDecider(rulebooks);
const receiveOpinionRequest = (rulebookId?: string) => ({
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

const appointment = createAppointmentDecider(rulebooks);
/** A ratification appointment up to the level above's step: launch, policy, nomination, programme, tally. */
function ratificationUpTo(rulebookId?: string): AppointmentCommand[] {
  const committeeId = 'body/bn-tu-son/executive-committee';
  const member = { personId: 'person/ts-02', role: 'leadership-collective' as const, bodyId: committeeId };
  const higher = { personId: 'person/bn-sc-01', role: 'standing-committee' as const, bodyId: 'body/bn-standing' };
  const person = 'person/ts-10';
  return [
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
}

const election = createElectionDecider(rulebooks);
const electionCandidates = ['person/bn-06', 'person/bn-07', 'person/bn-08'];
const launchElection = (rulebookId: string, alternateSeats?: number): ElectionCommand => ({
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
    candidates: electionCandidates.map((personId) => ({
      personId,
      relativeIds: [],
      source: 'plan' as const,
      delegate: true,
    })),
  },
  actor: actors.organizationOfficer,
  now,
});
const approveList: ElectionCommand = {
  type: 'DecideStep',
  data: { stepId: 'candidate-list', decision: { kind: 'approve' } },
  actor: { personId: 'person/clerk', role: 'congress-presidium', bodyId: demoIds.provincialCongress },
  now,
};
/** One step's deadline, under the test rules and, where the procedure takes them, under the shipped ones. */
interface StepDue {
  procedure: string;
  step: string;
  /** The events of the command that opens the step, the procedure launched under the rules named or the shipped ones. */
  opens: (rulebookId?: string) => readonly DomainEvent[];
  /** The step to read, or the first one the events open. */
  stepId?: string;
  /** Working days from `now` to the due date. */
  days: { test: number; shipped?: number };
}

const stepDues: StepDue[] = [
  {
    procedure: 'confidence vote',
    step: 'the vote',
    opens: (id) => run(confidenceVote, [launchConfidenceVote(id)]),
    stepId: 'vote',
    days: { test: 2, shipped: 5 },
  },
  {
    procedure: 'confidence vote',
    step: 'the higher decision on a low result',
    opens: (id) => run(confidenceVote, [launchConfidenceVote(id), lowVote]),
    days: { test: 3, shipped: 10 },
  },
  {
    procedure: 'classification',
    step: 'the grading',
    opens: (id) => run(classification, [launchClassification(id)]),
    stepId: 'grading-1',
    days: { test: 4, shipped: 10 },
  },
  {
    procedure: 'classification',
    step: 'the approval',
    opens: (id) => run(classification, [launchClassification(id), grade]),
    days: { test: 6, shipped: 20 },
  },
  {
    procedure: 'opinion on cadres',
    step: 'the answer on each cadre',
    opens: (id) => run(cadreOpinion, [receiveOpinionRequest(id)]),
    stepId: 'answer/person/bn-02',
    days: { test: 1, shipped: 10 },
  },
  {
    procedure: 'ratification of an elected member',
    step: 'the level above’s step',
    opens: (id) => run(appointment, ratificationUpTo(id)),
    stepId: 'ratification',
    days: { test: 8, shipped: 10 },
  },
  {
    procedure: 'delegates to the higher congress',
    step: 'the list',
    opens: (id = testRulebook.id) => run(election, [launchElection(id, 1)]),
    stepId: 'candidate-list',
    days: { test: 2 },
  },
  {
    procedure: 'delegates to the higher congress',
    step: 'each round',
    opens: (id = testRulebook.id) => run(election, [launchElection(id, 1), approveList]),
    stepId: 'round-1',
    days: { test: 3 },
  },
  {
    procedure: 'a committee election, which keeps its own rule',
    step: 'the list',
    opens: (id = testRulebook.id) => run(election, [launchElection(id)]),
    stepId: 'candidate-list',
    days: { test: shipped.stepDueWorkingDays.candidateList },
  },
  {
    procedure: 'a committee election, which keeps its own rule',
    step: 'each round',
    opens: (id = testRulebook.id) => run(election, [launchElection(id), approveList]),
    stepId: 'round-1',
    days: { test: shipped.stepDueWorkingDays.electionRound },
  },
];
/** Each step once under the test rules and, where it has a count there, once under the shipped ones. */
const stepDueCases = stepDues.flatMap(({ days, ...step }) => [
  { ...step, rules: 'the test rules', rulebookId: testRulebook.id, days: days.test },
  ...(days.shipped === undefined
    ? []
    : [{ ...step, rules: 'the shipped rules', rulebookId: undefined, days: days.shipped }]),
]);

describe('the step deadlines of the later procedures each have a rule of their own', () => {
  it('counts working days across the weekend and the Hùng Kings’ day: one working day from Friday is Tuesday', () => {
    expect(due(1)).toBe('2025-04-08');
    expect(due(0)).toBe('2025-04-04');
  });

  it.each(stepDueCases)(
    '$procedure: $step under $rules is due in $days working day(s)',
    ({ opens, rulebookId, stepId, days }) => {
      expect(dueOf(opens(rulebookId), stepId)).toBe(due(days));
    },
  );

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
