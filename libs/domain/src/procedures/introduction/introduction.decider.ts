import { checkAge } from '../../checks/age.check';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook, type Track } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, NotAllowedError, RecusedError, ValidationError } from '../../shared/domain.error';
import { evaluateQuorum } from '../../voting/quorum.rule';
import { type Actor, type Decider } from '../../shared/message.types';
import { type StepAuthority } from '../../checks/decision-guards.check';
import { type DecideStep } from '../common/common.commands';
import { type StepOpened } from '../common/common.events';
import { evaluateMeeting, meetingRules } from '../common/meeting-evaluation.rule';
import { type MeetingTally } from '../common/meeting-tally.types';

type MeetingTallyFigures = Omit<MeetingTally, 'tallies'>;
import {
  assertNotLaunched,
  assertNotStandingAside,
  assertRunning,
  authorityOf,
  authorizeItems,
  authorizeStep,
  decidedByItems,
  mergeItemTally,
  recusalEvents,
  coreRulebook,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type IntroductionCommand, type RecordTally } from './introduction.commands';
import { type IntroductionEvent } from './introduction.events';
import {
  evolveIntroduction,
  initialIntroductionState,
  introductionStepId,
  type IntroductionPosition,
  type IntroductionState,
} from './introduction.state';

const STEPS: Record<number, { name: string; part: string; kind: 'approval' | 'tally' }> = {
  1: {
    name: 'Standing committee reviews each person and approves the list',
    part: 'standingCommittee',
    kind: 'approval',
  },
  2: { name: 'Key-cadres conference recommends by secret ballot', part: 'keyCadresConference', kind: 'tally' },
  3: { name: 'Executive committee introduces by secret ballot', part: 'executiveCommittee', kind: 'tally' },
  4: {
    name: 'Standing committee votes on the list for the executive committee',
    part: 'standingCommittee',
    kind: 'tally',
  },
  5: { name: 'Executive committee votes by secret ballot on all results', part: 'executiveCommittee', kind: 'tally' },
};

function activeIn(state: IntroductionState, track: Track, gone: ReadonlySet<string> = new Set()): string[] {
  return state.order.filter((id) => {
    const c = state.candidates[id];
    return c !== undefined && c.active && c.track === track && !gone.has(id);
  });
}

function sameAuthority(actor: Actor, authority: StepAuthority): boolean {
  return actor.role === authority.role && actor.bodyId === authority.bodyId;
}

/**
 * Builds the decider of procedure B, the five-step introduction (quy trình 5 bước): the re-election track, then
 * the first-time track; more than half of those convened passes each step; a candidate who fails is dropped
 * (except on reference-only steps).
 */
