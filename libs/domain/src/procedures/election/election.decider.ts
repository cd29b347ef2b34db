import { compareText } from '../../shared/compare.util';
import { compareIsoDates } from '../../calendar/civil-date.util';
import { compositionCheckpoint } from '../../checks/composition.check';
import { checkAge } from '../../checks/age.check';
import { subtractWorkingDays } from '../../calendar/holiday-calendar.util';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { ConflictError, IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Decider } from '../../shared/message.types';
import { countElectionRound, roundCountEvents } from '../../voting/round-count.rule';
import { checkSurplus, evaluateFloorAddition } from '../../voting/surplus.rule';
import { type DecideStep } from '../common/common.commands';
import { type StepOpened } from '../common/common.events';
import {
  assertActionProgrammes,
  assertNotLaunched,
  assertRunning,
  authorityOf,
  authorizeItems,
  authorizeStep,
  coreRulebook,
  mergeItemTally,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type ElectionCommand, type RecordRoundTally } from './election.commands';
import { type ElectionEvent, type ElectionRoundOpened } from './election.events';
import { type ElectionState, evolveElection, initialElectionState } from './election.state';

/** Step id of voting round `n`. */
export function roundStepId(round: number): string {
  return `round-${round}`;
}

/** Working days a round (or the decision on another round) stays open: the delegates' own rule for their election. */
function roundDue(state: ElectionState, rulebook: Rulebook): number {
  return state.delegates ? rulebook.procedureStepDue.delegates.round : rulebook.stepDueWorkingDays.electionRound;
}

/**
 * Builds the decider of procedure F, the election at the congress (QĐ 244 → 190): list with surplus, rounds of
 * secret ballot counted against the election base, seats by votes, ties by the rulebook's tie rule, further
 * rounds at the congress's decision, then ratification by the higher committee.
 */
