import { type StepAuthority } from '../../checks/decision-guards.check';
import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook, type VettingKind } from '../../rulebook/rulebook.types';
import { ConflictError, IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Actor, type Decider } from '../../shared/message.types';
import {
  assertNotLaunched,
  assertRunning,
  authorizeStep,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type ConcludeVetting, type RequestVetting, type VettingCommand } from './vetting.commands';
import { type VettingEvent } from './vetting.events';
import { evolveVetting, initialVettingState, type VettingCandidateState, type VettingState } from './vetting.state';

const KIND_NAMES: Record<VettingKind, string> = {
  'political-standard': 'Political-standard conclusion',
  'asset-declaration': 'Asset and income declaration and its verification',
  'workplace-opinion': 'Opinion of the committee where the person works',
  'residence-opinion': 'Opinion of the party cell where the person lives',
  'inspection-opinion': 'Inspection Committee opinion',
  complaints: 'Complaint and denunciation check',
  relatives: 'Relatives in linked posts',
};

/** Step id of one check of one candidate: `<personId>/<kind>`. */
export function vettingStepId(personId: string, kind: VettingKind): string {
  return `${personId}/${kind}`;
}

/** Splits `<personId>/<kind>` at its last slash (person ids may hold slashes themselves). */
export function parseVettingStepId(stepId: string): { personId: string; kind: VettingKind } {
  const cut = stepId.lastIndexOf('/');
  return { personId: stepId.slice(0, Math.max(cut, 0)), kind: stepId.slice(cut + 1) as VettingKind };
}

function authorityFor(
  kind: VettingKind,
  candidate: RequestVetting['data']['candidates'][number],
  data: RequestVetting['data'],
  rulebook: Rulebook,
): StepAuthority {
  const role = rulebook.vetting.concludedBy[kind];
  if (kind === 'workplace-opinion') return { role, bodyId: candidate.workplaceBodyId };
  if (kind === 'residence-opinion') return { role, bodyId: candidate.residenceBodyId };
  const bodyId = data.bodies[role];
  if (!bodyId) {
    throw new ValidationError(
      `Name the body acting as ${role} to conclude "${kind}"`,
      { role, kind },
      { code: 'VETTING_BODY_MISSING' },
    );
  }
  return { role, bodyId };
}

/**
 * Builds the decider of procedure D, vetting (thẩm định) under QĐ 205/114: every check the rulebook lists runs
 * in parallel per candidate; all clear → `CandidateCleared`; any block → `CandidateBlocked` (sent back) and the
 * candidate's other checks are cancelled. The relatives check concludes at launch from the conflicts found.
 */
