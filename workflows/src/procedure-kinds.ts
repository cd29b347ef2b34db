import {
  appointmentDecider,
  cadreOpinionDecider,
  createCadreOpinionDecider,
  classificationDecider,
  confidenceVoteDecider,
  createClassificationDecider,
  createConfidenceVoteDecider,
  createAppointmentDecider,
  createElectionDecider,
  createFirstSessionDecider,
  firstSessionDecider,
  firstSessionRoundStepId,
  firstSessionDecisionStepId,
  createIntroductionDecider,
  createPersonnelPlanDecider,
  createVettingDecider,
  rulebooksWithNoticedDaysOnly,
  electionDecider,
  introductionDecider,
  personnelPlanDecider,
  findLinkedPostConflicts,
  relativesOf,
  roundStepId,
  rulebookById,
  rulebookInForce,
  cycleRulebookInForce,
  vettingDecider,
  type Actor,
  type Decider,
  type DomainCommand,
  type DomainEvent,
  type ProcedureCore,
  type Rulebook,
  type VettingCandidate,
} from '@cadreflow/domain';
import { invalidInput } from './domain-failure';
import type { ProcedureLaunch, RegistrySnapshot, SingleProcedureKind, StepDecisionInput } from './messages';

/** A decider seen from the workflow: commands and events are plain JSON, the state carries the common core. */
export type AnyDecider = Decider<DomainCommand, DomainEvent, { readonly core: ProcedureCore; readonly status: string }>;

/** The domain decider of each procedure kind. */
export const deciders: Readonly<Record<SingleProcedureKind, AnyDecider>> = {
  'personnel-plan': personnelPlanDecider,
  introduction: introductionDecider,
  appointment: appointmentDecider,
  vetting: vettingDecider,
  election: electionDecider,
  'confidence-vote': confidenceVoteDecider,
  classification: classificationDecider,
  'cadre-opinion': cadreOpinionDecider,
  'first-session': firstSessionDecider,
};

const noticedDaysOnly = rulebooksWithNoticedDaysOnly();

/**
 * The deciders of procedures launched before the statutory days off were derived past the last known notice: they
 * count working days with the days the notices gave, so their histories replay as recorded.
 */
export const noticedDaysDeciders: Readonly<Record<SingleProcedureKind, AnyDecider>> = {
  'personnel-plan': createPersonnelPlanDecider(noticedDaysOnly),
  introduction: createIntroductionDecider(noticedDaysOnly),
  appointment: createAppointmentDecider(noticedDaysOnly),
  vetting: createVettingDecider(noticedDaysOnly),
  election: createElectionDecider(noticedDaysOnly),
  'confidence-vote': createConfidenceVoteDecider(noticedDaysOnly),
  classification: createClassificationDecider(noticedDaysOnly),
  'cadre-opinion': createCadreOpinionDecider(noticedDaysOnly),
  'first-session': createFirstSessionDecider(noticedDaysOnly),
};

/**
 * The first-session deciders of sessions started before lists were checked for relatives in linked posts, by the
 * working days they count (statutory days off or the notices' only): they replay the lists they accepted.
 */
export const firstSessionDecidersBeforeLinkedRelatives: Readonly<Record<'statutoryDays' | 'noticedDays', AnyDecider>> =
  {
    statutoryDays: createFirstSessionDecider(undefined, { linkedRelatives: false }),
    noticedDays: createFirstSessionDecider(noticedDaysOnly, { linkedRelatives: false }),
  };

const launchCommandType: Readonly<Record<SingleProcedureKind, string>> = {
  'personnel-plan': 'DraftPlan',
  introduction: 'LaunchIntroduction',
  appointment: 'LaunchAppointment',
  vetting: 'RequestVetting',
  election: 'LaunchElection',
  'confidence-vote': 'LaunchConfidenceVote',
  classification: 'LaunchClassification',
  'cadre-opinion': 'ReceiveOpinionRequest',
  'first-session': 'LaunchFirstSession',
};

/**
 * People with their relatives: those named plus those declared in the registry snapshot (a launch's candidates,
 * or a name added from the floor of an election).
 */
export function withRegistryRelatives<T extends { readonly personId: string; readonly relativeIds: readonly string[] }>(
  people: readonly T[],
  registry: RegistrySnapshot,
): T[] {
  return people.map((person) => {
    const declared = relativesOf(registry.model.relations, person.personId).map((r) => r.relativeId);
    const relativeIds = [...person.relativeIds, ...declared.filter((id) => !person.relativeIds.includes(id))];
    return { ...person, relativeIds };
  });
}

/** A vetting candidate with the linked-post conflicts the snapshot shows for their seat added to those given. */
function withLinkedPostConflicts(
  candidate: VettingCandidate,
  registry: RegistrySnapshot,
  rulebook: Rulebook,
): VettingCandidate {
  if (!candidate.seat) return candidate;
  const found = findLinkedPostConflicts(registry.model, rulebook, { personId: candidate.personId, ...candidate.seat });
  const known = new Set(candidate.linkedPostConflicts.map((c) => JSON.stringify(c)));
  return {
    ...candidate,
    linkedPostConflicts: [...candidate.linkedPostConflicts, ...found.filter((c) => !known.has(JSON.stringify(c)))],
  };
}

