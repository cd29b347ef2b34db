import { type CompositionBasis } from '../../checks/composition.check';
import { type LevelKind } from '../../organisation/organisation.types';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type CandidateEvent, type VotingEvent } from '../common/voting.events';

/** The election was set up: which committee, how many seats, on which day. */
export type ElectionScheduled = DomainEvent<
  'ElectionScheduled',
  {
    readonly electedBodyId: string;
    readonly seats: number;
    readonly congressDate: string;
    readonly level: LevelKind;
    /**
     * The checks this election enforces, fixed at launch. Absent on elections launched before these checks
     * existed: they run on without them, so their histories replay as recorded.
     */
    readonly checks?: readonly ElectionCheck[];
    /** What the list's composition is checked on (`composition` check): level, congress day, profiles, targets. */
    readonly composition?: CompositionBasis;
    /**
     * An election of delegates to the higher congress: of `seats` places, `official` official and `alternates`
     * alternate delegates. Absent for the election of a committee.
     */
    readonly delegates?: { readonly official: number; readonly alternates: number };
  }
>;
/**
 * A check an election enforces from its launch on:
 * - `action-programme`: every candidate on the list has filed an action programme before the congress approves
 *   it (domain.md §3G; when the rulebook's `actionProgramme.requiredFor` names elections);
 * - `further-round-surplus`: a further round the congress decides on keeps the list's surplus cap (≤ 30%);
 * - `floor-candidate`: a name added from the floor passes the checks a listed candidate passes, as far as the
 *   congress knows them (age, dossier, relatives);
 * - `composition`: the list the congress approves is checked against the composition targets (`CompositionChecked`;
 *   refused under the rulebook's `composition.enforcement: 'block'`).
 */
export type ElectionCheck = 'action-programme' | 'further-round-surplus' | 'floor-candidate' | 'composition';

/** The congress approved the candidate list with its surplus. */
export type CandidateListApproved = DomainEvent<
  'CandidateListApproved',
  { readonly personIds: readonly string[]; readonly seats: number; readonly surplus: number }
>;
/** A round of voting opened for these seats and candidates. */
export type ElectionRoundOpened = DomainEvent<
  'ElectionRoundOpened',
  {
    readonly round: number;
    readonly seats: number;
    readonly candidateIds: readonly string[];
    readonly reason: 'first' | 'tie' | 'congress-decision';
  }
>;
/** A candidate won a seat. */
export type CandidateElected = DomainEvent<
  'CandidateElected',
  { readonly personId: string; readonly round: number; readonly votes: number; readonly base: number }
>;
/** Candidates tied for the last seat(s). */
export type TieDetected = DomainEvent<
  'TieDetected',
  { readonly round: number; readonly personIds: readonly string[]; readonly votes: number; readonly seats: number }
>;
/** A round closed. */
export type ElectionRoundClosed = DomainEvent<
  'ElectionRoundClosed',
  { readonly round: number; readonly elected: readonly string[]; readonly seatsLeft: number }
>;
/** Voting ended (all seats filled, or the congress chose not to continue). */
export type ElectionConcluded = DomainEvent<
  'ElectionConcluded',
  { readonly elected: readonly string[]; readonly seatsUnfilled: number }
>;
/** The higher committee ratified the result (chuẩn y). */
export type ResultRatified = DomainEvent<
  'ResultRatified',
  { readonly byBodyId: string; readonly elected: readonly string[] }
>;
/** The higher committee did not ratify. */
export type RatificationRefused = DomainEvent<
  'RatificationRefused',
  { readonly byBodyId: string; readonly reason: string }
>;

/**
 * Delegates to the higher congress declared: the first `official.length` elected (by round, then votes, as the
 * rounds ranked them) are official delegates, the rest alternates, in their order of precedence.
 */
export type DelegatesElected = DomainEvent<
  'DelegatesElected',
  {
    readonly official: readonly string[];
    readonly alternates: readonly string[];
    readonly seatsUnfilled: number;
    /** Equal votes in one round across the official/alternate cut: who tied, and that id order decided. */
    readonly tieAtCut?: {
      readonly personIds: readonly string[];
      readonly votes: number;
      readonly resolvedBy: 'id-order';
    };
  }
>;

/** Events of procedure F. */
export type ElectionEvent =
  | CommonEvent
  | VotingEvent
  | CandidateEvent
  | ElectionScheduled
  | CandidateListApproved
  | ElectionRoundOpened
  | CandidateElected
  | TieDetected
  | ElectionRoundClosed
  | ElectionConcluded
  | ResultRatified
  | RatificationRefused
  | DelegatesElected;
