import { standingCommitteeComposition } from '../../checks/composition.check';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type PostKind } from '../../organisation/organisation.types';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, ValidationError } from '../../shared/domain.error';
import { type Decider } from '../../shared/message.types';
import { evaluateQuorum } from '../../voting/quorum.rule';
import { countElectionRound, roundCountEvents } from '../../voting/round-count.rule';
import { checkSurplus } from '../../voting/surplus.rule';
import { type DecideStep } from '../common/common.commands';
import {
  assertActorRole,
  assertListedOnce,
  assertNotLaunched,
  assertRunning,
  authorityOf,
  authorizeStep,
  coreRulebook,
  decideCommon,
  decisionNotRejectable,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type DecideNextRound, type RecordRoundTally } from '../election/election.commands';
import {
  FIRST_SESSION_OFFICES,
  type FirstSessionCommand,
  type FirstSessionOffice,
  type FirstSessionSeats,
  type LaunchFirstSession,
  type NominateForOffice,
} from './first-session.commands';
import { type FirstSessionEvent, type FirstSessionResult, type FirstSessionRoundOpened } from './first-session.events';
import { evolveFirstSession, initialFirstSessionState, type FirstSessionState } from './first-session.state';

/** Step id of the list of the office opened as step `n`. */
export const firstSessionListStepId = (n: number): string => `list-${n}`;
/** Step id of round `n` of the session. */
export const firstSessionRoundStepId = (n: number): string => `round-${n}`;
/** Step id of the decision on a further round after round `n`. */
export const firstSessionDecisionStepId = (n: number): string => `decision-${n}`;

/** The seats of an office: one secretary and one chair, the rest as the launch set them. */
export function officeSeats(office: FirstSessionOffice, seats: FirstSessionSeats): number {
  switch (office) {
    case 'standing-committee':
      return seats.standingCommittee;
    case 'deputy-secretaries':
      return seats.deputySecretaries;
    case 'inspection-committee':
      return seats.inspectionCommittee;
    case 'secretary':
    case 'inspection-chair':
      return 1;
    default: {
      const _never: never = office;
      return _never;
    }
  }
}

/**
 * Who may stand for an office: any member for the standing and the inspection committee; the secretary from the
 * standing committee; deputy secretaries from the standing committee but the secretary; the inspection committee's
 * chair from its members.
 */
export function eligibleFor(
  office: FirstSessionOffice,
  memberIds: readonly string[],
  elected: FirstSessionResult,
): readonly string[] {
  switch (office) {
    case 'standing-committee':
    case 'inspection-committee':
      return memberIds;
    case 'secretary':
      return elected['standing-committee'];
    case 'deputy-secretaries':
      return elected['standing-committee'].filter((id) => !elected.secretary.includes(id));
    case 'inspection-chair':
      return elected['inspection-committee'];
    default: {
      const _never: never = office;
      return _never;
    }
  }
}

/** The post each office of a single person gives, as QĐ 205/114's linked-post rules name posts. */
const OFFICE_POSTS: Partial<Record<FirstSessionOffice, PostKind>> = {
  secretary: 'secretary',
  'deputy-secretaries': 'deputy-secretary',
  'inspection-chair': 'inspection-committee-chair',
};

/**
 * The offices of the session linked to `office` by the rulebook's rules of QĐ 205/114 (`linkedPosts`): the
 * secretary, the deputy secretaries and the inspection committee's chair by `same-organisation-key-posts` (they are
 * posts of the same committee), the standing committee to itself by `same-body-members`. Plain membership of the
 * inspection committee is linked to nothing.
 */
export function linkedOffices(office: FirstSessionOffice, rulebook: Rulebook): readonly FirstSessionOffice[] {
  if (office === 'standing-committee') {
    const sameBody = rulebook.linkedPosts.some(
      (rule) => rule.kind === 'same-body-members' && rule.bodyKinds.includes('standing-committee'),
    );
    return sameBody ? ['standing-committee'] : [];
  }
  const post = OFFICE_POSTS[office];
  if (!post) return [];
  const kinds = new Set(
    rulebook.linkedPosts.flatMap((rule) =>
      rule.kind === 'same-organisation-key-posts' && rule.postKinds.includes(post) ? rule.postKinds : [],
    ),
  );
  return FIRST_SESSION_OFFICES.filter((o) => {
    const kind = OFFICE_POSTS[o];
    return kind !== undefined && kinds.has(kind);
  });
}

