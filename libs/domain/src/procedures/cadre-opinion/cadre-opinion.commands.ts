import { type ConcernedPerson } from '../../checks/decision-guards.check';
import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';

/**
 * A higher or central agency (e.g. the Central Organization Committee) asked the organisation for its opinion on
 * cadres (domain.md §3E: lower levels give opinions to central agencies; HCMC gave 189 in 2020). The Organization
 * Committee records the request; the organisation's standing committee answers for each person.
 */
export type ReceiveOpinionRequest = DomainCommand<
  'ReceiveOpinionRequest',
  {
    readonly procedureId: string;
    readonly registry?: RegistryRef;
    /** The rulebook to run under instead of the one in force at launch (never taken from a person's input). */
    readonly rulebookId?: string;
    readonly organisationId: string;
    /** The agency that asks, and to which the answer goes. */
    readonly requestingBodyId: string;
    /** The request's document reference (number, issuer, date as written on it). */
    readonly reference: string;
    /** What the opinion is for (a post, an appointment, a commendation…), in the request's words. */
    readonly matter: string;
    /** The body that answers, and the role its members act in. */
    readonly answeringBodyId: string;
    readonly answeringRole: RoleKind;
    /** The cadres the request is about, with their declared relatives (who may not answer on them). */
    readonly candidates: readonly ConcernedPerson[];
  }
>;

/** Commands of the opinion; `DecideStep` on `answer/<person>`: approve = favourable, reject = unfavourable. */
export type CadreOpinionCommand = CommonCommand | DecideStep | ReceiveOpinionRequest;