export function createElectionDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<ElectionCommand, ElectionEvent, ElectionState> {
  function openRound(
    state: ElectionState,
    data: ElectionRoundOpened['data'],
    now: string,
    rulebook: Rulebook,
  ): ElectionEvent[] {
    return [
      { type: 'ElectionRoundOpened', data },
      {
        type: 'StepOpened',
        data: {
          stepId: roundStepId(data.round),
          kind: 'election-round',
          params: { round: data.round, seats: data.seats },
          name: `Round ${data.round}: ${data.seats} seat(s), secret ballot`,
          ...authorityOf(state.core, 'countingBoard'),
          dueDate: dueAfter(now, roundDue(state, rulebook), rulebook.calendar),
          decision: 'tally',
          subjectIds: data.candidateIds,
        },
      },
    ];
  }

  function conclude(
    state: ElectionState,
    elected: readonly string[],
    now: string,
    rulebook: Rulebook,
  ): ElectionEvent[] {
    if (state.delegates) {
      // Delegates to the higher congress: precedence by round, then votes; the first places are official.
      const rank = new Map(state.results.map((r, i) => [r.personId, { ...r, order: i }]));
      const ordered = [...elected].sort((a, b) => {
        const ra = rank.get(a);
        const rb = rank.get(b);
        return (ra?.round ?? 0) - (rb?.round ?? 0) || (rb?.votes ?? 0) - (ra?.votes ?? 0) || compareText(a, b);
      });
      const official = ordered.slice(0, state.delegates.official);
      const alternates = ordered.slice(state.delegates.official);
      // Equal votes in one round across the official/alternate cut: Quyết định 190 names no rule, so the order is
      // by id, and the tie is recorded for the congress to see.
      const last = rank.get(official.at(-1) ?? '');
      const tied = last
        ? ordered.filter((id) => rank.get(id)?.round === last.round && rank.get(id)?.votes === last.votes)
        : [];
      const tieAtCut =
        last && alternates.some((id) => tied.includes(id))
          ? { tieAtCut: { personIds: tied, votes: last.votes, resolvedBy: 'id-order' as const } }
          : {};
      return [
        { type: 'ElectionConcluded', data: { elected, seatsUnfilled: state.seats - elected.length } },
        {
          type: 'DelegatesElected',
          data: { official, alternates, seatsUnfilled: state.seats - elected.length, ...tieAtCut },
        },
        { type: 'ProcedureCompleted', data: { outcome: 'delegates-elected', personIds: ordered } },
      ];
    }
    const ratification: StepOpened = {
      type: 'StepOpened',
      data: {
        stepId: 'ratification',
        kind: 'election-ratification',
        params: {},
        name: 'Higher committee ratifies the election result',
        ...authorityOf(state.core, 'higher'),
        dueDate: dueAfter(now, rulebook.stepDueWorkingDays.ratification, rulebook.calendar),
        decision: 'approval',
        subjectIds: elected,
      },
    };
    return [
      { type: 'ElectionConcluded', data: { elected, seatsUnfilled: state.seats - elected.length } },
      ratification,
    ];
  }

  function decideStep(command: DecideStep, state: ElectionState, rulebook: Rulebook): ElectionEvent[] {
    const { stepId, decision } = command.data;
    authorizeStep(state.core, stepId, command.actor, {
      fourEyes: stepId === 'ratification',
      commandType: command.type,
    });
    if (stepId === 'candidate-list' && state.status === 'LIST') {
      if (decision.kind !== 'approve') {
        throw new ValidationError(
          'Change the list with floor additions or withdrawals, then approve it',
          {},
          { code: 'CANDIDATE_LIST_APPROVE_ONLY' },
        );
      }
      const surplus = checkSurplus(state.seats, state.candidates.length, rulebook.surplus);
      if (!surplus.ok) {
        throw new ValidationError(
          `The candidate list cannot be approved under ${rulebook.id}: ${surplus.problems.join('; ')}`,
          {
            problems: surplus.problems,
          },
          { code: 'SURPLUS_RULE_BROKEN', params: { problems: surplus.problems, rulebookId: rulebook.id } },
        );
      }
      // domain.md §3G: an action programme is filed before an election. The list is the point where that is
      // checked: every candidate on it, floor additions included, is voted on from round 1, and nobody is added
      // after it.
      if (state.checks.includes('action-programme')) {
        assertActionProgrammes(state.core, state.candidates, rulebook, command.type);
      }
      const composition = state.checks.includes('composition')
        ? compositionCheckpoint(
            'candidate-list',
            state.candidates,
            state.composition,
            rulebook,
            state.composition?.targets,
          )
        : null;
      return [
        ...(composition ? [{ type: 'CompositionChecked' as const, data: composition }] : []),
        {
          type: 'CandidateListApproved',
          data: { personIds: state.candidates, seats: state.seats, surplus: surplus.surplus },
        },
        { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
        ...openRound(
          state,
          { round: 1, seats: state.seats, candidateIds: state.candidates, reason: 'first' },
          command.now,
          rulebook,
        ),
      ];
    }
    if (stepId === 'ratification' && state.status === 'AWAITING_RATIFICATION') {
      const higher = authorityOf(state.core, 'higher');
      if (decision.kind === 'approve') {
        return [
          { type: 'ResultRatified', data: { byBodyId: higher.bodyId, elected: state.elected } },
          { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
          { type: 'ProcedureCompleted', data: { outcome: 'elected', personIds: state.elected } },
        ];
      }
      return [
        { type: 'RatificationRefused', data: { byBodyId: higher.bodyId, reason: decision.reason } },
        { type: 'StepClosed', data: { stepId, outcome: decision.kind === 'reject' ? 'rejected' : 'returned' } },
        { type: 'ProcedureCompleted', data: { outcome: 'ratification-refused', personIds: [] } },
      ];
    }
    throw new IllegalTransitionError(`Step "${stepId}" is not decided by approval now`, state.status, command.type, {
      code: 'STEP_NOT_APPROVAL',
      params: { stepId },
    });
  }

  function recordRound(command: RecordRoundTally, state: ElectionState, rulebook: Rulebook): ElectionEvent[] {
    const round = state.round;
    if (state.status !== 'VOTING' || !round || command.data.round !== round.round) {
      throw new IllegalTransitionError(
        `Round ${command.data.round} is not open for counting`,
        state.status,
        command.type,
        { code: 'ROUND_NOT_OPEN', params: { round: command.data.round } },
      );
    }
    const stepId = roundStepId(round.round);
    const auth = authorizeItems(state.core, stepId, command.actor, {
      fourEyes: false,
      commandType: command.type,
      rule: rulebook.recusal.listSteps,
    });
    if (command.data.ballots.issued > command.data.attendance.present) {
      throw new ValidationError(
        `${command.data.ballots.issued} ballots issued to ${command.data.attendance.present} present; check the count`,
        { issued: command.data.ballots.issued, present: command.data.attendance.present },
        {
          code: 'BALLOTS_ISSUED_OVER_PRESENT',
          params: { issued: command.data.ballots.issued, present: command.data.attendance.present },
        },
      );
    }
    const merged = mergeItemTally(
      auth,
      command.actor,
      {
        figures: { attendance: command.data.attendance, ballots: command.data.ballots },
        votes: command.data.tallies,
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
    if (!merged.complete) {
      return merged.events;
    }
    const { attendance, ballots } = merged.tally.figures;
    const tallies = merged.tally.votes;
    const count = { attendance, ballots, tallies };
    const outcome = countElectionRound(count, round, {
      base: rulebook.decision.bases.election,
      threshold: rulebook.decision.threshold,
    });
    const { base, allocation } = outcome;
    const summoned = attendance.kind === 'delegates' ? attendance.delegatesConvened : attendance.officialMembers;
    const events: ElectionEvent[] = [
      ...(merged.events as ElectionEvent[]),
      { type: 'MeetingConvened', data: { stepId, summoned, present: attendance.present } },
      ...roundCountEvents(stepId, count, outcome),
      ...allocation.elected.map((personId): ElectionEvent => ({
        type: 'CandidateElected',
        data: { personId, round: round.round, votes: tallies[personId] ?? 0, base },
      })),
    ];
    if (allocation.tie) {
      events.push({ type: 'TieDetected', data: { round: round.round, ...allocation.tie } });
    }
    events.push(
      {
        type: 'ElectionRoundClosed',
        data: { round: round.round, elected: allocation.elected, seatsLeft: allocation.seatsLeft },
      },
      { type: 'StepClosed', data: { stepId, outcome: 'recorded' } },
    );
    const elected = [...state.elected, ...allocation.elected];
    if (allocation.seatsLeft === 0) {
      // Concluded on the state that holds this round's results, so delegates rank by them too.
      return [...events, ...conclude(events.reduce(evolveElection, state), elected, command.now, rulebook)];
    }
    if (allocation.tie && rulebook.election.tieRule === 'revote-among-tied') {
      return [
        ...events,
        ...openRound(
          state,
          {
            round: round.round + 1,
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
          stepId: `decision-${round.round}`,
          kind: 'election-next-round',
          params: { round: round.round, seatsLeft: allocation.seatsLeft },
          name: `${allocation.seatsLeft} seat(s) left: the congress decides whether to vote again`,
          ...authorityOf(state.core, 'presidium'),
          dueDate: dueAfter(command.now, roundDue(state, rulebook), rulebook.calendar),
          decision: 'approval',
          subjectIds: [],
        },
      },
    ];
  }

  /**
   * The checks a listed candidate passes, applied to a name from the floor as far as the congress knows the
   * person: the age rule (when `age` is given) and, for a non-delegate, the dossier filed in time. The vetting
   * of QĐ 205/114 runs before the congress and cannot be run on the floor; a name added there has none.
   */
  function floorCandidateDropped(
    command: Extract<ElectionCommand, { type: 'AddFloorCandidate' }>,
    state: ElectionState,
    rulebook: Rulebook,
  ): ElectionEvent | null {
    const { personId, age, delegate, dossierFiledOn } = command.data;
    if (age) {
      const check = checkAge({ ...age, congressDate: state.congressDate }, rulebook);
      if (!check.eligible) {
        return {
          type: 'CandidateDropped',
          data: {
            personId,
            step: 'candidacy',
            reason: check.reason ?? 'age',
            reasonCode: 'age-ineligible',
            params: { track: age.track },
          },
        };
      }
    }
    if (delegate === false && state.level !== 'grassroots') {
      const lastFilingDay = subtractWorkingDays(
        state.congressDate,
        rulebook.candidacy.dossierLeadWorkingDays,
        rulebook.calendar,
      );
      if (dossierFiledOn === undefined || compareIsoDates(dossierFiledOn, lastFilingDay) > 0) {
        return {
          type: 'CandidateDropped',
          data: {
            personId,
            step: 'candidacy',
            reason: `A non-delegate files the dossier at least ${rulebook.candidacy.dossierLeadWorkingDays} working days before the congress (by ${lastFilingDay}); filed ${dossierFiledOn ?? 'never'}`,
            reasonCode: 'dossier-late',
            params: { lastFilingDay, filedOn: dossierFiledOn ?? '' },
          },
        };
      }
    }
    return null;
  }

  function decide(command: ElectionCommand, state: ElectionState): ElectionEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    if (command.type === 'LaunchElection') {
      assertNotLaunched(state.core, command);
      const rulebook = launchRulebook(command, rulebooks);
      const { data } = command;
      if (!Number.isInteger(data.seats) || data.seats <= 0) {
        throw new ValidationError(
          `Seats must be a positive whole number, got ${data.seats}`,
          {},
          { code: 'SEATS_INVALID', params: { seats: data.seats } },
        );
      }
      const alternates = data.alternateSeats;
      if (alternates !== undefined && (!Number.isInteger(alternates) || alternates < 0 || alternates > 500)) {
        throw new ValidationError(
          `Alternate seats must be a whole number from 0 to 500, got ${alternates}`,
          { alternateSeats: ['invalid'] },
          { code: 'SEATS_INVALID', params: { seats: alternates } },
        );
      }
      if (new Set(data.candidates.map((c) => c.personId)).size !== data.candidates.length) {
        throw new ValidationError('A candidate is listed twice', {}, { code: 'CANDIDATE_LISTED_TWICE' });
      }
      const events: ElectionEvent[] = [
        {
          type: 'ProcedureLaunched',
          data: {
            procedureId: data.procedureId,
            kind: 'election',
            bodyId: data.congressId,
            rulebookId: rulebook.id,
            launchedBy: command.actor,
            launchedAt: command.now,
            ...(command.data.registry ? { registry: command.data.registry } : {}),
            higherBodyId: data.higherBodyId,
            concerned: data.candidates.map((c) => ({ personId: c.personId, relativeIds: c.relativeIds })),
            authorities: {
              presidium: { role: 'congress-presidium', bodyId: data.presidiumId },
              countingBoard: { role: 'counting-board', bodyId: data.countingBoardId },
              higher: { role: data.higherRole, bodyId: data.higherBodyId },
            },
          },
        },
        {
          type: 'ElectionScheduled',
          data: {
            electedBodyId: data.electedBodyId,
            seats: data.seats + (alternates ?? 0),
            ...(alternates === undefined ? {} : { delegates: { official: data.seats, alternates } }),
            congressDate: data.congressDate,
            level: data.level,
            checks: data.checks ?? [
              ...(rulebook.actionProgramme.requiredFor.includes('election') ? ['action-programme' as const] : []),
              'further-round-surplus',
              'floor-candidate',
              ...(rulebook.composition.enforcement ? ['composition' as const] : []),
            ],
            ...(data.composition && data.checks === undefined && rulebook.composition.enforcement
              ? { composition: data.composition }
              : {}),
          },
        },
      ];
      const lastFilingDay = subtractWorkingDays(
        data.congressDate,
        rulebook.candidacy.dossierLeadWorkingDays,
        rulebook.calendar,
      );
      for (const c of data.candidates) {
        events.push({
          type: 'CandidateAdded',
          data: { personId: c.personId, source: c.source, relativeIds: c.relativeIds },
        });
        const late =
          !c.delegate &&
          data.level !== 'grassroots' &&
          (c.dossierFiledOn === undefined || compareIsoDates(c.dossierFiledOn, lastFilingDay) > 0);
        if (late) {
          events.push({
            type: 'CandidateDropped',
            data: {
              personId: c.personId,
              step: 'candidacy',
              reason: `A non-delegate files the dossier at least ${rulebook.candidacy.dossierLeadWorkingDays} working days before the congress (by ${lastFilingDay}); filed ${c.dossierFiledOn ?? 'never'}`,
              reasonCode: 'dossier-late',
              params: { lastFilingDay, filedOn: c.dossierFiledOn ?? '' },
            },
          });
        }
      }
      const after = events.reduce(evolveElection, state);
      events.push({
        type: 'StepOpened',
        data: {
          stepId: 'candidate-list',
          kind: 'election-candidate-list',
          params: { seats: data.seats + (alternates ?? 0) },
          name: `Congress approves the candidate list for ${data.seats + (alternates ?? 0)} seats`,
          ...authorityOf(after.core, 'presidium'),
          dueDate: dueAfter(
            command.now,
            alternates === undefined
              ? rulebook.stepDueWorkingDays.candidateList
              : rulebook.procedureStepDue.delegates.candidateList,
            rulebook.calendar,
          ),
          decision: 'approval',
          subjectIds: [],
        },
      });
      return events;
    }
    assertRunning(state.core, command);
    const rulebook = coreRulebook(state.core, rulebooks);
    switch (command.type) {
      case 'DecideStep':
        return decideStep(command, state, rulebook);
      case 'RecordRoundTally':
        return recordRound(command, state, rulebook);
      case 'AddFloorCandidate': {
        if (state.status !== 'LIST') {
          throw new IllegalTransitionError(
            'Names are added from the floor before the list is approved',
            state.status,
            command.type,
            { code: 'FLOOR_ADDITION_AFTER_LIST' },
          );
        }
        authorizeStep(state.core, 'candidate-list', command.actor, { fourEyes: false, commandType: command.type });
        if (state.candidates.includes(command.data.personId)) {
          throw new ConflictError(`${command.data.personId} is already on the list`, command.data.personId, {
            code: 'CANDIDATE_ALREADY_LISTED',
            params: { personId: command.data.personId },
          });
        }
        const vote = evaluateFloorAddition(command.data.votesInFavour, command.data.delegatesPresent, rulebook.surplus);
        if (!vote.passed) {
          throw new ValidationError(
            `${command.data.votesInFavour} of ${command.data.delegatesPresent} delegates present is not enough to add a name from the floor; it needs ${vote.required}`,
            { ...vote },
            {
              code: 'FLOOR_ADDITION_VOTES_SHORT',
              params: {
                votesInFavour: command.data.votesInFavour,
                delegatesPresent: command.data.delegatesPresent,
                required: vote.required,
              },
            },
          );
        }
        const added: ElectionEvent = {
          type: 'CandidateAdded',
          data: { personId: command.data.personId, source: 'floor', relativeIds: command.data.relativeIds },
        };
        const dropped = state.checks.includes('floor-candidate')
          ? floorCandidateDropped(command, state, rulebook)
          : null;
        return dropped ? [added, dropped] : [added];
      }
      case 'WithdrawCandidacy': {
        if (state.status !== 'LIST') {
          throw new IllegalTransitionError(
            'After the list is approved, the congress decides on withdrawals by a new round',
            state.status,
            command.type,
            { code: 'WITHDRAWAL_AFTER_LIST' },
          );
        }
        if (!state.candidates.includes(command.data.personId)) {
          throw new ValidationError(
            `${command.data.personId} is not on the list`,
            {},
            { code: 'CANDIDATE_NOT_LISTED', params: { personId: command.data.personId } },
          );
        }
        const presidium = authorityOf(state.core, 'presidium');
        const byPresidium = command.actor.role === presidium.role && command.actor.bodyId === presidium.bodyId;
        if (command.actor.personId !== command.data.personId && !byPresidium) {
          throw new NotAllowedError(
            'A candidate withdraws in person, or the presidium records it',
            command.actor.personId,
            'ROLE',
          );
        }
        return [{ type: 'CandidateWithdrew', data: { ...command.data } }];
      }
      case 'DecideNextRound': {
        const round = state.round;
        if (state.status !== 'AWAITING_DECISION' || !round) {
          throw new IllegalTransitionError('No decision on a further round is pending', state.status, command.type, {
            code: 'NO_ROUND_DECISION_PENDING',
          });
        }
        const stepId = `decision-${round.round}`;
        authorizeStep(state.core, stepId, command.actor, { fourEyes: false, commandType: command.type });
        const seatsLeft = state.seats - state.elected.length;
        if (!command.data.proceed) {
          return [
            { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
            ...conclude(state, state.elected, command.now, rulebook),
          ];
        }
        const chosen = command.data.candidateIds;
        const invalid = chosen.filter((id) => !state.candidates.includes(id) || state.elected.includes(id));
        if (invalid.length > 0 || new Set(chosen).size !== chosen.length) {
          throw new ValidationError(
            `A further round may list only candidates not yet elected; check ${invalid.join(', ')}`,
            { invalid },
            { code: 'NEXT_ROUND_CANDIDATES_INVALID', params: { invalid } },
          );
        }
        if (chosen.length < seatsLeft + rulebook.surplus.minimum) {
          throw new ValidationError(
            `${chosen.length} candidates for ${seatsLeft} seat(s): list at least ${seatsLeft + rulebook.surplus.minimum}`,
            {},
            {
              code: 'NEXT_ROUND_TOO_FEW_CANDIDATES',
              params: { candidates: chosen.length, seatsLeft, required: seatsLeft + rulebook.surplus.minimum },
            },
          );
        }
        // A further round is a new list for the seats left: the same cap on its surplus (≤ 30%, a committee of
        // 3–5 at most 1) as the list the congress approved.
        if (state.checks.includes('further-round-surplus')) {
          const surplus = checkSurplus(seatsLeft, chosen.length, rulebook.surplus);
          if (!surplus.ok) {
            throw new ValidationError(
              `The further round's list breaks the surplus rule of ${rulebook.id}: ${surplus.problems.join('; ')}`,
              { problems: surplus.problems },
              { code: 'SURPLUS_RULE_BROKEN', params: { problems: surplus.problems, rulebookId: rulebook.id } },
            );
          }
        }
        return [
          { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
          ...openRound(
            state,
            { round: round.round + 1, seats: seatsLeft, candidateIds: chosen, reason: 'congress-decision' },
            command.now,
            rulebook,
          ),
        ];
      }
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveElection, initialState: initialElectionState };
}

/** Procedure F with the shipped rulebooks. */
export const electionDecider = createElectionDecider();