export function createIntroductionDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<IntroductionCommand, IntroductionEvent, IntroductionState> {
  function opened(
    state: IntroductionState,
    position: IntroductionPosition,
    subjects: readonly string[],
    now: string,
    rulebook: Rulebook,
  ): StepOpened {
    const spec = STEPS[position.step] ?? { name: '', part: 'standingCommittee', kind: 'approval' as const };
    return {
      type: 'StepOpened',
      data: {
        stepId: introductionStepId(position),
        kind: 'introduction-step',
        params: { track: position.track, step: position.step, attempt: position.attempt },
        name: `${position.track === 're-election' ? 'Re-election' : 'First-time'} track, step ${position.step}: ${spec.name}`,
        ...authorityOf(state.core, spec.part),
        dueDate: dueAfter(now, rulebook.stepDueWorkingDays.introductionStep, rulebook.calendar),
        decision: spec.kind,
        subjectIds: subjects,
      },
    };
  }

  /** Events after the step at `from` closed, given the candidates gone in this decision. */
  function advance(
    state: IntroductionState,
    from: IntroductionPosition | null,
    gone: ReadonlySet<string>,
    now: string,
    rulebook: Rulebook,
  ): IntroductionEvent[] {
    const events: IntroductionEvent[] = [];
    const order = rulebook.introduction.trackOrder;
    if (from) {
      const left = activeIn(state, from.track, gone);
      if (from.step < 5 && left.length > 0) {
        return [opened(state, { track: from.track, step: from.step + 1, attempt: 1 }, left, now, rulebook)];
      }
      events.push({ type: 'TrackCompleted', data: { track: from.track, personIds: left } });
    }
    const startAt = from ? order.indexOf(from.track) + 1 : 0;
    for (const track of order.slice(startAt)) {
      const candidates = activeIn(state, track, gone);
      if (candidates.length > 0) {
        events.push(opened(state, { track, step: 1, attempt: 1 }, candidates, now, rulebook));
        return events;
      }
    }
    const introduced = order.flatMap((track) => activeIn(state, track, gone));
    events.push({ type: 'ProcedureCompleted', data: { outcome: 'introduced', personIds: introduced } });
    return events;
  }

  function currentOpenStepId(state: IntroductionState, commandType: string): string {
    if (state.hold) {
      throw new IllegalTransitionError(`The introduction is on hold for ${state.hold.stepId}`, 'ON_HOLD', commandType, {
        code: 'INTRODUCTION_ON_HOLD',
        params: { stepId: state.hold.stepId },
      });
    }
    if (!state.current) {
      throw new IllegalTransitionError('No step is open', state.status, commandType, { code: 'NO_STEP_OPEN' });
    }
    return introductionStepId(state.current);
  }

  function decideStep(command: DecideStep, state: IntroductionState, rulebook: Rulebook): IntroductionEvent[] {
    const { stepId, decision } = command.data;
    const hold = state.hold;
    if (hold && hold.stepId === stepId) {
      authorizeStep(state.core, stepId, command.actor, {
        fourEyes: hold.kind === 'verification',
        commandType: command.type,
      });
      const held = state.current as IntroductionPosition;
      const resumed = { ...held, attempt: held.attempt + 1 };
      if (hold.kind === 'higher-opinion') {
        const opinion = decision.kind === 'approve' ? (decision.note ?? 'agreed') : decision.reason;
        return [
          { type: 'HigherOpinionReceived', data: { stepId, opinion } },
          { type: 'StepClosed', data: { stepId, outcome: 'concluded' } },
          opened(state, resumed, activeIn(state, held.track), command.now, rulebook),
        ];
      }
      const personId = hold.personId as string;
      if (decision.kind === 'return') {
        throw new ValidationError(
          'A verification ends cleared (approve) or blocked (reject with the reason)',
          {},
          { code: 'VERIFICATION_NOT_RETURNABLE' },
        );
      }
      if (decision.kind === 'approve') {
        return [
          { type: 'VettingConcluded', data: { personId, kind: 'verification', outcome: 'CLEARED', reason: null } },
          { type: 'StepClosed', data: { stepId, outcome: 'concluded' } },
          opened(state, resumed, activeIn(state, held.track), command.now, rulebook),
        ];
      }
      const gone = new Set([personId]);
      const left = activeIn(state, held.track, gone);
      const events: IntroductionEvent[] = [
        {
          type: 'VettingConcluded',
          data: { personId, kind: 'verification', outcome: 'BLOCKED', reason: decision.reason },
        },
        { type: 'CandidateDropped', data: { personId, step: introductionStepId(held), reason: decision.reason } },
        { type: 'StepClosed', data: { stepId, outcome: 'concluded' } },
      ];
      return left.length > 0
        ? [...events, opened(state, resumed, left, command.now, rulebook)]
        : [...events, ...advance(state, held, gone, command.now, rulebook)];
    }
    const currentId = currentOpenStepId(state, command.type);
    const position = state.current as IntroductionPosition;
    if (stepId !== currentId || STEPS[position.step]?.kind !== 'approval') {
      throw new IllegalTransitionError(
        `Step "${stepId}" is not an open approval step; record a tally for steps 2–5`,
        state.status,
        command.type,
        { code: 'STEP_NOT_APPROVAL', params: { stepId } },
      );
    }
    const auth = authorizeItems(state.core, stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
      rule: rulebook.recusal.listSteps,
      activeIds: activeIn(state, position.track),
    });
    const list = activeIn(state, position.track);
    const byItems = decidedByItems(auth);
    switch (decision.kind) {
      case 'approve':
      case 'reject': {
        const reason = decision.kind === 'reject' ? decision.reason : null;
        const rejected = reason === null ? [] : auth.mine;
        const events: IntroductionEvent[] = [
          ...recusalEvents(auth, command.actor),
          ...rejected.map((personId): IntroductionEvent => ({
            type: 'CandidateDropped',
            data: { personId, step: stepId, reason: reason ?? '', reasonCode: 'rejected-at-step' },
          })),
        ];
        if (byItems) {
          events.push({
            type: 'StepItemsDecided',
            data: {
              stepId,
              deciderId: command.actor.personId,
              personIds: auth.mine,
              outcome: reason === null ? 'approved' : 'rejected',
              ...(reason === null ? {} : { reason }),
            },
          });
        }
        if (auth.stoodAside.length > 0) {
          return events;
        }
        const gone = new Set(rejected);
        const approved = list.filter((id) => !gone.has(id));
        return approved.length > 0
          ? [
              ...events,
              { type: 'ListApproved', data: { stepId, personIds: approved } },
              { type: 'StepClosed', data: { stepId, outcome: 'approved' } },
              ...advance(state, position, gone, command.now, rulebook),
            ]
          : [
              ...events,
              { type: 'StepClosed', data: { stepId, outcome: 'rejected' } },
              ...advance(state, position, gone, command.now, rulebook),
            ];
      }
      case 'return': {
        const first = auth.stoodAside[0];
        if (first) {
          throw new RecusedError(
            'Returning the list concerns everyone on it; a member not on it returns it',
            command.actor.personId,
            first.subjectId,
            first.ground,
          );
        }
        return [
          { type: 'ListReturned', data: { stepId, reason: decision.reason } },
          { type: 'StepClosed', data: { stepId, outcome: 'returned' } },
          opened(state, { ...position, attempt: position.attempt + 1 }, list, command.now, rulebook),
        ];
      }
      default: {
        const _never: never = decision;
        return _never;
      }
    }
  }

  function recordTally(command: RecordTally, state: IntroductionState, rulebook: Rulebook): IntroductionEvent[] {
    const currentId = currentOpenStepId(state, command.type);
    const position = state.current as IntroductionPosition;
    if (command.data.stepId !== currentId || STEPS[position.step]?.kind !== 'tally') {
      throw new IllegalTransitionError(
        `Step "${command.data.stepId}" is not an open ballot step`,
        state.status,
        command.type,
        { code: 'STEP_NOT_BALLOT', params: { stepId: command.data.stepId } },
      );
    }
    const auth = authorizeItems(state.core, currentId, command.actor, {
      fourEyes: false,
      commandType: command.type,
      rule: rulebook.recusal.listSteps,
      activeIds: activeIn(state, position.track),
    });
    const quorumKind =
      position.step === 2 ? 'keyCadresConference' : position.step === 4 ? 'standingCommittee' : 'executiveCommittee';
    const base =
      position.step === 2 ? rulebook.decision.bases.keyCadresConference : rulebook.decision.bases.introduction;
    const referenceOnly = rulebook.introduction.referenceOnlySteps.includes(position.step);
    const candidates = activeIn(state, position.track);
    const rules = meetingRules(rulebook, quorumKind, base, referenceOnly);
    const { tally } = command.data;
    const quorum = evaluateQuorum({ summoned: tally.summoned, present: tally.present }, rules.quorum);
    if (!quorum.quorate && Object.keys(auth.step.items).length === 0) {
      // A meeting without quorum records its attendance only; no vote concerns anyone.
      return evaluateMeeting(currentId, tally, candidates, rules).events;
    }
    const merged = mergeItemTally(
      auth,
      command.actor,
      {
        figures: { summoned: tally.summoned, present: tally.present, ballots: tally.ballots },
        votes: tally.tallies,
      },
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
    if (!merged.complete) {
      if (tally.ballots.issued > tally.present) {
        throw new ValidationError(
          `${tally.ballots.issued} ballots issued to ${tally.present} present; check the count`,
          {
            issued: tally.ballots.issued,
            present: tally.present,
          },
          { code: 'BALLOTS_ISSUED_OVER_PRESENT' },
        );
      }
      return merged.events;
    }
    const figures = merged.tally.figures as MeetingTallyFigures;
    const meeting = evaluateMeeting(currentId, { ...figures, tallies: merged.tally.votes }, candidates, rules);
    if (!meeting.quorate) {
      return [...(merged.events as IntroductionEvent[]), ...meeting.events];
    }
    const failed = referenceOnly ? [] : meeting.results.filter((r) => !r.passed);
    return [
      ...(merged.events as IntroductionEvent[]),
      ...meeting.events,
      ...failed.map((r): IntroductionEvent => ({
        type: 'CandidateDropped',
        data: {
          personId: r.personId,
          step: currentId,
          reason: `${r.votes} of ${r.base} votes; more than half needs ${r.required}`,
          reasonCode: 'threshold-not-reached',
          params: { votes: r.votes, base: r.base, required: r.required },
        },
      })),
      { type: 'StepClosed', data: { stepId: currentId, outcome: 'recorded' } },
      ...advance(state, position, new Set(failed.map((r) => r.personId)), command.now, rulebook),
    ];
  }

  function decide(command: IntroductionCommand, state: IntroductionState): IntroductionEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    if (command.type === 'LaunchIntroduction') {
      assertNotLaunched(state.core, command);
      if (command.actor.role !== 'organization-committee') {
        throw new NotAllowedError(
          'The Organization Committee launches the introduction',
          command.actor.personId,
          'ROLE',
        );
      }
      const { data } = command;
      if (new Set(data.candidates.map((c) => c.personId)).size !== data.candidates.length) {
        throw new ValidationError('A candidate is listed twice', {}, { code: 'CANDIDATE_LISTED_TWICE' });
      }
      const rulebook = launchRulebook(command, rulebooks);
      const launched: IntroductionEvent[] = [
        {
          type: 'ProcedureLaunched',
          data: {
            procedureId: data.procedureId,
            kind: 'introduction',
            bodyId: data.organisationId,
            rulebookId: rulebook.id,
            launchedBy: command.actor,
            launchedAt: command.now,
            ...(command.data.registry ? { registry: command.data.registry } : {}),
            higherBodyId: data.higherBodyId,
            concerned: data.candidates.map((c) => ({ personId: c.personId, relativeIds: c.relativeIds })),
            authorities: {
              standingCommittee: { role: 'standing-committee', bodyId: data.standingCommitteeId },
              executiveCommittee: { role: 'executive-committee', bodyId: data.executiveCommitteeId },
              keyCadresConference: { role: 'key-cadres-conference', bodyId: data.keyCadresConferenceId },
              inspectionCommittee: { role: 'inspection-committee', bodyId: data.inspectionCommitteeId },
              higher: { role: data.higherRole, bodyId: data.higherBodyId },
            },
          },
        },
      ];
      const ineligible = new Set<string>();
      for (const c of data.candidates) {
        launched.push({
          type: 'CandidateAdded',
          data: {
            personId: c.personId,
            source: c.track === 're-election' ? 're-election' : 'succession-pool',
            relativeIds: c.relativeIds,
            track: c.track,
          },
        });
        const age = checkAge({ ...c, congressDate: data.congressDate }, rulebook);
        if (!age.eligible) {
          ineligible.add(c.personId);
          launched.push({
            type: 'CandidateDropped',
            data: {
              personId: c.personId,
              step: 'eligibility',
              reason: age.reason ?? 'age',
              reasonCode: 'age-ineligible',
              params: { track: c.track },
            },
          });
        }
      }
      const after = launched.reduce(evolveIntroduction, state);
      return [...launched, ...advance(after, null, new Set(), command.now, rulebook)];
    }
    assertRunning(state.core, command);
    const rulebook = coreRulebook(state.core, rulebooks);
    switch (command.type) {
      case 'DecideStep':
        return decideStep(command, state, rulebook);
      case 'RecordTally':
        return recordTally(command, state, rulebook);
      case 'DropCandidate': {
        const currentId = currentOpenStepId(state, command.type);
        if (command.data.stepId !== currentId || state.current?.step !== 1) {
          throw new IllegalTransitionError(
            'Candidates are dropped by the standing committee at step 1',
            state.status,
            command.type,
            { code: 'DROP_ONLY_AT_STEP_1' },
          );
        }
        const auth = authorizeItems(state.core, currentId, command.actor, {
          fourEyes: true,
          commandType: command.type,
          rule: rulebook.recusal.listSteps,
        });
        assertNotStandingAside(auth, command.actor, command.data.personId);
        if (!activeIn(state, state.current.track).includes(command.data.personId)) {
          throw new ValidationError(
            `${command.data.personId} is not on this track's list`,
            {
              personId: command.data.personId,
            },
            { code: 'CANDIDATE_NOT_ON_TRACK' },
          );
        }
        if (!command.data.reason.trim()) {
          throw new ValidationError('Say why the candidate is dropped', {}, { code: 'DROP_REASON_MISSING' });
        }
        return [
          {
            type: 'CandidateDropped',
            data: { personId: command.data.personId, step: currentId, reason: command.data.reason },
          },
        ];
      }
      case 'RaiseNewIssue': {
        const currentId = currentOpenStepId(state, command.type);
        const position = state.current as IntroductionPosition;
        if (position.step !== 5) {
          throw new IllegalTransitionError(
            'A new issue sends a candidate to verification at step 5',
            state.status,
            command.type,
            { code: 'NEW_ISSUE_ONLY_AT_STEP_5' },
          );
        }
        const parts = ['standingCommittee', 'executiveCommittee'].map((p) => authorityOf(state.core, p));
        if (
          !parts.some((a) => sameAuthority(command.actor, a)) &&
          !(state.core.launchedBy && sameAuthority(command.actor, state.core.launchedBy))
        ) {
          throw new NotAllowedError(
            'A new issue is raised by the committees or the Organization Committee of this procedure',
            command.actor.personId,
            'ROLE',
          );
        }
        if (!activeIn(state, position.track).includes(command.data.personId)) {
          throw new ValidationError(
            `${command.data.personId} is not a candidate at this step`,
            {
              personId: command.data.personId,
            },
            { code: 'CANDIDATE_NOT_AT_STEP' },
          );
        }
        const holdId = `verification-${state.holds + 1}`;
        return [
          {
            type: 'VettingRequested',
            data: { personId: command.data.personId, kind: 'verification', reason: command.data.issue },
          },
          { type: 'StepClosed', data: { stepId: currentId, outcome: 'on-hold' } },
          {
            type: 'StepOpened',
            data: {
              stepId: holdId,
              kind: 'introduction-verification',
              params: { personId: command.data.personId },
              name: `Verify a new issue about ${command.data.personId} before step 5 resumes`,
              ...authorityOf(state.core, 'inspectionCommittee'),
              dueDate: dueAfter(command.now, rulebook.stepDueWorkingDays.vettingCheck, rulebook.calendar),
              decision: 'conclusion',
              subjectIds: [command.data.personId],
            },
          },
        ];
      }
      case 'EscalateDisagreement': {
        const currentId = currentOpenStepId(state, command.type);
        const parts = ['standingCommittee', 'executiveCommittee'].map((p) => authorityOf(state.core, p));
        if (!parts.some((a) => sameAuthority(command.actor, a))) {
          throw new NotAllowedError(
            'Only the standing or executive committee can escalate their disagreement',
            command.actor.personId,
            'ROLE',
          );
        }
        if (!command.data.reason.trim()) {
          throw new ValidationError(
            'Describe the disagreement for the higher committee',
            {},
            { code: 'DISAGREEMENT_REASON_MISSING' },
          );
        }
        const higher = authorityOf(state.core, 'higher');
        return [
          {
            type: 'EscalatedToHigherLevel',
            data: { toBodyId: higher.bodyId, reason: command.data.reason, heldStepId: currentId },
          },
          { type: 'StepClosed', data: { stepId: currentId, outcome: 'on-hold' } },
          {
            type: 'StepOpened',
            data: {
              stepId: `higher-opinion-${state.holds + 1}`,
              kind: 'higher-opinion',
              params: {},
              name: 'Higher committee gives its opinion on the disagreement',
              ...higher,
              dueDate: dueAfter(command.now, rulebook.stepDueWorkingDays.higherOpinion, rulebook.calendar),
              decision: 'opinion',
              subjectIds: [],
            },
          },
        ];
      }
      case 'WithdrawCandidacy': {
        const candidate = state.candidates[command.data.personId];
        if (!candidate?.active) {
          throw new ValidationError(
            `${command.data.personId} is not an active candidate`,
            {
              personId: command.data.personId,
            },
            { code: 'CANDIDATE_NOT_ACTIVE' },
          );
        }
        const launcher = state.core.launchedBy;
        if (command.actor.personId !== command.data.personId && !(launcher && sameAuthority(command.actor, launcher))) {
          throw new NotAllowedError(
            'A candidacy is withdrawn by the candidate or recorded by the Organization Committee',
            command.actor.personId,
            'ROLE',
          );
        }
        const events: IntroductionEvent[] = [
          { type: 'CandidateWithdrew', data: { personId: command.data.personId, reason: command.data.reason } },
        ];
        const position = state.current;
        const gone = new Set([command.data.personId]);
        if (
          position &&
          !state.hold &&
          position.track === candidate.track &&
          activeIn(state, position.track, gone).length === 0
        ) {
          const stepId = introductionStepId(position);
          events.push(
            { type: 'StepClosed', data: { stepId, outcome: 'cancelled' } },
            ...advance(state, { ...position, step: 5 }, gone, command.now, rulebook),
          );
        }
        return events;
      }
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveIntroduction, initialState: initialIntroductionState };
}

/** Procedure B with the shipped rulebooks. */
export const introductionDecider = createIntroductionDecider();
