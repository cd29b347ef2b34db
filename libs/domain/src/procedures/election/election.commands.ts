import { type CompositionBasis } from '../../checks/composition.check';
import { type RegistryRef } from '../common/common.events';
import { type ElectionCheck } from './election.events';
import { type Gender, type LevelKind } from '../../organisation/organisation.types';
import { type Track } from '../../rulebook/rulebook.types';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type BallotCounts, type Tallies } from '../../voting/ballots.rule';
import { type ElectionAttendance } from '../../voting/election-base.rule';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type CandidateSource } from '../common/voting.events';

/** A candidate on the congress list. */
export interface ElectionCandidate {
  readonly personId: string;
  readonly relativeIds: readonly string[];
  readonly source: CandidateSource;
  /** Whether the person is an official delegate; a non-delegate files a dossier ahead of the congress. */
  readonly delegate: boolean;
  readonly dossierFiledOn?: string;
}

/** Launch procedure F: the list goes to the congress for approval. */
export type LaunchElection = DomainCommand<
  'LaunchElection',
  {
    readonly procedureId: string;
    /** The registry snapshot the launch pinned; recorded on `ProcedureLaunched`. */
    readonly registry?: RegistryRef;
    /**
     * The rulebook to run under instead of the one in force at launch: a stage of the congress procedure runs
     * under the rulebook its composite was launched under.
     */
    readonly rulebookId?: string;
    /**
     * The checks the election enforces (`ElectionScheduled.checks`); by default every check the rulebook asks
     * for. The workflow names none for an election it replays from before the checks existed.
     */
    readonly checks?: readonly ElectionCheck[];
    readonly congressId: string;
    /** The committee being elected (e.g. the provincial BCH). */
    readonly electedBodyId: string;
    readonly level: LevelKind;
    readonly congressDate: string;
    /** The seats to fill; for delegates to the higher congress, the official delegates. */
    readonly seats: number;
    /**
     * Delegates to the higher congress (official and alternate, elected at this congress): how many alternate
     * delegates are elected with the official ones. One list, one ballot, the same counting rules for
     * `seats + alternateSeats` places; those elected first by round and votes are official, the rest alternates.
     * Absent for the election of a committee.
     */
    readonly alternateSeats?: number;
    readonly presidiumId: string;
    readonly countingBoardId: string;
    /** The higher committee that ratifies, and the role it acts in. */
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    readonly candidates: readonly ElectionCandidate[];
    /** The profiles (and the plan's targets) the list's composition is checked on, from the registry snapshot. */
    readonly composition?: CompositionBasis;
  }
>;

/** A delegate proposes a name from the floor; it needs more than 30% of delegates present. */
export type AddFloorCandidate = DomainCommand<
  'AddFloorCandidate',
  {
    readonly personId: string;
    readonly relativeIds: readonly string[];
    readonly votesInFavour: number;
    readonly delegatesPresent: number;
    /**
     * What the congress knows of the person, for the checks a listed candidate passes: with `age`, the age rule
     * of the rulebook for that track; a non-delegate (`delegate: false`) files the dossier in time as a listed
     * non-delegate does. A name that fails is added, then dropped with the reason, as on the list.
     */
    readonly age?: { readonly birthDate: string; readonly gender: Gender; readonly track: Track };
    readonly delegate?: boolean;
    readonly dossierFiledOn?: string;
  }
>;

/** A candidate asks to be taken off the list before it is approved. */
export type WithdrawFromElection = DomainCommand<
  'WithdrawCandidacy',
  { readonly personId: string; readonly reason: string }
>;

/** The counting board records a round's result. */
export type RecordRoundTally = DomainCommand<
  'RecordRoundTally',
  {
    readonly round: number;
    readonly attendance: ElectionAttendance;
    readonly ballots: BallotCounts;
    readonly tallies: Tallies;
  }
>;

/** Seats remain: the congress decides whether to vote again, and on whom. */
export type DecideNextRound = DomainCommand<
  'DecideNextRound',
  { readonly proceed: boolean; readonly candidateIds: readonly string[] }
>;

/**
 * Commands of procedure F. `DecideStep` approves the candidate list (`candidate-list`) and ratifies the result
 * (`ratification`: approve, or reject/return with a reason).
 */
export type ElectionCommand =
  | CommonCommand
  | DecideStep
  | LaunchElection
  | AddFloorCandidate
  | WithdrawFromElection
  | RecordRoundTally
  | DecideNextRound;
