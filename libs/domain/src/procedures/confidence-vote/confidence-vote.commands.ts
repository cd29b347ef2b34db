import { type ConcernedPerson } from '../../checks/decision-guards.check';
import { type RegistryRef } from '../common/common.events';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';

/** How the members voted on one person: "high confidence", "confidence" and "low confidence" ballots. */
export interface ConfidenceRatings {
  readonly high: number;
  readonly confidence: number;
  readonly low: number;
}

/**
 * Launch a confidence vote (lấy phiếu tín nhiệm, QĐ 262 → 96): the voting body (usually the executive committee)
 * rates each person; a low result goes to the competent higher body, which decides the consequence.
 */
export type LaunchConfidenceVote = DomainCommand<
  'LaunchConfidenceVote',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /** The rulebook to run under instead of the one in force at launch (never taken from a person's input). */
    readonly rulebookId?: string;
    readonly organisationId: string;
    /** The body whose members vote, and the role its recorder acts in. */
    readonly votingBodyId: string;
    readonly votingRole: RoleKind;
    /** The body that decides the consequence of a low result (review or dismissal). */
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    /** The people voted on, with their declared relatives (they and their relatives may not record the count). */
    readonly candidates: readonly ConcernedPerson[];
  }
>;

/** The recorder of the voting body enters the meeting's figures and the ballots per person. */
export type RecordConfidenceVote = DomainCommand<
  'RecordConfidenceVote',
  {
    readonly stepId: string;
    readonly summoned: number;
    readonly present: number;
    /** person id → ballots by level; every person of the vote, nobody else. */
    readonly ratings: Readonly<Record<string, ConfidenceRatings>>;
  }
>;

/** Commands of the confidence vote; `DecideStep` on a follow-up step: approve = the measure is taken, reject = not. */
export type ConfidenceVoteCommand = CommonCommand | DecideStep | LaunchConfidenceVote | RecordConfidenceVote;
