import { defaultRulebooks, launchRulebook } from '../../rulebook/rulebook.registry';
import { type Rulebook } from '../../rulebook/rulebook.types';
import { IllegalTransitionError, NotAllowedError, ValidationError } from '../../shared/domain.error';
import { type Decider } from '../../shared/message.types';
import { type DecideStep } from '../common/common.commands';
import { type StepOpened } from '../common/common.events';
import {
  assertNotLaunched,
  assertRunning,
  authorizeStep,
  decideCommon,
  dueAfter,
  isCommonCommand,
} from '../common/procedure-core.kernel';
import { type CadreOpinionCommand, type ReceiveOpinionRequest } from './cadre-opinion.commands';
import { type CadreOpinionEvent } from './cadre-opinion.events';
import { evolveCadreOpinion, initialCadreOpinionState, type CadreOpinionState } from './cadre-opinion.state';

/** The step on which the answering body gives its opinion on one cadre. */
export const answerStepId = (personId: string): string => `answer/${personId}`;

function checkRequest(data: ReceiveOpinionRequest['data']): string[] {
  const personIds = data.candidates.map((c) => c.personId);
  if (personIds.length === 0) {
    throw new ValidationError('Name the cadre the request is about', {}, { code: 'NOMINATION_EMPTY' });
  }
  if (new Set(personIds).size !== personIds.length) {
    throw new ValidationError(
      'The request names someone twice',
      {},
      {
        code: 'CANDIDATE_LISTED_TWICE',
        params: { personIds: personIds.filter((id, i) => personIds.indexOf(id) !== i) },
      },
    );
  }
  const missing = (['reference', 'matter'] as const).filter((f) => !data[f].trim());
  if (missing.length > 0) {
    throw new ValidationError(
      `The request needs its ${missing.join(' and ')}`,
      { missing },
      { code: 'OPINION_REQUEST_INCOMPLETE', params: { missing } },
    );
  }
  return personIds;
}

/**
 * Builds the decider of an opinion given to a higher or central agency on cadres (domain.md §3E): the
 * Organization Committee records the request (its reference and matter); the answering body (the standing
 * committee) gives, for each cadre, a favourable opinion (approve, with an optional note) or an unfavourable one
 * (reject, with its reason). The person concerned and their relatives stand aside; the office that recorded the
 * request does not answer it. The procedure ends when every cadre has an answer (outcome `opinion-given`, which
 * progress counts). The answer is due within the rulebook's working days for a higher body's opinion.
 *
 * @example
 * const events = cadreOpinionDecider.decide(receiveRequest, cadreOpinionDecider.initialState());
 */
export function createCadreOpinionDecider(
  rulebooks: readonly Rulebook[] = defaultRulebooks,
): Decider<CadreOpinionCommand, CadreOpinionEvent, CadreOpinionState> {
  function answer(command: DecideStep, state: CadreOpinionState): CadreOpinionEvent[] {
    assertRunning(state.core, command);
    const step = authorizeStep(state.core, command.data.stepId, command.actor, {
      fourEyes: true,
      commandType: command.type,
    });
    const personId = step.subjectIds[0];
    if (personId === undefined || step.stepId !== answerStepId(personId)) {
      throw new IllegalTransitionError(`Step "${step.stepId}" is not an answer`, state.status, command.type, {
        code: 'STEP_NOT_APPROVAL',
        params: { stepId: step.stepId },
      });
    }
    const { decision } = command.data;
    if (decision.kind === 'return') {
      throw new ValidationError(
        'An opinion is favourable (approve) or not (reject, with the reason)',
        {},
        { code: 'DECISION_NOT_RETURNABLE', params: { stepId: step.stepId } },
      );
    }
    if (decision.kind === 'reject' && !decision.reason.trim()) {
      throw new ValidationError(
        'Give the reason of an unfavourable opinion',
        {},
        { code: 'DECISION_REASON_MISSING', params: { decision: decision.kind } },
      );
    }
    const favourable = decision.kind === 'approve';
    const events: CadreOpinionEvent[] = [
      {
        type: 'OpinionGiven',
        data: {
          personId,
          favourable,
          opinion: decision.kind === 'approve' ? (decision.note ?? '') : decision.reason,
          byBodyId: step.bodyId,
          toBodyId: state.requestingBodyId,
        },
      },
      { type: 'StepClosed', data: { stepId: step.stepId, outcome: favourable ? 'approved' : 'rejected' } },
    ];
    if (Object.keys(state.core.openSteps).every((id) => id === step.stepId)) {
      events.push({ type: 'ProcedureCompleted', data: { outcome: 'opinion-given', personIds: state.personIds } });
    }
    return events;
  }

  function decide(command: CadreOpinionCommand, state: CadreOpinionState): CadreOpinionEvent[] {
    if (isCommonCommand(command)) {
      return decideCommon(command, state.core, rulebooks);
    }
    switch (command.type) {
      case 'ReceiveOpinionRequest': {
        assertNotLaunched(state.core, command);
        if (command.actor.role !== 'organization-committee') {
          throw new NotAllowedError(
            'A request for an opinion is recorded by the Organization Committee',
            command.actor.personId,
            'ROLE',
          );
        }
        const { data } = command;
        const personIds = checkRequest(data);
        const rulebook = launchRulebook(command, rulebooks);
        const dueDate = dueAfter(command.now, rulebook.procedureStepDue.cadreOpinion.answer, rulebook.calendar);
        return [
          {
            type: 'ProcedureLaunched',
            data: {
              procedureId: data.procedureId,
              kind: 'cadre-opinion',
              bodyId: data.organisationId,
              rulebookId: rulebook.id,
              launchedBy: command.actor,
              launchedAt: command.now,
              ...(data.registry ? { registry: data.registry } : {}),
              higherBodyId: data.requestingBodyId,
              concerned: data.candidates,
              authorities: {
                answering: { role: data.answeringRole, bodyId: data.answeringBodyId },
              },
            },
          },
          {
            type: 'OpinionRequested',
            data: {
              requestingBodyId: data.requestingBodyId,
              reference: data.reference,
              matter: data.matter,
              personIds,
            },
          },
          ...personIds.map((personId): StepOpened => ({
            type: 'StepOpened',
            data: {
              stepId: answerStepId(personId),
              kind: 'cadre-opinion',
              params: { personId },
              name: `The standing committee gives its opinion on ${personId}`,
              role: data.answeringRole,
              bodyId: data.answeringBodyId,
              dueDate,
              decision: 'opinion',
              subjectIds: [personId],
            },
          })),
        ];
      }
      case 'DecideStep':
        return answer(command, state);
      default: {
        const _never: never = command;
        return _never;
      }
    }
  }

  return { decide, evolve: evolveCadreOpinion, initialState: initialCadreOpinionState };
}

/** The opinion on cadres with the shipped rulebooks. */
export const cadreOpinionDecider = createCadreOpinionDecider();
