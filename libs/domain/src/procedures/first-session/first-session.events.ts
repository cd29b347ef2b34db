import { type LevelKind } from '../../organisation/organisation.types';
import { type DomainEvent } from '../../shared/message.types';
import { type CommonEvent } from '../common/common.events';
import { type VotingEvent } from '../common/voting.events';
import { type TieDetected } from '../election/election.events';
import { type FirstSessionMember, type FirstSessionOffice, type FirstSessionSeats } from './first-session.commands';

/** The session was set up: the committee's members (with the profiles composition is checked on) and the seats. */
export type FirstSessionScheduled = DomainEvent<
  'FirstSessionScheduled',
  {
    readonly executiveCommitteeId: string;
    readonly level: LevelKind;
    readonly sessionDate: string;
    readonly seats: FirstSessionSeats;
    readonly members: readonly FirstSessionMember[];
  }
>;

/** The election of an office opened: how many seats, and who may stand (members, or the body it is elected from). */
export type FirstSessionOfficeOpened = DomainEvent<
  'FirstSessionOfficeOpened',
  {
    readonly office: FirstSessionOffice;
    /** 1 at the first sitting; one more each time the higher committee returns the results. */
    readonly sitting: number;
    readonly seats: number;
    readonly eligibleIds: readonly string[];
  }
>;

/** The executive committee proposed the list for the office. */
export type FirstSessionCandidatesNominated = DomainEvent<
  'FirstSessionCandidatesNominated',
  { readonly office: FirstSessionOffice; readonly candidateIds: readonly string[]; readonly nominatedBy: string }
>;

/** A round of secret ballot for the office opened (step `round-<n>`). */
export type FirstSessionRoundOpened = DomainEvent<
  'FirstSessionRoundOpened',
  {
    readonly office: FirstSessionOffice;
    /** The round's number over the whole session, as its step id `round-<round>` says. */
    readonly round: number;
    readonly seats: number;
    readonly candidateIds: readonly string[];
    readonly reason: 'first' | 'tie' | 'committee-decision';
  }
>;

/** A member won a seat of the office. */
export type FirstSessionMemberElected = DomainEvent<
  'FirstSessionMemberElected',
  {
    readonly office: FirstSessionOffice;
    readonly personId: string;
    readonly round: number;
    readonly votes: number;
    readonly base: number;
  }
>;

/** A round closed. */
export type FirstSessionRoundClosed = DomainEvent<
  'FirstSessionRoundClosed',
  {
    readonly office: FirstSessionOffice;
    readonly round: number;
    readonly elected: readonly string[];
    readonly seatsLeft: number;
  }
>;

/** The election of an office ended: all seats filled, or the committee chose not to vote again. */
export type FirstSessionOfficeFilled = DomainEvent<
  'FirstSessionOfficeFilled',
  { readonly office: FirstSessionOffice; readonly elected: readonly string[]; readonly seatsUnfilled: number }
>;

/** Who the session elected to each office. */
export type FirstSessionResult = Readonly<Record<FirstSessionOffice, readonly string[]>>;

/** Every office was elected; the results go to the higher committee. */
export type FirstSessionConcluded = DomainEvent<'FirstSessionConcluded', { readonly result: FirstSessionResult }>;

/** The higher committee ratified the results (chuẩn y). */
export type FirstSessionRatified = DomainEvent<
  'FirstSessionRatified',
  { readonly byBodyId: string; readonly result: FirstSessionResult }
>;

/** The higher committee returned the results with its reason; the committee elects again at a new sitting. */
export type FirstSessionReturned = DomainEvent<
  'FirstSessionReturned',
  { readonly byBodyId: string; readonly reason: string; readonly sitting: number }
>;

/** Events of the first session of the new executive committee. */
export type FirstSessionEvent =
  | CommonEvent
  | VotingEvent
  | TieDetected
  | FirstSessionScheduled
  | FirstSessionOfficeOpened
  | FirstSessionCandidatesNominated
  | FirstSessionRoundOpened
  | FirstSessionMemberElected
  | FirstSessionRoundClosed
  | FirstSessionOfficeFilled
  | FirstSessionConcluded
  | FirstSessionRatified
  | FirstSessionReturned;
