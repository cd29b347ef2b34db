import { type RegistryRef } from '../common/common.events';
import { type Gender } from '../../organisation/organisation.types';
import { type Track } from '../../rulebook/rulebook.types';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type MeetingTally } from '../common/meeting-tally.types';

/** A candidate put into the five-step introduction. */
export interface IntroductionCandidate {
  readonly personId: string;
  readonly track: Track;
  readonly birthDate: string;
  readonly gender: Gender;
  readonly relativeIds: readonly string[];
}

/** Launch procedure B: both tracks, age-checked against the rulebook at the congress date. */
export type LaunchIntroduction = DomainCommand<
  'LaunchIntroduction',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /**
     * The rulebook to run under instead of the one in force at launch: a stage of the congress procedure runs
     * under the rulebook its composite was launched under.
     */
    readonly rulebookId?: string;
    readonly organisationId: string;
    readonly congressDate: string;
    readonly standingCommitteeId: string;
    readonly executiveCommitteeId: string;
    readonly keyCadresConferenceId: string;
    readonly inspectionCommitteeId: string;
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    readonly candidates: readonly IntroductionCandidate[];
  }
>;

/** Step 1: the standing committee drops one person from the list, with a reason. */
export type DropCandidate = DomainCommand<
  'DropCandidate',
  { readonly stepId: string; readonly personId: string; readonly reason: string }
>;

/** Steps 2–5: record a secret-ballot meeting's result. */
export type RecordTally = DomainCommand<'RecordTally', { readonly stepId: string; readonly tally: MeetingTally }>;

/** Step 5: a new issue about a candidate: verify, then step 5 again. */
export type RaiseNewIssue = DomainCommand<'RaiseNewIssue', { readonly personId: string; readonly issue: string }>;

/** The standing and executive committees disagree: ask the higher committee, holding the open step. */
export type EscalateDisagreement = DomainCommand<'EscalateDisagreement', { readonly reason: string }>;

/** A candidate withdraws. */
export type WithdrawCandidacy = DomainCommand<
  'WithdrawCandidacy',
  { readonly personId: string; readonly reason: string }
>;

/**
 * Commands of procedure B. `DecideStep` approves / returns / rejects the list at step 1, concludes a
 * verification (approve = cleared, reject = blocked), or records the higher committee's opinion (note/reason).
 */
export type IntroductionCommand =
  | CommonCommand
  | DecideStep
  | LaunchIntroduction
  | DropCandidate
  | RecordTally
  | RaiseNewIssue
  | EscalateDisagreement
  | WithdrawCandidacy;