/**
 * The domain command that launches a procedure (procedure id = workflow id). With a registry snapshot, the
 * candidates' relatives declared in it are added to those the launch names, a vetting candidate's linked-post
 * conflicts for their `seat` are computed from it, and the snapshot's version and hash are recorded on
 * `ProcedureLaunched`. The rulebook and an election's checks are set here only (`rulebookId` from a composite's
 * stage, else the set of rules in force at launch, pinned on `ProcedureLaunched`; the cycle rulebook for a
 * procedure replayed from before rules were dated, `options.cycleRulebook`), and an election's checks
 * (`options.beforeChecks` for a procedure replayed from before the election checks and recorded nomination ties),
 * never taken from the launch data.
 */
export function launchCommand(
  input: ProcedureLaunch,
  actor: Actor,
  now: string,
  options: { readonly beforeChecks?: boolean; readonly cycleRulebook?: boolean } = {},
): DomainCommand {
  const registry = input.registry;
  const {
    rulebookId: _rulebookId,
    checks: _checks,
    recordsTies: _recordsTies,
    ...given
  } = input.data as Record<string, unknown>;
  const data: Record<string, unknown> = { ...given, procedureId: input.procedureId };
  const rulebook = input.rulebookId
    ? rulebookById(input.rulebookId)
    : options.cycleRulebook
      ? cycleRulebookInForce(now)
      : rulebookInForce(now);
  data.rulebookId = rulebook.id;
  if (options.beforeChecks && input.kind === 'election') data.checks = [];
  if (options.beforeChecks && input.kind === 'appointment') data.recordsTies = false;
  if (registry) {
    data.registry = { version: registry.version, hash: registry.hash };
    const candidates = (input.data as { candidates?: ReadonlyArray<{ personId: string; relativeIds: string[] }> })
      .candidates;
    if (candidates) data.candidates = withRegistryRelatives(candidates, registry);
    const members = (input.data as { members?: ReadonlyArray<{ personId: string; relativeIds: string[] }> }).members;
    if (input.kind === 'first-session' && members) data.members = withRegistryRelatives(members, registry);
    if (input.kind === 'vetting') {
      data.candidates = (data.candidates as VettingCandidate[]).map((c) =>
        withLinkedPostConflicts(c, registry, rulebook),
      );
    }
  }
  return { type: launchCommandType[input.kind], data, actor, now };
}

/**
 * Maps a step decision to the domain command that carries it: `DecideStep` for approvals, `RecordTally` for a
 * meeting (B, C), `RecordRoundTally` / `DecideNextRound` for the congress election (F).
 */
export function decisionCommand(
  kind: SingleProcedureKind,
  stepId: string,
  decision: StepDecisionInput,
  actor: Actor,
  now: string,
): DomainCommand {
  switch (decision.kind) {
    case 'approve':
    case 'reject':
    case 'return':
      return { type: 'DecideStep', data: { stepId, decision }, actor, now };
    case 'tally':
      if (kind !== 'introduction' && kind !== 'appointment') {
        throw invalidInput(`A meeting tally is not recorded in a ${kind} procedure`, { stepId });
      }
      return {
        type: 'RecordTally',
        data: decision.relatives
          ? { stepId, tally: decision.tally, relatives: decision.relatives }
          : { stepId, tally: decision.tally },
        actor,
        now,
      };
    case 'round-tally': {
      const round = electionRound(kind, stepId, 'round');
      const { attendance, ballots, tallies } = decision;
      return { type: 'RecordRoundTally', data: { round, attendance, ballots, tallies }, actor, now };
    }
    case 'next-round': {
      electionRound(kind, stepId, 'decision');
      return {
        type: 'DecideNextRound',
        data: { proceed: decision.proceed, candidateIds: decision.candidateIds },
        actor,
        now,
      };
    }
    case 'confidence-tally': {
      if (kind !== 'confidence-vote') {
        throw invalidInput(`A confidence vote's count is not recorded in a ${kind} procedure`, { stepId });
      }
      const { summoned, present, ratings } = decision;
      return { type: 'RecordConfidenceVote', data: { stepId, summoned, present, ratings }, actor, now };
    }
    case 'nomination':
      if (kind !== 'first-session') {
        throw invalidInput(`A list for an office is not proposed in a ${kind} procedure`, { stepId });
      }
      return { type: 'NominateForOffice', data: { stepId, candidateIds: decision.candidateIds }, actor, now };
    case 'classification':
      if (kind !== 'classification') {
        throw invalidInput(`Grades are not recorded in a ${kind} procedure`, { stepId });
      }
      return { type: 'RecordClassification', data: { stepId, grades: decision.grades }, actor, now };
    default: {
      const _never: never = decision;
      return _never;
    }
  }
}

/**
 * The round a step id of the election (`round-<n>`, `decision-<n>`) or of the first session of an executive
 * committee (the same ids, numbered over the session) names.
 */
function electionRound(kind: SingleProcedureKind, stepId: string, prefix: 'round' | 'decision'): number {
  const round = Number(stepId.slice(stepId.lastIndexOf('-') + 1));
  const expected =
    kind === 'first-session'
      ? prefix === 'round'
        ? firstSessionRoundStepId(round)
        : firstSessionDecisionStepId(round)
      : prefix === 'round'
        ? roundStepId(round)
        : `decision-${round}`;
  if (
    (kind !== 'election' && kind !== 'first-session') ||
    !Number.isInteger(round) ||
    round < 1 ||
    stepId !== expected
  ) {
    throw invalidInput(`Step "${stepId}" of a ${kind} procedure is not decided this way`, { stepId });
  }
  return round;
}
