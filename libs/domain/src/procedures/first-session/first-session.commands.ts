import { type IsoDate } from '../../calendar/civil-date.util';
import { type Gender, type LevelKind } from '../../organisation/organisation.types';
import { type DomainCommand, type RoleKind } from '../../shared/message.types';
import { type CommonCommand, type DecideStep } from '../common/common.commands';
import { type RegistryRef } from '../common/common.events';
import { type DecideNextRound, type RecordRoundTally } from '../election/election.commands';

/**
 * What the new executive committee elects at its first session, in this order: the standing committee (Ban Thường
 * vụ), the secretary from among it, the deputy secretaries from among it, the inspection committee (Ủy ban Kiểm
 * tra) and its chair from among the inspection committee.
 */
export type FirstSessionOffice =
  'standing-committee' | 'secretary' | 'deputy-secretaries' | 'inspection-committee' | 'inspection-chair';

/** The offices in the order the session elects them. */
export const FIRST_SESSION_OFFICES: readonly FirstSessionOffice[] = [
  'standing-committee',
  'secretary',
  'deputy-secretaries',
  'inspection-committee',
  'inspection-chair',
];

/** A member of the newly elected executive committee: every candidate of the session is one. */
export interface FirstSessionMember {
  readonly personId: string;
  /** Declared relatives (recusal of the counting board, and of the higher committee on ratification). */
  readonly relativeIds: readonly string[];
  /** For the women-in-the-standing-committee target. */
  readonly gender: Gender;
  readonly birthDate: string;
}

/** How many the session elects to each office it fills with more than one person. */
export interface FirstSessionSeats {
  readonly standingCommittee: number;
  /** May be 0: no deputy secretary is elected. */
  readonly deputySecretaries: number;
  readonly inspectionCommittee: number;
}

/**
 * Launch the first session of a newly elected executive committee (phiên họp thứ nhất của Ban Chấp hành khóa mới):
 * right after the congress elects it, the committee elects its standing committee, secretary, deputy secretaries,
 * inspection committee and its chair from among its members, under the counting rules of the congress election;
 * the higher committee ratifies the results.
 */
export type LaunchFirstSession = DomainCommand<
  'LaunchFirstSession',
  {
    readonly procedureId: string;
    readonly registry?: RegistryRef;
    /** The rulebook to run under instead of the one in force at launch: a composite's stage passes its own. */
    readonly rulebookId?: string;
    /** The party organisation whose committee meets. */
    readonly organisationId: string;
    /** The new executive committee: it proposes each office's list and decides on further rounds. */
    readonly executiveCommitteeId: string;
    /** The counting board of the session: it records each round's count. */
    readonly countingBoardId: string;
    readonly level: LevelKind;
    /** The day of the session (ages for the composition check). */
    readonly sessionDate: IsoDate;
    readonly seats: FirstSessionSeats;
    /** The higher committee that ratifies (chuẩn y), and the role it acts in. */
    readonly higherBodyId: string;
    readonly higherRole: RoleKind;
    /** The members of the newly elected executive committee (the congress's elected list). */
    readonly members: readonly FirstSessionMember[];
  }
>;

/** The executive committee proposes the candidates for the office being elected (step `list-<n>`). */
export type NominateForOffice = DomainCommand<
  'NominateForOffice',
  { readonly stepId: string; readonly candidateIds: readonly string[] }
>;

/**
 * Commands of the first session. A round's count is the election's `RecordRoundTally` (attendance of all members,
 * ballots, votes), a further round the election's `DecideNextRound`; `DecideStep` on `ratification` approves or
 * returns the results.
 */
export type FirstSessionCommand =
  CommonCommand | DecideStep | LaunchFirstSession | NominateForOffice | RecordRoundTally | DecideNextRound;