/** Whether either of two members declared the other a relative (the registry's snapshot at launch). */
function relatives(state: FirstSessionState, a: string, b: string): boolean {
  const declared = (from: string, to: string): boolean =>
    state.members.some((m) => m.personId === from && m.relativeIds.includes(to));
  return a !== b && (declared(a, b) || declared(b, a));
}

/**
 * Relatives who would hold linked posts at once (QĐ 205/114) if the list were elected: a candidate who is a relative
 * of someone this sitting already elected to a linked office, or of another candidate of the same list when the list
 * fills two seats or more (both could be elected). Two relatives on a list for one seat are allowed: only one of them
 * can win it. The check reads the relatives the members declared at launch and looks no further than this sitting's
 * results (a returned sitting elects anew). Returns the candidates concerned and their relatives, each once.
 */
export function linkedRelatives(
  state: FirstSessionState,
  office: FirstSessionOffice,
  candidateIds: readonly string[],
  seats: number,
  rulebook: Rulebook,
): { personIds: string[]; relativeIds: string[] } {
  const linked = linkedOffices(office, rulebook);
  const holders = [...new Set(linked.flatMap((o) => state.elected[o]))];
  const personIds = new Set<string>();
  const relativeIds = new Set<string>();
  candidateIds.forEach((id, i) => {
    const together = linked.includes(office) && seats >= 2 ? candidateIds.slice(i + 1) : [];
    for (const other of [...holders, ...together]) {
      if (relatives(state, id, other)) {
        personIds.add(id);
        relativeIds.add(other);
      }
    }
  });
  return { personIds: [...personIds], relativeIds: [...relativeIds] };
}

function seatsProblem(seats: FirstSessionSeats, members: number): { field: string; min: number; max: number } | null {
  const whole = (n: number): boolean => Number.isSafeInteger(n);
  const deputies = seats.deputySecretaries;
  if (!whole(deputies) || deputies < 0 || deputies > members - 2) {
    return { field: 'deputySecretaries', min: 0, max: Math.max(0, members - 2) };
  }
  // The standing committee holds the secretary and the deputies, and is smaller than the executive committee.
  const standing = seats.standingCommittee;
  if (!whole(standing) || standing < 1 + deputies || standing >= members) {
    return { field: 'standingCommittee', min: 1 + deputies, max: members - 1 };
  }
  const inspection = seats.inspectionCommittee;
  if (!whole(inspection) || inspection < 1 || inspection > members) {
    return { field: 'inspectionCommittee', min: 1, max: members };
  }
  return null;
}

/** How a first-session decider is built. */
export interface FirstSessionDeciderOptions {
  /** Refuse lists that would seat relatives in linked posts at once (false for sessions started before the rule). */
  readonly linkedRelatives: boolean;
}

/**
 * Builds the decider of the first session of a newly elected executive committee (phiên họp thứ nhất của Ban Chấp
 * hành khóa mới): office by office (standing committee, secretary, deputy secretaries, inspection committee, its
 * chair), the committee proposes a list from those who may stand, the counting board records each round, counted as
 * the congress election counts (the rulebook's election base and threshold, seats by votes, a tie at the last seat
 * under the tie rule, a further round at the committee's decision) after the executive committee's quorum; once the
 * standing committee is elected its composition is checked (at least one woman, `CompositionChecked`); the higher
 * committee ratifies the results or returns them, and the committee elects again at a new sitting.
 *
 * [A] A list may name as many candidates as seats (no surplus is required inside the committee); a list with a
 * surplus keeps the congress's cap. Under `composition.enforcement: 'block'` a standing-committee list with too few
 * women is refused, and results whose standing committee misses the target can only be returned. A list that could
 * seat relatives in linked posts at once (QĐ 205/114, `linkedRelatives`) is refused, unless
 * `options.linkedRelatives` is false: sessions started before the check replay the lists they accepted.
 */