export function createVettingDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<VettingCommand, VettingEvent, VettingState> {
  function outcomeEvents(
    state: VettingState,
    personId: string,
    kind: VettingKind,
    outcome: 'CLEARED' | 'BLOCKED',
    reason: string | null,
  ): VettingEvent[] {
    const events: VettingEvent[] = [
      { type: 'VettingConcluded', data: { personId, kind, outcome, reason } },
      { type: 'StepClosed', data: { stepId: vettingStepId(personId, kind), outcome: 'concluded' } },
    ];
    const candidate = state.candidates[personId];
    const resolved = new Map<string, 'CLEARED' | 'BLOCKED'>();
    if (outcome === 'BLOCKED') {
      events.push({ type: 'CandidateBlocked', data: { personId, kind, reason: reason ?? kind } });
      for (const other of state.kinds) {
        if (
          other !== kind &&
          candidate.concluded[other] === undefined &&
          state.core.openSteps[vettingStepId(personId, other)]
        ) {
          events.push({ type: 'StepClosed', data: { stepId: vettingStepId(personId, other), outcome: 'cancelled' } });
        }
      }
      resolved.set(personId, 'BLOCKED');
    } else if (state.kinds.every((k) => k === kind || candidate.concluded[k] === 'CLEARED')) {
      events.push({ type: 'CandidateCleared', data: { personId } });
      resolved.set(personId, 'CLEARED');
    }
    const statusOf = (id: string): string => resolved.get(id) ?? state.candidates[id]?.status ?? 'PENDING';
    if (resolved.size > 0 && state.order.every((id) => statusOf(id) !== 'PENDING')) {
      events.push({
        type: 'ProcedureCompleted',
        data: { outcome: 'vetted', personIds: state.order.filter((id) => statusOf(id) === 'CLEARED') },
      });
    }
    return events;
  }

  function conclude(command: ConcludeVetting, state: VettingState, actor: Actor): VettingEvent[] {
    const { personId, kind, outcome } = command.data;
    const candidate = state.candidates[personId];
    if (!candidate || !state.kinds.includes(kind)) {
      throw new ValidationError(
        `No "${kind}" check is running for ${personId}`,
        { personId, kind },
        { code: 'VETTING_CHECK_NOT_RUNNING' },
      );
    }
    authorizeStep(state.core, vettingStepId(personId, kind), actor, { fourEyes: true, commandType: command.type });
    const reason = command.data.reason?.trim() ?? '';
    if (outcome === 'BLOCKED' && !reason) {
      throw new ValidationError(
        'A block needs its reason; it is sent back with the candidate',
        {},
        { code: 'BLOCK_REASON_MISSING' },
      );
    }
    if (outcome === 'CLEARED' && kind === 'asset-declaration') {
      throw new IllegalTransitionError(
        'The asset check concludes by verifying the filed declaration',
        'DECLARATION',
        command.type,
        { code: 'ASSET_CHECK_BY_VERIFICATION' },
      );
    }
    if (outcome === 'CLEARED' && kind === 'complaints') {
      const mine = Object.values(state.complaints).filter((c) => c.personId === personId);
      if (mine.some((c) => !c.resolved)) {
        throw new IllegalTransitionError(
          `Resolve the open complaints about ${personId} before clearing them`,
          'OPEN_COMPLAINTS',
          command.type,
          { code: 'COMPLAINTS_OPEN', params: { personId } },
        );
      }
      if (mine.some((c) => c.substantiated)) {
        throw new ValidationError(
          `A substantiated complaint about ${personId} cannot be cleared; block with the finding`,
          {},
          { code: 'COMPLAINT_SUBSTANTIATED', params: { personId } },
        );
      }
    }
    return outcomeEvents(state, personId, kind, outcome, outcome === 'BLOCKED' ? reason : null);
  }

  function pending(state: VettingState, personId: string, commandType: string): VettingCandidateState {
    const candidate = state.candidates[personId];
    if (!candidate) {
      throw new ValidationError(`${personId} is not being vetted here`, { personId }, { code: 'CANDIDATE_NOT_VETTED' });
    }
    if (candidate.status !== 'PENDING') {
      throw new IllegalTransitionError(`${personId} is already ${candidate.status}`, candidate.status, commandType, {
        code: 'CANDIDATE_ALREADY_CONCLUDED',
        params: { personId },
      });
    }
    return candidate;
  }

  function decide(command: VettingCommand, state: VettingState): VettingEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    if (command.type === 'RequestVetting') {
      assertNotLaunched(state.core, command);
      const rulebook = launchRulebook(command, rulebooks);
      const { data } = command;
      if (
        data.candidates.length === 0 ||
        new Set(data.candidates.map((c) => c.personId)).size !== data.candidates.length
      ) {
        throw new ValidationError('List each candidate to vet once', {}, { code: 'CANDIDATE_LISTED_TWICE' });
      }
      const due = dueAfter(command.now, rulebook.stepDueWorkingDays.vettingCheck, rulebook.calendar);
      const events: VettingEvent[] = [
        {
          type: 'ProcedureLaunched',
          data: {
            procedureId: data.procedureId,
            kind: 'vetting',
            bodyId: data.organisationId,
            rulebookId: rulebook.id,
            launchedBy: command.actor,
            launchedAt: command.now,
            ...(command.data.registry ? { registry: command.data.registry } : {}),
            higherBodyId: data.higherBodyId,
            concerned: data.candidates.map((c) => ({ personId: c.personId, relativeIds: c.relativeIds })),
            authorities: Object.fromEntries(
              Object.entries(data.bodies).map(([role, bodyId]) => [
                role,
                { role: role as StepAuthority['role'], bodyId: bodyId ?? '' },
              ]),
            ),
          },
        },
      ];
      for (const candidate of data.candidates) {
        for (const kind of rulebook.vetting.kinds) {
          events.push({
            type: 'VettingRequested',
            data: { personId: candidate.personId, kind, reason: 'candidate vetting' },
          });
          if (kind !== 'relatives') {
            events.push({
              type: 'StepOpened',
              data: {
                stepId: vettingStepId(candidate.personId, kind),
                kind: 'vetting-check',
                params: { check: kind, personId: candidate.personId },
                name: `${KIND_NAMES[kind]}: ${candidate.personId}`,
                ...authorityFor(kind, candidate, data, rulebook),
                dueDate: due,
                decision: 'conclusion',
                subjectIds: [candidate.personId],
              },
            });
          }
        }
      }
      // The relatives check needs no task: it concludes now from the conflicts the caller found.
      let state2 = events.reduce(evolveVetting, state);
      if (rulebook.vetting.kinds.includes('relatives')) {
        for (const candidate of data.candidates) {
          const stepId = vettingStepId(candidate.personId, 'relatives');
          const found = candidate.linkedPostConflicts;
          const concluded: VettingEvent[] = [
            ...(found.length > 0
              ? [{ type: 'ConflictDetected', data: { personId: candidate.personId, conflicts: found } } as const]
              : []),
            ...outcomeEvents(
              state2,
              candidate.personId,
              'relatives',
              found.length > 0 ? 'BLOCKED' : 'CLEARED',
              found.length > 0 ? found.map((c) => `${c.relation} ${c.relativeId}: ${c.rule}`).join('; ') : null,
            ).filter((e) => !(e.type === 'StepClosed' && e.data.stepId === stepId)),
          ];
          events.push(...concluded);
          state2 = concluded.reduce(evolveVetting, state2);
        }
      }
      return events;
    }
    assertRunning(state.core, command);
    switch (command.type) {
      case 'ConcludeVetting':
        return conclude(command, state, command.actor);
      case 'DecideStep': {
        const { personId, kind } = parseVettingStepId(command.data.stepId);
        const decision = command.data.decision;
        if (decision.kind === 'return') {
          throw new ValidationError(
            'A check ends cleared (approve) or blocked (reject with the reason)',
            {},
            { code: 'CHECK_NOT_RETURNABLE' },
          );
        }
        return conclude(
          {
            ...command,
            type: 'ConcludeVetting',
            data: {
              personId,
              kind,
              outcome: decision.kind === 'approve' ? 'CLEARED' : 'BLOCKED',
              reason: decision.kind === 'reject' ? decision.reason : undefined,
            },
          },
          state,
          command.actor,
        );
      }
      case 'FileAssetDeclaration': {
        const candidate = pending(state, command.data.personId, command.type);
        if (candidate.declarationFiled) {
          throw new ConflictError(`${command.data.personId} has already filed a declaration`, command.data.personId, {
            code: 'DECLARATION_ALREADY_FILED',
            params: { personId: command.data.personId },
          });
        }
        const launcher = state.core.launchedBy;
        const byOffice =
          launcher !== null && command.actor.role === launcher.role && command.actor.bodyId === launcher.bodyId;
        if (command.actor.personId !== command.data.personId && !byOffice) {
          throw new NotAllowedError(
            'The declaration is filed by the candidate or recorded by the launching office',
            command.actor.personId,
            'ROLE',
          );
        }
        return [
          {
            type: 'AssetDeclarationFiled',
            data: { personId: command.data.personId, reference: command.data.reference },
          },
        ];
      }
      case 'VerifyAssetDeclaration': {
        const candidate = pending(state, command.data.personId, command.type);
        if (!candidate.declarationFiled) {
          throw new IllegalTransitionError(
            `${command.data.personId} has not filed the declaration yet`,
            'NOT_FILED',
            command.type,
            { code: 'DECLARATION_NOT_FILED', params: { personId: command.data.personId } },
          );
        }
        const stepId = vettingStepId(command.data.personId, 'asset-declaration');
        authorizeStep(state.core, stepId, command.actor, { fourEyes: true, commandType: command.type });
        return [
          { type: 'AssetDeclarationVerified', data: { ...command.data } },
          ...outcomeEvents(
            state,
            command.data.personId,
            'asset-declaration',
            command.data.consistent ? 'CLEARED' : 'BLOCKED',
            command.data.consistent ? null : command.data.finding,
          ),
        ];
      }
      case 'ReceiveComplaint': {
        pending(state, command.data.personId, command.type);
        if (state.complaints[command.data.complaintId]) {
          throw new ConflictError(
            `Complaint ${command.data.complaintId} is already recorded`,
            command.data.complaintId,
            { code: 'COMPLAINT_ALREADY_RECORDED', params: { complaintId: command.data.complaintId } },
          );
        }
        return [{ type: 'ComplaintReceived', data: { ...command.data } }];
      }
      case 'ResolveComplaint': {
        const complaint = state.complaints[command.data.complaintId];
        if (!complaint || complaint.resolved) {
          throw new IllegalTransitionError(
            `Complaint ${command.data.complaintId} is not open`,
            'NO_OPEN_COMPLAINT',
            command.type,
            { code: 'COMPLAINT_NOT_OPEN', params: { complaintId: command.data.complaintId } },
          );
        }
        authorizeStep(state.core, vettingStepId(complaint.personId, 'complaints'), command.actor, {
          fourEyes: true,
          commandType: command.type,
        });
        return [{ type: 'ComplaintResolved', data: { ...command.data } }];
      }
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveVetting, initialState: initialVettingState };
}

/** Procedure D with the shipped rulebooks. */
export const vettingDecider = createVettingDecider();