export function createFirstSessionDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
  options: FirstSessionDeciderOptions = { linkedRelatives: true },
): Decider<FirstSessionCommand, FirstSessionEvent, FirstSessionState> {
  const fold = (state: FirstSessionState, events: readonly FirstSessionEvent[]): FirstSessionState =>
    events.reduce(evolveFirstSession, state);

  function openOffice(
    state: FirstSessionState,
    office: FirstSessionOffice,
    sitting: number,
    now: string,
    rulebook: Rulebook,
  ): FirstSessionEvent[] {
    const memberIds = state.members.map((m) => m.personId);
    const elected = sitting === state.sitting ? state.elected : emptyResult();
    const seats = officeSeats(office, state.seats);
    const eligibleIds = eligibleFor(office, memberIds, elected);
    const n = state.stepNumber + 1;
    return [
      { type: 'FirstSessionOfficeOpened', data: { office, sitting, seats, eligibleIds } },
      {
        type: 'StepOpened',
        data: {
          stepId: firstSessionListStepId(n),
          kind: 'first-session-list',
          params: { office, seats, sitting },
          name: `The executive committee proposes the candidates for ${office} (${seats} seat(s))`,
          ...authorityOf(state.core, 'session'),
          dueDate: dueAfter(now, rulebook.firstSession.stepDueWorkingDays.candidateList, rulebook.calendar),
          decision: 'nomination',
          subjectIds: [],
        },
      },
    ];
  }

  function openRound(
    state: FirstSessionState,
    data: FirstSessionRoundOpened['data'],
    now: string,
    rulebook: Rulebook,
  ): FirstSessionEvent[] {
    return [
      { type: 'FirstSessionRoundOpened', data },
      {
        type: 'StepOpened',
        data: {
          stepId: firstSessionRoundStepId(data.round),
          kind: 'first-session-round',
          params: { office: data.office, round: data.round, seats: data.seats },
          name: `Round ${data.round} for ${data.office}: ${data.seats} seat(s), secret ballot`,
          ...authorityOf(state.core, 'countingBoard'),
          dueDate: dueAfter(now, rulebook.firstSession.stepDueWorkingDays.round, rulebook.calendar),
          decision: 'tally',
          subjectIds: data.candidateIds,
        },
      },
    ];
  }

  /** The office is elected: the standing committee's composition checked, then the next office or the results. */
  function officeFilled(state: FirstSessionState, now: string, rulebook: Rulebook): FirstSessionEvent[] {
    const current = state.office;
    if (!current) return [];
    const elected = state.elected[current.office];
    const events: FirstSessionEvent[] = [
      {
        type: 'FirstSessionOfficeFilled',
        data: { office: current.office, elected, seatsUnfilled: Math.max(0, current.seats - elected.length) },
      },
    ];
    if (current.office === 'standing-committee' && state.level) {
      const composition = standingCommitteeComposition(
        elected,
        { level: state.level, congressDate: state.sessionDate, profiles: compositionProfiles(state) },
        rulebook,
      );
      if (composition) events.push({ type: 'CompositionChecked', data: composition });
    }
    const after = fold(state, events);
    const next = FIRST_SESSION_OFFICES.slice(FIRST_SESSION_OFFICES.indexOf(current.office) + 1).find(
      (office) => officeSeats(office, state.seats) > 0,
    );
    if (next) return [...events, ...openOffice(after, next, state.sitting, now, rulebook)];
    const subjects = [...new Set(Object.values(after.elected).flat())];
    return [
      ...events,
      { type: 'FirstSessionConcluded', data: { result: after.elected } },
      {
        type: 'StepOpened',
        data: {
          stepId: 'ratification',
          kind: 'first-session-ratification',
          params: { sitting: state.sitting },
          name: 'The higher committee ratifies the results of the first session',
          ...authorityOf(state.core, 'higher'),
          dueDate: dueAfter(now, rulebook.firstSession.stepDueWorkingDays.ratification, rulebook.calendar),
          decision: 'approval',
          subjectIds: subjects,
        },
      },
    ];
  }

  function launch(command: LaunchFirstSession, state: FirstSessionState): FirstSessionEvent[] {
    assertNotLaunched(state.core, command);
    assertActorRole(
      command.actor,
      'organization-committee',
      "The first session's procedure is launched by the Organization Committee",
    );
    const { data } = command;
    const memberIds = data.members.map((m) => m.personId);
    if (memberIds.length < 3) {
      throw new ValidationError(
        `The executive committee needs at least 3 members to elect its offices, got ${memberIds.length}`,
        {},
        { code: 'FIRST_SESSION_MEMBERS_TOO_FEW', params: { members: memberIds.length, min: 3 } },
      );
    }
    assertListedOnce(memberIds, 'The committee names someone twice');
    const problem = seatsProblem(data.seats, memberIds.length);
    if (problem) {
      throw new ValidationError(
        `seats.${problem.field} must be a whole number from ${problem.min} to ${problem.max} for a committee of ${memberIds.length}`,
        { [`seats.${problem.field}`]: ['invalid'] },
        {
          code: 'FIRST_SESSION_SEATS_INVALID',
          params: { field: problem.field, min: problem.min, max: problem.max, members: memberIds.length },
        },
      );
    }
    const rulebook = launchRulebook(command, rulebooks);
    const launched: FirstSessionEvent[] = [
      {
        type: 'ProcedureLaunched',
        data: {
          procedureId: data.procedureId,
          kind: 'first-session',
          bodyId: data.organisationId,
          rulebookId: rulebook.id,
          launchedBy: command.actor,
          launchedAt: command.now,
          ...(data.registry ? { registry: data.registry } : {}),
          higherBodyId: data.higherBodyId,
          concerned: data.members.map((m) => ({ personId: m.personId, relativeIds: m.relativeIds })),
          authorities: {
            session: { role: 'executive-committee', bodyId: data.executiveCommitteeId },
            countingBoard: { role: 'counting-board', bodyId: data.countingBoardId },
            higher: { role: data.higherRole, bodyId: data.higherBodyId },
          },
        },
      },
      {
        type: 'FirstSessionScheduled',
        data: {
          executiveCommitteeId: data.executiveCommitteeId,
          level: data.level,
          sessionDate: data.sessionDate,
          seats: data.seats,
          members: data.members,
        },
      },
    ];
    const after = fold(state, launched);
    return [...launched, ...openOffice(after, 'standing-committee', 1, command.now, rulebook)];
  }

  /** Refuses a list that names a non-member, someone who may not stand for the office, or too few. */
  function checkList(
    state: FirstSessionState,
    office: FirstSessionOffice,
    candidateIds: readonly string[],
    seats: number,
    eligibleIds: readonly string[],
    rulebook: Rulebook,
  ): void {
    assertListedOnce(candidateIds);
    const memberIds = state.members.map((m) => m.personId);
    const outsiders = candidateIds.filter((id) => !memberIds.includes(id));
    if (outsiders.length > 0) {
      throw new ValidationError(
        `Only members of the new executive committee stand at its first session; not members: ${outsiders.join(', ')}`,
        { outsiders },
        { code: 'FIRST_SESSION_CANDIDATE_NOT_MEMBER', params: { personIds: outsiders } },
      );
    }
    const ineligible = candidateIds.filter((id) => !eligibleIds.includes(id));
    if (ineligible.length > 0) {
      throw new ValidationError(
        `${ineligible.join(', ')} may not stand for ${office}`,
        { ineligible },
        { code: 'FIRST_SESSION_CANDIDATE_NOT_ELIGIBLE', params: { personIds: ineligible, office } },
      );
    }
    const needed = Math.min(seats, eligibleIds.length);
    if (candidateIds.length === 0 || candidateIds.length < needed) {
      throw new ValidationError(
        `${candidateIds.length} candidate(s) for ${seats} seat(s) of ${office}: list at least ${Math.max(1, needed)}`,
        {},
        {
          code: 'FIRST_SESSION_TOO_FEW_CANDIDATES',
          params: { office, candidates: candidateIds.length, seats, required: Math.max(1, needed) },
        },
      );
    }
    if (candidateIds.length > seats) {
      const surplus = checkSurplus(seats, candidateIds.length, rulebook.surplus);
      if (!surplus.ok) {
        throw new ValidationError(
          `The list for ${office} breaks the surplus rule of ${rulebook.id}: ${surplus.problems.join('; ')}`,
          { problems: surplus.problems },
          { code: 'SURPLUS_RULE_BROKEN', params: { problems: surplus.problems, rulebookId: rulebook.id } },
        );
      }
    }
  }

  /**
   * Refuses a list that could put relatives in linked posts at once (`linkedRelatives`). The rulebook gives the
   * relatives check no warn-only mode (vetting records what it finds and blocks the candidate), so the session
   * refuses the list, naming the candidates and their relatives; the committee proposes another.
   */
  function assertNoLinkedRelatives(
    state: FirstSessionState,
    office: FirstSessionOffice,
    candidateIds: readonly string[],
    seats: number,
    rulebook: Rulebook,
  ): void {
    if (!options.linkedRelatives) return;
    const { personIds, relativeIds } = linkedRelatives(state, office, candidateIds, seats, rulebook);
    if (personIds.length === 0) return;
    throw new ValidationError(
      `${personIds.join(', ')} may not stand for ${office}: a relative (${relativeIds.join(', ')}) would hold a post linked to it (QĐ 205/114)`,
      { personIds, relativeIds },
      { code: 'FIRST_SESSION_RELATIVES_LINKED_POSTS', params: { office, personIds, relativeIds } },
    );
  }

  /** Under `block`, a standing-committee list with fewer women than the target can never meet it. */
  function assertWomenOnList(state: FirstSessionState, candidateIds: readonly string[], rulebook: Rulebook): void {
    const rules = rulebook.composition;
    if (rules.enforcement !== 'block' || !state.level || !rules.appliesToLevels.includes(state.level)) return;
    const women = state.members.filter((m) => candidateIds.includes(m.personId) && m.gender === 'female').length;
    if (women < rules.womenInStandingCommittee) {
      throw compositionMissed(women, rules.womenInStandingCommittee, candidateIds.length, rulebook);
    }
  }

  function nominate(command: NominateForOffice, state: FirstSessionState): FirstSessionEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: false,
      commandType: command.type,
    });
    const current = state.office;
    if (state.status !== 'NOMINATING' || !current || !step.stepId.startsWith('list-')) {
      throw new IllegalTransitionError(`Step "${step.stepId}" is not decided by a list`, state.status, command.type, {
        code: 'STEP_NOT_APPROVAL',
        params: { stepId: step.stepId },
      });
    }
    const rulebook = coreRulebook(state.core, rulebooks);
    const { candidateIds } = command.data;
    checkList(state, current.office, candidateIds, current.seats, current.eligibleIds, rulebook);
    assertNoLinkedRelatives(state, current.office, candidateIds, current.seats, rulebook);
    if (current.office === 'standing-committee') assertWomenOnList(state, candidateIds, rulebook);
    const n = state.stepNumber + 1;
    return [
      {
        type: 'FirstSessionCandidatesNominated',
        data: { office: current.office, candidateIds, nominatedBy: command.actor.personId },
      },
      { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'approved' } },
      ...openRound(
        state,
        {
          office: current.office,
          round: n,
          seats: Math.min(current.seats, candidateIds.length),
          candidateIds,
          reason: 'first',
        },
        command.now,
        rulebook,
      ),
    ];
  }

  function recordRound(command: RecordRoundTally, state: FirstSessionState): FirstSessionEvent[] {
    assertRunning(state.core, command);
    const round = state.round;
    if (state.status !== 'VOTING' || !round || command.data.round !== round.round) {
      throw new IllegalTransitionError(
        `Round ${command.data.round} is not open for counting`,
        state.status,
        command.type,
        { code: 'ROUND_NOT_OPEN', params: { round: command.data.round } },
      );
    }
    const stepId = firstSessionRoundStepId(round.round);
    authorizeStep(state.core, stepId, command.actor, { fourEyes: false, commandType: command.type });
    const { attendance, ballots, tallies } = command.data;
    if (attendance.kind !== 'all-members' || attendance.officialMembers !== state.members.length) {
      const given = attendance.kind === 'all-members' ? attendance.officialMembers : attendance.delegatesConvened;
      throw new ValidationError(
        `The executive committee has ${state.members.length} members; the count gives ${given}`,
        { 'attendance.officialMembers': ['invalid'] },
        {
          code: 'FIRST_SESSION_ATTENDANCE_MISMATCH',
          params: { members: state.members.length, given },
        },
      );
    }
    if (ballots.issued > attendance.present) {
      throw new ValidationError(
        `${ballots.issued} ballots issued to ${attendance.present} present; check the count`,
        { issued: ballots.issued, present: attendance.present },
        { code: 'BALLOTS_ISSUED_OVER_PRESENT', params: { issued: ballots.issued, present: attendance.present } },
      );
    }
    const rulebook = coreRulebook(state.core, rulebooks);
    const summoned = attendance.officialMembers;
    const quorum = evaluateQuorum({ summoned, present: attendance.present }, rulebook.quorum.executiveCommittee);
    const convened: FirstSessionEvent = {
      type: 'MeetingConvened',
      data: { stepId, summoned, present: attendance.present },
    };
    if (!quorum.quorate) {
      // The round stays open: the count is recorded once the committee sits with its quorum.
      return [
        convened,
        { type: 'QuorumFailed', data: { stepId, summoned, present: attendance.present, required: quorum.required } },
      ];
    }
    const count = { attendance, ballots, tallies };
    const outcome = countElectionRound(count, round, {
      base: rulebook.decision.bases.election,
      threshold: rulebook.decision.threshold,
    });
    const { base, allocation } = outcome;
    const events: FirstSessionEvent[] = [
      convened,
      ...roundCountEvents(stepId, count, outcome),
      ...allocation.elected.map((personId): FirstSessionEvent => ({
        type: 'FirstSessionMemberElected',
        data: { office: round.office, personId, round: round.round, votes: tallies[personId] ?? 0, base },
      })),
    ];
    if (allocation.tie) events.push({ type: 'TieDetected', data: { round: round.round, ...allocation.tie } });
    events.push(
      {
        type: 'FirstSessionRoundClosed',
        data: {
          office: round.office,
          round: round.round,
          elected: allocation.elected,
          seatsLeft: allocation.seatsLeft,
        },
      },
      { type: 'StepClosed', data: { stepId, outcome: 'recorded' } },
    );
    const after = fold(state, events);
    if (allocation.seatsLeft === 0) return [...events, ...officeFilled(after, command.now, rulebook)];
    if (allocation.tie && rulebook.election.tieRule === 'revote-among-tied') {
      return [
        ...events,
        ...openRound(
          after,
          {
            office: round.office,
            round: after.stepNumber + 1,
            seats: allocation.tie.seats,
            candidateIds: allocation.tie.personIds,
            reason: 'tie',
          },
          command.now,
          rulebook,
        ),
      ];
    }
    return [
      ...events,
      {
        type: 'StepOpened',
        data: {
          stepId: firstSessionDecisionStepId(after.stepNumber + 1),
          kind: 'first-session-next-round',
          params: { office: round.office, round: round.round, seatsLeft: allocation.seatsLeft },
          name: `${allocation.seatsLeft} seat(s) of ${round.office} left: the committee decides whether to vote again`,
          ...authorityOf(state.core, 'session'),
          dueDate: dueAfter(command.now, rulebook.firstSession.stepDueWorkingDays.nextRound, rulebook.calendar),
          decision: 'approval',
          subjectIds: [],
        },
      },
    ];
  }

  function nextRound(command: DecideNextRound, state: FirstSessionState): FirstSessionEvent[] {
    assertRunning(state.core, command);
    const current = state.office;
    const stepId = firstSessionDecisionStepId(state.stepNumber);
    if (state.status !== 'AWAITING_DECISION' || !current) {
      throw new IllegalTransitionError('No decision on a further round is pending', state.status, command.type, {
        code: 'NO_ROUND_DECISION_PENDING',
      });
    }
    authorizeStep(state.core, stepId, command.actor, { fourEyes: false, commandType: command.type });
    const rulebook = coreRulebook(state.core, rulebooks);
    const closed: FirstSessionEvent = { type: 'StepClosed', data: { stepId, outcome: 'approved' } };
    if (!command.data.proceed) return [closed, ...officeFilled(fold(state, [closed]), command.now, rulebook)];
    const elected = state.elected[current.office];
    const seatsLeft = current.seats - elected.length;
    const stillEligible = current.eligibleIds.filter((id) => !elected.includes(id));
    const chosen = command.data.candidateIds;
    const taken = chosen.filter((id) => elected.includes(id));
    if (taken.length > 0) {
      throw new ValidationError(
        `A further round may list only candidates not yet elected; check ${taken.join(', ')}`,
        { invalid: taken },
        { code: 'NEXT_ROUND_CANDIDATES_INVALID', params: { invalid: taken } },
      );
    }
    checkList(state, current.office, chosen, seatsLeft, stillEligible, rulebook);
    assertNoLinkedRelatives(state, current.office, chosen, seatsLeft, rulebook);
    return [
      closed,
      ...openRound(
        state,
        {
          office: current.office,
          round: state.stepNumber + 1,
          seats: Math.min(seatsLeft, chosen.length),
          candidateIds: chosen,
          reason: 'committee-decision',
        },
        command.now,
        rulebook,
      ),
    ];
  }

  function ratify(command: DecideStep, state: FirstSessionState): FirstSessionEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
    });
    if (state.status !== 'AWAITING_RATIFICATION' || step.stepId !== 'ratification') {
      throw new IllegalTransitionError(`Step "${step.stepId}" is not decided by approval`, state.status, command.type, {
        code: 'STEP_NOT_APPROVAL',
        params: { stepId: step.stepId },
      });
    }
    const higher = authorityOf(state.core, 'higher');
    const { decision } = command.data;
    switch (decision.kind) {
      case 'approve': {
        const composition = state.composition;
        if (composition && composition.enforcement === 'block' && !composition.ok) {
          const target = composition.targets.find((t) => !t.met);
          throw compositionMissed(
            target?.actual ?? 0,
            target?.required ?? 0,
            composition.total,
            coreRulebook(state.core, rulebooks),
          );
        }
        const personIds = [...new Set(Object.values(state.elected).flat())];
        return [
          { type: 'FirstSessionRatified', data: { byBodyId: higher.bodyId, result: state.elected } },
          { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'approved' } },
          { type: 'ProcedureCompleted', data: { outcome: 'first-session-ratified', personIds } },
        ];
      }
      case 'return': {
        if (!decision.reason.trim()) {
          throw new ValidationError(
            'Give a reason to return the results',
            {},
            { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
          );
        }
        const rulebook = coreRulebook(state.core, rulebooks);
        const returned: FirstSessionEvent[] = [
          {
            type: 'FirstSessionReturned',
            data: { byBodyId: higher.bodyId, reason: decision.reason, sitting: state.sitting },
          },
          { type: 'StepClosed', data: { stepId: step.stepId, outcome: 'returned' } },
        ];
        return [
          ...returned,
          ...openOffice(fold(state, returned), 'standing-committee', state.sitting + 1, command.now, rulebook),
        ];
      }
      case 'reject':
        throw decisionNotRejectable(
          step.stepId,
          "The first session's results are ratified or returned for another sitting, never rejected",
        );
      default: {
        const _never: never = decision;
        return _never;
      }
    }
  }

  function decide(command: FirstSessionCommand, state: FirstSessionState): FirstSessionEvent[] {
    if (isCommonCommand(command)) return decideCommon(command, state.core, rulebooks);
    switch (command.type) {
      case 'LaunchFirstSession':
        return launch(command, state);
      case 'NominateForOffice':
        return nominate(command, state);
      case 'RecordRoundTally':
        return recordRound(command, state);
      case 'DecideNextRound':
        return nextRound(command, state);
      case 'DecideStep':
        return ratify(command, state);
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveFirstSession, initialState: initialFirstSessionState };
}

function emptyResult(): FirstSessionResult {
  return {
    'standing-committee': [],
    secretary: [],
    'deputy-secretaries': [],
    'inspection-committee': [],
    'inspection-chair': [],
  };
}

function compositionProfiles(state: FirstSessionState) {
  return state.members.map((m) => ({
    personId: m.personId,
    gender: m.gender,
    birthDate: m.birthDate,
    inStandingCommittee: false,
  }));
}

function compositionMissed(actual: number, required: number, total: number, rulebook: Rulebook): ValidationError {
  return new ValidationError(
    `The standing committee needs at least ${required} woman (${actual}) under ${rulebook.id}`,
    { missed: ['women-in-standing-committee'] },
    {
      code: 'COMPOSITION_TARGETS_MISSED',
      params: {
        targets: ['women-in-standing-committee'],
        actual: [String(actual)],
        required: [String(required)],
        total,
        rulebookId: rulebook.id,
      },
    },
  );
}

/** The first session of the new executive committee with the shipped rulebooks. */
export const firstSessionDecider = createFirstSessionDecider();
